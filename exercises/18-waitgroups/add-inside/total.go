// Package addinside is about when a WaitGroup's counter goes up.
package addinside

import "sync"

// Total calls measure on every text, each call in a goroutine of its own,
// and returns the sum of the results once every call has returned.
//
// It passes its tests on some runs and fails on others: on many schedules
// Total returns too early, with part of the sum or none of it. go vet says
// nothing, because the Add is in a method and not in the func literal that
// vet checks. Fix Total (and add, if you like) so that no schedule can go
// wrong. Keep one goroutine per text.
func Total(texts []string, measure func(text string) int) int {
	var t tally
	for _, text := range texts {
		go t.add(text, measure)
	}
	// TODO: when main gets here, has any goroutine counted itself yet?
	t.wg.Wait()
	return t.sum()
}

// tally adds up measurements from several goroutines.
type tally struct {
	wg sync.WaitGroup
	mu sync.Mutex
	n  int
}

// add measures one text and adds the result to the tally.
func (t *tally) add(text string, measure func(string) int) {
	t.wg.Add(1)
	defer t.wg.Done()
	m := measure(text)
	t.mu.Lock()
	t.n += m
	t.mu.Unlock()
}

func (t *tally) sum() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}
