// Mutant: calls wg.Add inside the goroutine, so wg.Wait can run before any
// Add and return at once, while the greetings are still running.
package sayhello

import "sync"

// Greet calls greet(name) once for every name in names, each in its own
// goroutine, and returns after every call has returned.
func Greet(names []string, greet func(name string)) {
	var wg sync.WaitGroup
	for _, name := range names {
		go func() {
			wg.Add(1)
			defer wg.Done()
			greet(name)
		}()
	}
	wg.Wait()
}
