// Command after-func wakes a goroutine that knows nothing about contexts
// (it waits on a sync.Cond) when a context is cancelled, with
// context.AfterFunc.
package main

import (
	"context"
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false // the condition the waiter waits for; nobody ever sets it

	ctx, cancel := context.WithCancel(context.Background())

	// When ctx is done, wake every waiter of cond, in a goroutine of its own.
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		defer mu.Unlock()
		cond.Broadcast()
	})
	defer stop()

	result := make(chan string)
	go func() {
		mu.Lock()
		defer mu.Unlock()
		for !ready && ctx.Err() == nil {
			cond.Wait()
		}
		result <- fmt.Sprint("the waiter woke up: ", ctx.Err())
	}()

	cancel()
	fmt.Println(<-result)
	fmt.Println("stop after f has started:", stop())

	// A second AfterFunc, stopped before its context is done: f never runs.
	ctx2, cancel2 := context.WithCancel(context.Background())
	stop2 := context.AfterFunc(ctx2, func() { fmt.Println("never printed") })
	fmt.Println("stop before ctx2 is done:", stop2())
	cancel2()
}
