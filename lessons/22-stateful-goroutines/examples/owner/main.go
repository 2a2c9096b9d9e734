// Command owner keeps a table of stock in one goroutine. Other goroutines
// never touch the table: they send the owner requests, and a request that
// needs an answer carries the channel the answer comes back on.
package main

import (
	"fmt"
	"sync"
)

// The requests the owner understands.
type (
	// add changes the stock of an item by n (n < 0 takes some out).
	add struct {
		item string
		n    int
	}
	// query asks for the stock of an item.
	query struct {
		item  string
		reply chan int
	}
)

// own serves requests until adds is closed. stock is its local variable:
// no other goroutine can even name it, so no lock is needed.
func own(adds <-chan add, queries <-chan query, done chan<- struct{}) {
	stock := map[string]int{}
	for {
		select {
		case a, ok := <-adds:
			if !ok {
				close(done)
				return
			}
			stock[a.item] += a.n
		case q := <-queries:
			q.reply <- stock[q.item]
		}
	}
}

func main() {
	adds := make(chan add)
	queries := make(chan query)
	done := make(chan struct{})
	go own(adds, queries, done)

	// Three shops deliver at the same time.
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			for range 100 {
				adds <- add{"apples", 1}
			}
			adds <- add{"pears", 2}
		})
	}
	wg.Wait()

	for _, item := range []string{"apples", "pears", "plums"} {
		reply := make(chan int)
		queries <- query{item, reply}
		fmt.Println(item+":", <-reply)
	}
	close(adds) // the owner stops...
	<-done      // ...and says so
}
