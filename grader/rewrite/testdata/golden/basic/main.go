package main

import (
	"fmt"
	"sync"
	"time"
)

type pipe chan int

type worker struct {
	jobs    chan int
	results chan<- string
	mu      sync.Mutex
}

func produce(n int, out chan<- int) {
	for i := 0; i < n; i++ {
		out <- i
	}
	close(out)
}

func main() {
	ch := make(chan int)
	done := make(chan struct{}, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go produce(3, ch)
	go func() {
		defer wg.Done()
		for v := range ch {
			fmt.Println("got", v)
		}
		done <- struct{}{}
	}()
	w := worker{jobs: make(chan int, 2)}
	fmt.Println(len(w.jobs), cap(w.jobs))
	select {
	case <-done:
		fmt.Println("done")
	case <-time.After(time.Second):
		fmt.Println("timeout")
	}
	v, ok := <-ch
	fmt.Println(v, ok)
	wg.Wait()
}
