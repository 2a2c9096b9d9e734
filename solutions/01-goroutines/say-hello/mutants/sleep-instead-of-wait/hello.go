// Mutant: waits with time.Sleep instead of a WaitGroup. On the tests' fake
// clock the sleep happens to be long enough; on a real machine nothing
// says that 100ms is.
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
