package counter

import (
	"fmt"
	"maps"
	"sync"
	"testing"

	"go.uber.org/goleak"
)

// TestManyWriters: goroutines add to the same keys at once. No update may
// be lost, and the race detector must find nothing.
func TestManyWriters(t *testing.T) {
	defer goleak.VerifyNone(t)
	c := New()
	defer c.Close()
	const writers, each = 4, 3
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			for range each {
				c.Add("a", 1)
				c.Add("b", 10)
			}
		})
	}
	wg.Wait()
	if a, b := c.Get("a"), c.Get("b"); a != writers*each || b != 10*writers*each {
		t.Fatalf("%d goroutines each added 1 to \"a\" and 10 to \"b\" %d times; then Get(\"a\") = %d, Get(\"b\") = %d, want %d and %d.\n"+
			"Is every Add served by the owner, one request after another?",
			writers, each, a, b, writers*each, 10*writers*each)
	}
	if got := c.Get("never"); got != 0 {
		t.Errorf("Get of a key never added to = %d, want 0", got)
	}
}

// TestAddThenGet: a goroutine that calls Add and then Get must see its own
// Add, on every schedule.
func TestAddThenGet(t *testing.T) {
	defer goleak.VerifyNone(t)
	c := New()
	defer c.Close()
	for i := 1; i <= 3; i++ {
		c.Add("k", 1)
		if got := c.Get("k"); got != i {
			t.Fatalf("after Add(\"k\", 1) %d time(s), the same goroutine's Get(\"k\") = %d, want %d.\n"+
				"The Get overtook an Add that had already returned: the owner must have done an Add\n"+
				"before Add returns (see \"Requests carry their own reply channel\").", i, got, i)
		}
	}
	want := map[string]int{"k": 3}
	if got := c.Snapshot(); !maps.Equal(got, want) {
		t.Fatalf("Snapshot() = %v, want %v", got, want)
	}
}

// TestSnapshotIsACopy: the map Snapshot returns belongs to the caller.
func TestSnapshotIsACopy(t *testing.T) {
	defer goleak.VerifyNone(t)
	c := New()
	defer c.Close()
	c.Add("x", 1)
	s := c.Snapshot()
	if s == nil {
		t.Fatalf("Snapshot() returned nil, want a copy of the counts")
	}
	s["x"] = 100 // the caller's map: this must not touch the Counter
	c.Add("y", 2)
	if got := c.Get("x"); got != 1 {
		t.Fatalf("after the caller changed its snapshot, Get(\"x\") = %d, want 1: the snapshot is the owner's own map", got)
	}
	if _, ok := s["y"]; ok {
		t.Fatalf("an Add after Snapshot showed up in the snapshot: Snapshot returned the owner's own map, not a copy.\n" +
			"The owner then writes a map that another goroutine reads: the state has escaped its owner.")
	}
	if fmt.Sprint(s) != "map[x:100]" {
		t.Errorf("snapshot = %v, want map[x:100]", s)
	}
}

// TestCloseStopsTheOwner: after Close nothing of the Counter is running.
func TestCloseStopsTheOwner(t *testing.T) {
	defer goleak.VerifyNone(t)
	for range 3 {
		c := New()
		c.Add("a", 1)
		c.Close()
	}
}
