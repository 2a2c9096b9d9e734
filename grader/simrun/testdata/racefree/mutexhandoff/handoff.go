// Package mutexhandoff: a mutex locked by one goroutine and unlocked by
// another, which hands over what it wrote under it.
package mutexhandoff

import "sync"

func Handoff() string {
	var mu sync.Mutex
	var msg string
	mu.Lock()
	go func() {
		msg = "from the worker"
		mu.Unlock()
	}()
	mu.Lock() // waits for the worker's Unlock
	defer mu.Unlock()
	return msg
}
