// Command idle-ticker deadlocks with a live ticker that nobody reads. Since
// Go 1.23 a timer channel that no goroutine waits on keeps no timer in the
// runtime's heap, so the runtime still sees that nothing can ever wake main,
// and reports the deadlock. A time.AfterFunc in its place would hide it.
package main

import (
	"fmt"
	"time"
)

func main() {
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	fmt.Println("a ticker runs, and main waits for nothing")
	<-make(chan int) // nobody will ever send: a deadlock
}
