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
//
// Run the tests with -race: the race detector reports a data race in this
// code, and the results are wrong as well. Find which variables the
// goroutines share, and make each goroutine use only its own iteration's
// values.
func Shout(words []string) []string {
	out := make([]string, len(words))
	var wg sync.WaitGroup
	var i int
	var w string
	// TODO: every goroutine below reads the same i and w, which the loop
	// keeps changing while the goroutines run.
	for i, w = range words {
		wg.Go(func() {
			out[i] = strings.ToUpper(w)
		})
	}
	wg.Wait()
	return out
}
