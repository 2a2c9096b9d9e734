// Mutant: waits on a timer, <-time.After(100*time.Millisecond), instead of
// waiting for the greetings: a guess at how long they take.
package sayhello

import "time"

// Greet calls greet(name) once for every name in names, each in its own
// goroutine, and returns after every call has returned.
func Greet(names []string, greet func(name string)) {
	for _, name := range names {
		go greet(name)
	}
	<-time.After(100 * time.Millisecond)
}
