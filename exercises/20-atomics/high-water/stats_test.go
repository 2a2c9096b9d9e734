package highwater

import (
	"sync"
	"testing"

	"go.uber.org/goleak"
)

// TestPeakOfTwo: two requests overlap, so the peak is 2, whatever the
// order in which their Enter calls run.
func TestPeakOfTwo(t *testing.T) {
	defer goleak.VerifyNone(t)
	var g Gauge
	inside := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			g.Enter()
			inside <- struct{}{}
		})
	}
	<-inside
	<-inside // both requests have entered, and neither has left
	wg.Wait()
	if p := g.Peak(); p != 2 {
		t.Errorf("two requests were in flight at once, and Peak() = %d; want 2.\n"+
			"A goroutine that saw 1 stored it after the other had stored 2: a Load followed by a Store\n"+
			"is two steps, and the Store overwrites whatever happened in between.", p)
	}
	g.Leave()
	g.Leave()
}

func TestPeakOfMany(t *testing.T) {
	defer goleak.VerifyNone(t)
	var g Gauge
	const n = 50
	entered := make(chan struct{})
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			g.Enter()
			entered <- struct{}{}
			<-release
			g.Leave()
		})
	}
	for range n {
		<-entered
	}
	close(release)
	wg.Wait()
	if p := g.Peak(); p != n {
		t.Errorf("%d requests were in flight at once, and Peak() = %d; want %d", n, p, n)
	}
	g.Enter()
	g.Leave()
	if p := g.Peak(); p != n {
		t.Errorf("after one more request alone, Peak() = %d; it must stay %d", p, n)
	}
}
