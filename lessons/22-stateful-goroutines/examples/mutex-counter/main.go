// Command mutex-counter keeps the same table as the owner example, with a
// mutex instead of a goroutine: shorter, and just as correct.
package main

import (
	"fmt"
	"sync"
)

// Stock is safe for use by several goroutines at once.
type Stock struct {
	mu    sync.Mutex
	items map[string]int // guarded by mu
}

func (s *Stock) Add(item string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.items == nil {
		s.items = map[string]int{}
	}
	s.items[item] += n
}

func (s *Stock) Get(item string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.items[item]
}

func main() {
	var stock Stock
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for range 100 {
				stock.Add("apples", 1)
			}
			stock.Add("pears", 2)
		})
	}
	wg.Wait()
	for _, item := range []string{"apples", "pears", "plums"} {
		fmt.Println(item+":", stock.Get(item))
	}
}
