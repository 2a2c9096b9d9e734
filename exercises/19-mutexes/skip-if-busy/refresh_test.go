package skipifbusy

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// blocking is a refresh that waits until it is released, and counts how
// many refreshes are running at once.
type blocking struct {
	entered chan struct{} // receives once per refresh that starts
	release chan struct{} // a refresh returns when this is closed
	count   atomic.Int32

	mu      sync.Mutex
	running int
	most    int // the most refreshes that ran at the same time
}

func newBlocking() *blocking {
	return &blocking{entered: make(chan struct{}, 100), release: make(chan struct{})}
}

func (b *blocking) refresh() {
	b.mu.Lock()
	b.running++
	b.most = max(b.most, b.running)
	b.mu.Unlock()
	b.count.Add(1)
	b.entered <- struct{}{}
	<-b.release
	b.mu.Lock()
	b.running--
	b.mu.Unlock()
}

// tryRefresh calls TryRefresh and returns what it returned, or fails the
// test if it did not return within a while: it must not wait.
func tryRefresh(t *testing.T, r *Refresher, b *blocking, what string) bool {
	t.Helper()
	got := make(chan bool, 1)
	go func() { got <- r.TryRefresh() }()
	select {
	case ok := <-got:
		return ok
	case <-time.After(5 * time.Second):
		close(b.release) // let everything finish
		if b.count.Load() > 1 {
			t.Fatalf("%s: TryRefresh started a second refresh while the first one was running.\n"+
				"Is the lock held for as long as the refresh runs?", what)
		}
		t.Fatalf("%s: TryRefresh did not return; it waited for the refresh in progress.\n"+
			"It must return false at once when a refresh is running: Lock waits, TryLock does not.", what)
		return false
	}
}

func TestSkipsWhileBusy(t *testing.T) {
	defer goleak.VerifyNone(t)
	b := newBlocking()
	r := NewRefresher(b.refresh)

	first := make(chan bool)
	go func() { first <- r.TryRefresh() }()
	<-b.entered // the first refresh is running now

	if tryRefresh(t, r, b, "while a refresh runs") {
		t.Errorf("TryRefresh returned true while a refresh was running; want false: the request is dropped")
	}
	close(b.release)
	if !<-first {
		t.Errorf("the first TryRefresh, with nothing running, returned false; want true")
	}
	if n := b.count.Load(); n != 1 {
		t.Errorf("refresh ran %d times; want once", n)
	}
}

func TestRefreshesAgainWhenIdle(t *testing.T) {
	defer goleak.VerifyNone(t)
	b := newBlocking()
	close(b.release) // every refresh returns at once
	r := NewRefresher(b.refresh)
	for i := range 3 {
		if !tryRefresh(t, r, b, "with nothing running") {
			t.Fatalf("call %d: TryRefresh returned false with no refresh running; want true (did the lock get released?)", i+1)
		}
	}
}

func TestManyCallersOneRefresh(t *testing.T) {
	defer goleak.VerifyNone(t)
	b := newBlocking()
	r := NewRefresher(b.refresh)
	var (
		wg  sync.WaitGroup
		yes atomic.Int32
	)
	first := make(chan bool)
	go func() { first <- r.TryRefresh() }()
	<-b.entered
	for range 8 {
		wg.Go(func() {
			if r.TryRefresh() {
				yes.Add(1)
			}
		})
	}
	callers := make(chan struct{})
	go func() { wg.Wait(); close(callers) }()
	select {
	case <-callers:
	case <-time.After(5 * time.Second):
		close(b.release)
		t.Fatalf("with 8 callers while a refresh runs, TryRefresh did not return; it waited for the refresh in progress")
	}
	close(b.release)
	<-first
	if n := yes.Load(); n != 0 {
		t.Errorf("while a refresh was running, %d of 8 callers got true; want 0", n)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.most != 1 {
		t.Errorf("%d refreshes ran at the same time; want at most 1", b.most)
	}
}

func TestManyCallersAtOnceWhenIdle(t *testing.T) {
	defer goleak.VerifyNone(t)
	b := newBlocking()
	r := NewRefresher(b.refresh)
	results := make(chan bool, 8)
	for range 8 {
		go func() { results <- r.TryRefresh() }()
	}
	<-b.entered // one of them is refreshing; the seven others must give up
	for i := range 7 {
		select {
		case ok := <-results:
			if ok {
				t.Fatalf("a caller got true while a refresh was running (it cannot have finished: it waits to be released)")
			}
		case <-time.After(5 * time.Second):
			close(b.release)
			t.Fatalf("8 callers at once, nothing running: only %d of the 7 that should give up returned; "+
				"%d refreshes started. Checking a flag and then setting it is two steps: two callers can both pass the check.",
				i, b.count.Load())
		}
	}
	close(b.release)
	if !<-results {
		t.Errorf("the caller that refreshed got false; want true")
	}
	if n := b.count.Load(); n != 1 {
		t.Errorf("8 callers at once, nothing running: refresh ran %d times; want once", n)
	}
}
