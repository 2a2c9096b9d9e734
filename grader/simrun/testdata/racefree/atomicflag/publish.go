// Package atomicflag: data published by an atomic store and read after an
// atomic load sees it.
package atomicflag

import (
	"sync/atomic"
	"time"
)

type Table struct{ rows []string }

func Publish() int {
	var t *Table
	var ready atomic.Bool
	var hits atomic.Int64
	go func() {
		t = &Table{rows: []string{"a", "b"}}
		hits.Add(1)
		ready.Store(true)
	}()
	for !ready.Load() {
		time.Sleep(time.Microsecond) // polls; sleeping orders nothing
	}
	return len(t.rows) + int(hits.Load())
}
