// Command notify-context stops its work when the first Ctrl-C cancels a
// context. While it cleans up, a second Ctrl-C kills it at once, because
// stop has given the signal its default action back.
//
// Run it in a terminal; its output depends on when you press Ctrl-C.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Println("working; press Ctrl-C once to stop gracefully")
	<-ctx.Done()
	stop() // from now on, Ctrl-C kills the program again
	fmt.Println("stopping:", context.Cause(ctx))

	fmt.Println("cleaning up for 5s; press Ctrl-C again to kill it now")
	time.Sleep(5 * time.Second)
	fmt.Println("clean exit")
}
