// Package loopvars is about the loop variables that Go 1.22 did not change.
//
// Since Go 1.22, a for loop that declares its variables with := gives every
// iteration fresh copies of them, so a goroutine started in the loop body
// sees the values of its own iteration. A loop that assigns with = to
// variables declared before the loop still has one variable for all
// iterations, exactly as every loop did before Go 1.22.
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
	// i and w are declared by the for statement, so (since Go 1.22) every
	// iteration has its own i and w, and each goroutine reads its own.
	for i, w := range words {
		wg.Go(func() {
			out[i] = strings.ToUpper(w) // each goroutine writes a different element: no race
		})
	}
	wg.Wait()
	return out
}
