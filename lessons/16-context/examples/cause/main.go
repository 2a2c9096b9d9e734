// Command cause cancels contexts with a reason, and reads it back with
// context.Cause, while Err keeps saying only "canceled" or "deadline
// exceeded".
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var (
	errShutdown = errors.New("server shutting down")
	errSlow     = errors.New("the backend took longer than 10ms")
)

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()
	fmt.Println("before: Err =", ctx.Err(), "| Cause =", context.Cause(ctx))

	cancel(errShutdown)
	cancel(errors.New("too late")) // a second cancel changes nothing
	fmt.Println("parent: Err =", ctx.Err(), "| Cause =", context.Cause(ctx))
	fmt.Println("child:  Err =", child.Err(), "| Cause =", context.Cause(child))

	plain, cancelPlain := context.WithCancel(context.Background())
	cancelPlain()
	fmt.Println("no cause given: Cause =", context.Cause(plain))

	slow, cancelSlow := context.WithTimeoutCause(context.Background(), 10*time.Millisecond, errSlow)
	defer cancelSlow()
	<-slow.Done()
	fmt.Println("timeout: Err =", slow.Err(), "| Cause =", context.Cause(slow))
	fmt.Println("errors.Is(Err, DeadlineExceeded):", errors.Is(slow.Err(), context.DeadlineExceeded))
}
