package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	stdsync "sync"
	"sync/atomic"
	. "time"
)

func main() {
	var mu stdsync.Mutex
	var n atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), Second)
	defer cancel()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	mu.Lock()
	n.Add(1)
	mu.Unlock()
	runtime.Gosched()
	select {
	case <-ctx.Done():
		fmt.Println(ctx.Err())
	case <-After(Millisecond):
	case s := <-sigs:
		fmt.Println(s)
	}
	t := NewTimer(Second)
	<-t.C
	fmt.Println(n.Load(), runtime.NumGoroutine())
}
