// Package addinside is about when a WaitGroup's counter goes up.
package addinside

import "sync"

// Total calls measure on every text, each call in a goroutine of its own,
// and returns the sum of the results once every call has returned.
func Total(texts []string, measure func(text string) int) int {
	var t tally
	for _, text := range texts {
		// The counter goes up here, in the goroutine that will Wait, before
		// the new goroutine exists: Wait cannot see it at zero too early.
		t.wg.Add(1)
		go t.add(text, measure)
	}
	t.wg.Wait()
	return t.sum()
}

// tally adds up measurements from several goroutines.
type tally struct {
	wg sync.WaitGroup
	mu sync.Mutex
	n  int
}

// add measures one text and adds the result to the tally. Its caller has
// already counted it in t.wg.
func (t *tally) add(text string, measure func(string) int) {
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
