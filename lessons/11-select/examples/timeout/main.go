// Command timeout puts a limit on a wait: a select with a time.After case.
package main

import (
	"fmt"
	"time"
)

// lookup answers after delay, on a channel with room for the answer, so
// that the goroutine can finish even if nobody waits for it any more.
func lookup(delay time.Duration) <-chan string {
	answer := make(chan string, 1)
	go func() {
		time.Sleep(delay)
		answer <- fmt.Sprint("answer after ", delay)
	}()
	return answer
}

func ask(delay, patience time.Duration) {
	select {
	case a := <-lookup(delay):
		fmt.Println(a)
	case <-time.After(patience):
		fmt.Println("gave up after", patience)
	}
}

func main() {
	ask(50*time.Millisecond, 200*time.Millisecond)  // the answer wins
	ask(300*time.Millisecond, 100*time.Millisecond) // the timeout wins
}
