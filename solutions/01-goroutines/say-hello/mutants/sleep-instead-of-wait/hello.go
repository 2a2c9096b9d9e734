// Mutant: waits with time.Sleep(100ms) instead of a WaitGroup: a guess at
// how long the greetings take, which nothing promises.
package sayhello

import "time"

// Greet calls greet(name) once for every name in names, each in its own
// goroutine, and returns after every call has returned.
func Greet(names []string, greet func(name string)) {
	for _, name := range names {
		go greet(name)
	}
	time.Sleep(100 * time.Millisecond)
}
