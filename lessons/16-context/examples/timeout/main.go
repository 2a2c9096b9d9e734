// Command timeout reads messages that arrive every 300ms for as long as a
// context with a timeout of 1050ms allows: the loop of lesson 14 with one
// deadline for the whole loop, written with a context.
package main

import (
	"context"
	"fmt"
	"time"
)

// messages sends 1, 2, 3, ... one every 300ms, until ctx is done.
func messages(ctx context.Context) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		t := time.NewTicker(300 * time.Millisecond)
		defer t.Stop()
		for i := 1; ; i++ {
			select {
			case <-t.C:
			case <-ctx.Done():
				return
			}
			select {
			case ch <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 1050*time.Millisecond)
	defer cancel() // releases the timer if we return before the deadline

	deadline, _ := ctx.Deadline()
	fmt.Println("deadline set:", !deadline.IsZero())

	got := 0
	for range messages(ctx) { // ends when messages closes ch, at the deadline
		got++
	}
	fmt.Println("got", got, "messages, then:", ctx.Err())
}
