package sync

import (
	"unsafe"

	"github.com/gocourse/gocourse/sim"
)

// Map is like a Go map[any]any but is safe for concurrent use by multiple
// goroutines. Every method is a schedule point; Range is one before each
// entry it visits. The zero Map is empty and ready for use.
//
// Range visits keys in the order in which they were first stored (a key
// deleted and stored again counts as new), so that runs are deterministic;
// the real Map's order is unspecified. Unhashable keys and uncomparable
// values panic with the runtime's messages, as they do in the real one.
type Map struct {
	_       noCopy
	m       map[any]*mapEntry
	order   []*mapEntry // entries in the order they were stored; deleted ones linger
	deleted int         // deleted entries in order
}

// op is the schedule point before an operation on m. For the race detector,
// each operation is ordered after the ones before it, as if a lock guarded
// the map (the real one has a mutex and atomics): a Store happens before the
// Load that sees it.
//
//go:norace
func (m *Map) op(name string) {
	if yield(name) && sim.RaceEnabled() {
		sim.RaceAcquire(unsafe.Pointer(m))
		sim.RaceRelease(unsafe.Pointer(m))
	}
}

type mapEntry struct {
	key, value any
	deleted    bool
}

//go:norace
func (m *Map) load(key any) *mapEntry { return m.m[key] }

//go:norace
func (m *Map) store(key, value any) {
	if m.m == nil {
		m.m = map[any]*mapEntry{}
	}
	e := &mapEntry{key: key, value: value}
	m.m[key] = e
	m.order = append(m.order, e)
}

//go:norace
func (m *Map) delete(e *mapEntry) {
	delete(m.m, e.key)
	e.deleted = true
	m.deleted++
	if m.deleted > 16 && m.deleted > len(m.order)/2 {
		kept := make([]*mapEntry, 0, len(m.order)-m.deleted)
		for _, e := range m.order {
			if !e.deleted {
				kept = append(kept, e)
			}
		}
		m.order = kept
		m.deleted = 0
	}
}

// Load returns the value stored in the map for a key, or nil if no value is
// present. The ok result indicates whether value was found in the map.
//
//go:norace
func (m *Map) Load(key any) (value any, ok bool) {
	m.op("sync.Map.Load")
	if e := m.load(key); e != nil {
		return e.value, true
	}
	return nil, false
}

// Store sets the value for a key.
//
//go:norace
func (m *Map) Store(key, value any) {
	m.op("sync.Map.Store")
	if e := m.load(key); e != nil {
		e.value = value
		return
	}
	m.store(key, value)
}

// Clear deletes all the entries, resulting in an empty Map.
//
//go:norace
func (m *Map) Clear() {
	m.op("sync.Map.Clear")
	for _, e := range m.order {
		e.deleted = true
	}
	m.m = nil
	m.order = nil
	m.deleted = 0
}

// LoadOrStore returns the existing value for the key if present. Otherwise,
// it stores and returns the given value. The loaded result is true if the
// value was loaded, false if stored.
//
//go:norace
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.op("sync.Map.LoadOrStore")
	if e := m.load(key); e != nil {
		return e.value, true
	}
	m.store(key, value)
	return value, false
}

// LoadAndDelete deletes the value for a key, returning the previous value if
// any. The loaded result reports whether the key was present.
//
//go:norace
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.op("sync.Map.LoadAndDelete")
	e := m.load(key)
	if e == nil {
		return nil, false
	}
	m.delete(e)
	return e.value, true
}

// Delete deletes the value for a key.
//
//go:norace
func (m *Map) Delete(key any) {
	m.op("sync.Map.Delete")
	if e := m.load(key); e != nil {
		m.delete(e)
	}
}

// Swap swaps the value for a key and returns the previous value if any. The
// loaded result reports whether the key was present.
//
//go:norace
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	m.op("sync.Map.Swap")
	if e := m.load(key); e != nil {
		previous, e.value = e.value, value
		return previous, true
	}
	m.store(key, value)
	return nil, false
}

// CompareAndSwap swaps the old and new values for key if the value stored in
// the map is equal to old. The old value must be of a comparable type.
//
//go:norace
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	m.op("sync.Map.CompareAndSwap")
	e := m.load(key)
	if e == nil || e.value != old {
		return false
	}
	e.value = new
	return true
}

// CompareAndDelete deletes the entry for key if its value is equal to old.
// The old value must be of a comparable type.
//
// If there is no current value for key in the map, CompareAndDelete returns
// false (even if the old value is the nil interface value).
//
//go:norace
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	m.op("sync.Map.CompareAndDelete")
	e := m.load(key)
	if e == nil || e.value != old {
		return false
	}
	m.delete(e)
	return true
}

// Range calls f sequentially for each key and value present in the map. If
// f returns false, range stops the iteration.
//
// As with the real Map, Range does not correspond to a consistent snapshot:
// no key is visited more than once, a key stored during Range is not
// visited, and each value is the one stored when Range reaches its key. f
// may call any method on m.
//
//go:norace
func (m *Map) Range(f func(key, value any) bool) {
	m.op("sync.Map.Range")
	entries := make([]*mapEntry, 0, len(m.order)-m.deleted)
	for _, e := range m.order {
		if !e.deleted {
			entries = append(entries, e)
		}
	}
	for i, e := range entries {
		if i > 0 {
			m.op("sync.Map.Range")
		}
		if e.deleted {
			continue
		}
		if !f(e.key, e.value) {
			return
		}
	}
}
