package sync

import (
	"unsafe"

	"github.com/gocourse/gocourse/sim"
)

// A Pool is a set of temporary objects that may be individually saved and
// retrieved. Get and Put are schedule points.
//
// Unlike the real one, which may drop its contents at any garbage
// collection, this Pool is deterministic: Get returns the object Put last
// (as the real one does on one P between collections), and a Pool keeps
// what was put into it for the rest of the run.
type Pool struct {
	noCopy noCopy
	obj    sim.Object
	items  []any

	// New optionally specifies a function to generate a value when Get
	// would otherwise return nil.
	New func() any
}

//go:norace
func (p *Pool) use() {
	if p.obj.Use("pool") {
		clear(p.items)
		p.items = p.items[:0]
	}
}

// Put adds x to the pool.
//
//go:norace
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	if yield("sync.Pool.Put") {
		p.use()
		p.obj.Changed()
	}
	// As the real one tells the race detector: what was done to x before
	// Put happens before the Get that returns it.
	sim.RaceReleaseMerge(poolRaceAddr(x))
	p.items = append(p.items, x)
}

// poolRaceHash holds the addresses on which Put and Get synchronise, one of
// them per object (hashed, as in the real Pool).
var poolRaceHash [128]uint64

//go:norace
func poolRaceAddr(x any) unsafe.Pointer {
	ptr := uintptr((*[2]unsafe.Pointer)(unsafe.Pointer(&x))[1])
	h := uint32((uint64(uint32(ptr)) * 0x85ebca6b) >> 16)
	return unsafe.Pointer(&poolRaceHash[h%uint32(len(poolRaceHash))])
}

// Get selects an arbitrary item from the Pool, removes it from the Pool, and
// returns it to the caller. If the pool is empty and p.New is non-nil, Get
// returns the result of calling p.New.
//
//go:norace
func (p *Pool) Get() any {
	if yield("sync.Pool.Get") {
		p.use()
	}
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		sim.RaceAcquire(poolRaceAddr(x))
		return x
	}
	if p.New != nil {
		return p.New()
	}
	return nil
}
