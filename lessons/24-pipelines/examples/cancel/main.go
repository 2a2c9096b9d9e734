// Command cancel stops a pipeline in the middle: the consumer wants only
// the first three values, cancels the context, and goes away. Every stage
// watches the context at each place where it can wait, so every stage ends.
package main

import (
	"context"
	"fmt"
	"sync"
)

// gen sends 1, 2, 3, ... for ever, until ctx is done.
func gen(ctx context.Context, wg *sync.WaitGroup) <-chan int {
	out := make(chan int)
	wg.Go(func() {
		defer close(out)
		for i := 1; ; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	})
	return out
}

// square sends the squares of what it receives, until in is closed or ctx
// is done. Both its receive and its send are in a select with ctx.Done().
func square(ctx context.Context, wg *sync.WaitGroup, in <-chan int) <-chan int {
	out := make(chan int)
	wg.Go(func() {
		defer close(out)
		for {
			var n int
			select {
			case v, ok := <-in:
				if !ok {
					return
				}
				n = v
			case <-ctx.Done():
				return
			}
			select {
			case out <- n * n:
			case <-ctx.Done():
				return
			}
		}
	})
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup // counts the stages, only to show that they end
	squares := square(ctx, &wg, gen(ctx, &wg))

	for range 3 {
		fmt.Println(<-squares)
	}
	cancel() // enough: every stage gives up wherever it waits

	wg.Wait()
	fmt.Println("every stage has ended")
}
