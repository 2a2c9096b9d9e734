// Mutant: keeps the Add inside the goroutine and calls runtime.Gosched()
// before Wait, "to let the goroutines start". They usually do; on some
// schedules not all of them have run their Add, and Wait returns early.
package addinside

import (
	"runtime"
	"sync"
)

// Total calls measure on every text, each call in a goroutine of its own,
// and returns the sum of the results once every call has returned.
func Total(texts []string, measure func(text string) int) int {
	var t tally
	for _, text := range texts {
		go t.add(text, measure)
	}
	runtime.Gosched() // give the goroutines a chance to Add
	t.wg.Wait()
	return t.sum()
}

type tally struct {
	wg sync.WaitGroup
	mu sync.Mutex
	n  int
}

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
