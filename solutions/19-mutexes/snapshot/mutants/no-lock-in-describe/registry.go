// Mutant: drops Describe's lock altogether and reads the map with the
// unlocked lookup: no deadlock, but every read races with a Rename.
// Package snapshot is about read locks that are taken twice.
package snapshot

import (
	"fmt"
	"strings"
	"sync"
)

// A Registry maps names to ids. Many goroutines read it; a few rename.
type Registry struct {
	mu  sync.RWMutex
	ids map[string]int
}

// NewRegistry returns a registry holding ids (which it copies).
func NewRegistry(ids map[string]int) *Registry {
	r := &Registry{ids: map[string]int{}}
	for name, id := range ids {
		r.ids[name] = id
	}
	return r
}

// Lookup returns the id of name, and whether there is one.
func (r *Registry) Lookup(name string) (int, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.lookup(name)
}

// lookup is Lookup for a caller that already holds r.mu (for reading or
// writing). It must not lock: an RWMutex must not be read-locked twice by
// one goroutine, since a writer waiting in between blocks the second RLock.
func (r *Registry) lookup(name string) (int, bool) {
	id, ok := r.ids[name]
	return id, ok
}

// Rename gives the id of old to new, and removes old.
func (r *Registry) Rename(old, new string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if id, ok := r.ids[old]; ok {
		delete(r.ids, old)
		r.ids[new] = id
	}
}

// Describe returns "name=id" for every name, or "name=?" for a name that
// has no id, separated by spaces. It is a snapshot: all the names are
// looked up at one moment, so that a Rename running at the same time is
// either entirely before it or entirely after it.
func (r *Registry) Describe(names ...string) string {
	parts := make([]string, len(names))
	for i, name := range names {
		if id, ok := r.lookup(name); ok { // no second RLock
			parts[i] = fmt.Sprintf("%s=%d", name, id)
		} else {
			parts[i] = name + "=?"
		}
	}
	return strings.Join(parts, " ")
}
