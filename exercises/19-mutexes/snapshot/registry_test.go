package snapshot

import (
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestDescribeWhileRenaming(t *testing.T) {
	defer goleak.VerifyNone(t)
	r := NewRegistry(map[string]int{"old": 7})
	var got string
	done := make(chan struct{})
	go func() {
		var wg sync.WaitGroup
		wg.Go(func() { got = r.Describe("old", "new") })
		wg.Go(func() { r.Rename("old", "new") })
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("Describe and Rename never returned: they are stuck on the RWMutex.\n" +
			"Describe holds a read lock and asks for it again. If Rename's Lock came in between, the\n" +
			"second RLock waits for the writer, and the writer waits for the first read lock to go.")
	}
	if got != "old=7 new=?" && got != "old=? new=7" {
		t.Errorf("Describe(\"old\", \"new\") while old is renamed to new returned %q;\n"+
			"want \"old=7 new=?\" (before the rename) or \"old=? new=7\" (after it): a snapshot sees all of the\n"+
			"rename or none of it", got)
	}
}

func TestDescribe(t *testing.T) {
	defer goleak.VerifyNone(t)
	r := NewRegistry(map[string]int{"a": 1, "b": 2})
	if got, want := r.Describe("b", "c", "a"), "b=2 c=? a=1"; got != want {
		t.Errorf("Describe(b, c, a) = %q; want %q", got, want)
	}
	r.Rename("a", "c")
	if got, want := r.Describe("a", "c"), "a=? c=1"; got != want {
		t.Errorf("after Rename(a, c), Describe(a, c) = %q; want %q", got, want)
	}
}
