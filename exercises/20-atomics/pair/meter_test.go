package pair

import (
	"sync"
	"testing"

	"go.uber.org/goleak"
)

// TestSnapshotWhileRecording: every measurement is 10, so every snapshot
// must have sum == 10 * count, whenever it is taken.
func TestSnapshotWhileRecording(t *testing.T) {
	defer goleak.VerifyNone(t)
	var m Meter
	var wg sync.WaitGroup
	wg.Go(func() {
		m.Record(10)
		m.Record(10)
	})
	count, sum := m.Snapshot()
	wg.Wait()
	if sum != 10*count {
		t.Errorf("while measurements of 10 were recorded, Snapshot() = (count %d, sum %d): sum is not 10 * count.\n"+
			"The reader came between the two Adds of one Record. Two atomics are two steps: to make them\n"+
			"one, guard both with a mutex (or publish them together as one value).", count, sum)
	}
	if c, s := m.Snapshot(); c != 2 || s != 20 {
		t.Errorf("after two Records of 10, Snapshot() = (%d, %d); want (2, 20)", c, s)
	}
}

func TestManyRecorders(t *testing.T) {
	defer goleak.VerifyNone(t)
	var m Meter
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				m.Record(3)
			}
		})
	}
	bad := 0
	for range 200 {
		if c, s := m.Snapshot(); s != 3*c {
			bad++
		}
	}
	wg.Wait()
	if bad > 0 {
		t.Errorf("%d of 200 snapshots taken while 8 goroutines recorded had sum != 3 * count", bad)
	}
	if c, s := m.Snapshot(); c != 1600 || s != 4800 {
		t.Errorf("after 1600 Records of 3, Snapshot() = (%d, %d); want (1600, 4800)", c, s)
	}
}
