package inorder

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// recorder is an emit function that remembers what it was given and notices
// when two goroutines call it at the same time.
type recorder struct {
	mu      sync.Mutex
	got     []string
	busy    atomic.Bool
	overlap atomic.Bool
}

func (r *recorder) emit(s string) {
	if !r.busy.CompareAndSwap(false, true) {
		r.overlap.Store(true)
	}
	r.mu.Lock()
	r.got = append(r.got, s)
	r.mu.Unlock()
	r.busy.Store(false)
}

// TestProcessInOrder starts n pieces of work that all wait until every one
// of them has started (so they must overlap), then finish in reverse order:
// work(n-1) first, work(0) last.
func TestProcessInOrder(t *testing.T) {
	defer goleak.VerifyNone(t)
	for _, n := range []int{1, 2, 5, 8} {
		t.Run(fmt.Sprint("n=", n), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var mu sync.Mutex
				started := 0
				all := make(chan struct{})   // closed when all the work has started
				abort := make(chan struct{}) // closed when the test gives up
				work := func(i int) string {
					mu.Lock()
					started++
					if started == n {
						close(all)
					}
					mu.Unlock()
					select {
					case <-all:
					case <-abort:
						return "aborted"
					}
					// The later the i, the sooner the work is done.
					time.Sleep(time.Duration(n-i) * time.Second)
					return fmt.Sprint("result ", i)
				}
				var r recorder
				done := make(chan struct{})
				go func() {
					Process(n, work, r.emit)
					close(done)
				}()

				select {
				case <-all:
				case <-time.After(time.Hour):
					mu.Lock()
					k := started
					mu.Unlock()
					close(abort)
					<-done
					t.Fatalf("only %d of %d calls to work were running at the same time.\n"+
						"Start the work of every i in its own goroutine before you wait for any result.", k, n)
				}
				select {
				case <-done:
				case <-time.After(time.Hour):
					t.Fatalf("Process did not return an hour after all the work had finished.")
				}

				want := make([]string, n)
				for i := range want {
					want[i] = fmt.Sprint("result ", i)
				}
				if r.overlap.Load() {
					t.Errorf("emit was called by two goroutines at the same time; call it from one goroutine, one result after another")
				}
				if !slices.Equal(r.got, want) {
					t.Errorf("emit got %q,\nbut want %q.\n%s", r.got, want, whyNotInOrder(r.got, want))
				}
			})
		})
	}
}

// whyNotInOrder says, in the lesson's words, what a wrong sequence of
// results shows: results emitted before their work produced them, too many
// or too few, or every result in the order the work finished.
func whyNotInOrder(got, want []string) string {
	unproduced := 0
	for _, g := range got {
		if !slices.Contains(want, g) {
			unproduced++
		}
	}
	switch {
	case unproduced > 0:
		return fmt.Sprintf("%d of the values emitted were not results of work: Process read a result before its goroutine had written it.\n"+
			"Wait for the work to finish (wg.Wait) before reading what it wrote; the race detector reports this as a data race.", unproduced)
	case len(got) != len(want):
		return fmt.Sprintf("emit was called %d times for %d pieces of work: emit every result exactly once.", len(got), len(want))
	default:
		return fmt.Sprintf("Here work(%d) finishes first and work(0) last: the order in which goroutines finish is not the order in which they started.", len(want)-1)
	}
}

func TestProcessNothing(t *testing.T) {
	defer goleak.VerifyNone(t)
	Process(0, func(int) string {
		t.Error("Process(0, ...) called work")
		return ""
	}, func(string) {
		t.Error("Process(0, ...) called emit")
	})
}
