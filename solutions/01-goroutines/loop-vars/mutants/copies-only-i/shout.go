// Mutant: copies i into a per-iteration variable but not w, so every
// goroutine still reads the one w that the loop keeps assigning.
package loopvars

import (
	"strings"
	"sync"
)

// Shout returns the words in upper case, in the same order, converting each
// word in its own goroutine.
func Shout(words []string) []string {
	out := make([]string, len(words))
	var wg sync.WaitGroup
	var i int
	var w string
	for i, w = range words {
		i := i
		wg.Go(func() {
			out[i] = strings.ToUpper(w)
		})
	}
	wg.Wait()
	return out
}
