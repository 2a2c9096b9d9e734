package latest

import (
	"testing"
	"testing/synctest"
	"time"
)

// publish calls Publish and fails the test if it waits. Inside a synctest
// bubble the clock is fake: the hour below passes at once when Publish is
// stuck, and never when it returns.
func publish(t *testing.T, box chan int, v int) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		Publish(box, v)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Hour):
		old := <-box // unstick Publish so that the test can end
		<-done
		t.Fatalf("Publish(box, %d) waited: box held %d and nobody was reading.\n"+
			"A send on a full channel waits for a receiver; a select with a default case never waits.", v, old)
	}
}

// TestNewestWins: three readings and no reader. Each Publish returns at
// once, and the box ends up holding the third.
func TestNewestWins(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		box := make(chan int, 1)
		for v := 1; v <= 3; v++ {
			publish(t, box, v)
			if len(box) != 1 {
				t.Fatalf("after Publish(box, %d) the box holds %d value(s); want 1", v, len(box))
			}
		}
		if got := <-box; got != 3 {
			t.Fatalf("after publishing 1, 2, 3 with no reader the box holds %d; want 3, the newest", got)
		}
	})
}

// TestEmptyBox: publishing into an empty box just puts the value there.
func TestEmptyBox(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		box := make(chan int, 1)
		publish(t, box, 7)
		select {
		case got := <-box:
			if got != 7 {
				t.Fatalf("box holds %d after Publish(box, 7) on an empty box; want 7", got)
			}
		default:
			t.Fatalf("the box is empty after Publish(box, 7); want 7 in it")
		}
	})
}

// TestWithAReader: a reader takes readings while the sensor publishes
// 1..n. The reader must see them in increasing order (never an old value
// after a newer one) and must get the last one, n.
func TestWithAReader(t *testing.T) {
	const n = 4
	box := make(chan int, 1)
	seen := make(chan []int)
	go func() {
		var got []int
		for v := range box {
			got = append(got, v)
			if v == n {
				break
			}
		}
		seen <- got
	}()
	for v := 1; v <= n; v++ {
		Publish(box, v)
	}
	got := <-seen
	for i := 1; i < len(got); i++ {
		if got[i] <= got[i-1] {
			t.Fatalf("the reader saw %v: %d after %d. An older reading came out after a newer one.", got, got[i], got[i-1])
		}
	}
	if len(got) == 0 || got[len(got)-1] != n {
		t.Fatalf("the reader saw %v; the last reading, %d, must reach it", got, n)
	}
}
