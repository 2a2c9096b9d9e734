// Mutant: puts a mutex around the write to out, but every goroutine still
// reads the one i and w that the loop keeps assigning.
package loopvars

import (
	"strings"
	"sync"
)

// Shout returns the words in upper case, converting each in its own goroutine.
func Shout(words []string) []string {
	out := make([]string, len(words))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var i int
	var w string
	for i, w = range words {
		wg.Go(func() {
			mu.Lock()
			out[i] = strings.ToUpper(w)
			mu.Unlock()
		})
	}
	wg.Wait()
	return out
}
