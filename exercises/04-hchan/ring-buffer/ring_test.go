package ringbuffer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/synctest"
)

// TestAgainstARealChannel does the same operations on a Ring and on a real
// channel of the same capacity, and compares what comes out and the
// fields, after every operation.
func TestAgainstARealChannel(t *testing.T) {
	for _, capacity := range []int{1, 2, 3, 5} {
		t.Run(fmt.Sprintf("capacity %d", capacity), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(capacity), 7))
			r := New(capacity)
			ch := make(chan string, capacity)
			var history []string
			for i := range 60 {
				var what string
				if rng.IntN(2) == 0 {
					v := fmt.Sprint("v", i)
					want := false
					select {
					case ch <- v:
						want = true
					default:
					}
					got := r.TrySend(v)
					what = fmt.Sprintf("TrySend(%q) = %v", v, got)
					if got != want {
						t.Fatalf("after %s\n%s: a real channel %s", replay(history), what, sendWords(want))
					}
				} else {
					var want string
					wantOK := false
					select {
					case want = <-ch:
						wantOK = true
					default:
					}
					got, ok := r.TryRecv()
					what = fmt.Sprintf("TryRecv() = %q, %v", got, ok)
					if got != want || ok != wantOK {
						t.Fatalf("after %s\n%s: a real channel gives %q, %v", replay(history), what, want, wantOK)
					}
				}
				history = append(history, what)
				compare(t, r, ch, history)
			}
		})
	}
}

// TestRecvFromFull parks a real sender on a full channel and receives, and
// does the same with RecvFromFull, at every starting position of recvx.
func TestRecvFromFull(t *testing.T) {
	const capacity = 3
	for shift := range capacity {
		t.Run(fmt.Sprintf("recvx at %d", shift), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				r := New(capacity)
				ch := make(chan string, capacity)
				var history []string
				do := func(v string) { // a send and a receive on both, to move the indexes
					ch <- v
					<-ch
					r.TrySend(v)
					r.TryRecv()
					history = append(history, fmt.Sprintf("TrySend(%q)", v), "TryRecv()")
				}
				for i := range shift {
					do(fmt.Sprint("x", i))
				}
				for _, v := range []string{"a", "b", "c"} {
					ch <- v
					r.TrySend(v)
					history = append(history, fmt.Sprintf("TrySend(%q)", v))
				}
				compare(t, r, ch, history)

				go func() { ch <- "parked" }()
				synctest.Wait() // the sender is parked in sendq
				want := <-ch
				got := r.RecvFromFull("parked")
				history = append(history, fmt.Sprintf("RecvFromFull(%q) = %q", "parked", got))
				if got != want {
					t.Fatalf("after %s: a real channel gives %q, the oldest value", replay(history), want)
				}
				compare(t, r, ch, history)
				for _, w := range []string{"b", "c", "parked"} {
					got, _ := r.TryRecv()
					history = append(history, fmt.Sprintf("TryRecv() = %q", got))
					if got != w {
						t.Fatalf("after %s: want %q: the parked sender's value must come out last", replay(history), w)
					}
					<-ch
				}
				compare(t, r, ch, history)
			})
		})
	}
}

func compare(t *testing.T, r *Ring, ch chan string, history []string) {
	t.Helper()
	q, s, rx := r.Fields()
	f := readFields(ch)
	if l := r.Len(); l != len(ch) {
		t.Fatalf("after %s\nLen() = %d; a real channel has len %d", replay(history), l, len(ch))
	}
	if q != f.qcount || s != f.sendx || rx != f.recvx {
		t.Fatalf("after %s\nyour Ring has qcount=%d sendx=%d recvx=%d; the real hchan has qcount=%d sendx=%d recvx=%d",
			replay(history), q, s, rx, f.qcount, f.sendx, f.recvx)
	}
}

func sendWords(ok bool) string {
	if ok {
		return "had room for the value"
	}
	return "was full: the send would park"
}

// replay shows the last few operations, enough to redo them on paper.
func replay(history []string) string {
	if len(history) > 8 {
		return "... " + strings.Join(history[len(history)-8:], ", ")
	}
	if len(history) == 0 {
		return "New"
	}
	return strings.Join(history, ", ")
}
