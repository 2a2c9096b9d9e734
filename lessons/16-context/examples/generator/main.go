// Command generator reads three numbers from a goroutine that would go on
// for ever, then cancels its context and waits until the goroutine has
// ended.
package main

import (
	"context"
	"fmt"
)

// count sends 1, 2, 3, ... on out until ctx is cancelled, then closes
// done. Every place where it waits also waits for ctx.Done().
func count(ctx context.Context, out chan<- int, done chan<- struct{}) {
	defer close(done)
	for n := 1; ; n++ {
		select {
		case out <- n:
		case <-ctx.Done():
			return
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	out, done := make(chan int), make(chan struct{})
	go count(ctx, out, done)

	for range 3 {
		fmt.Println("got", <-out)
	}
	cancel() // asks count to stop...
	<-done   // ...and this waits until it has
	fmt.Println("stopped:", ctx.Err())
}
