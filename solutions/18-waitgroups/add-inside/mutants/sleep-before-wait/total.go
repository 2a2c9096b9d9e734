// Mutant: keeps wg.Add inside the goroutines and sleeps 10ms before Wait,
// "long enough for every goroutine to Add": a guess that they have run,
// not a count made before they start.
package addinside

import (
	"sync"
	"time"
)

// Total calls measure on every text, each call in a goroutine of its own,
// and returns the sum of the results once every call has returned.
func Total(texts []string, measure func(text string) int) int {
	var t tally
	for _, text := range texts {
		go t.add(text, measure)
	}
	time.Sleep(10 * time.Millisecond) // long enough for every goroutine to Add
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
