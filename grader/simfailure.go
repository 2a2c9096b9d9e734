package grader

import (
	"fmt"
	"io"
	"strings"

	"github.com/gocourse/gocourse/sim"
)

// WriteSimEvidence writes what a failing schedule r left to show, one item a
// line indented by two spaces: the goroutines still blocked and where, the
// goroutine that panicked (with its stack when stack is set), and the two
// accesses of a data race with their stacks. Every line goes through rel,
// which may shorten the paths in it. The sim check's message and gocourse
// explore both tell a failing schedule with it.
func WriteSimEvidence(w io.Writer, r *sim.Result, stack bool, rel func(string) string) {
	if rel == nil {
		rel = func(s string) string { return s }
	}
	for _, g := range r.Goroutines {
		fmt.Fprintf(w, "  %s\n", rel(g.String()))
	}
	if p := r.Panic; p != nil {
		fmt.Fprintf(w, "  goroutine %d panicked: %s\n", p.G, rel(p.Message))
		if stack && p.Stack != "" {
			for _, line := range strings.Split(strings.TrimRight(p.Stack, "\n"), "\n") {
				fmt.Fprintf(w, "    %s\n", rel(line))
			}
		}
	}
	if r.Race != nil {
		for _, a := range r.Race.Accesses {
			fmt.Fprintf(w, "  %s\n", rel(a.String()))
			for _, f := range a.Stack {
				fmt.Fprintf(w, "      %s\n", rel(f))
			}
		}
	}
}
