package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
)

type hintOptions struct {
	io *IO
	g  *globals
	id string
}

func newHintCmd(io *IO, g *globals) *cobra.Command {
	opts := &hintOptions{io: io, g: g}
	return &cobra.Command{
		Use:   "hint [ID]",
		Short: "Reveal the next hint for an exercise (the current one by default)",
		Long: `Hint reveals one more hint each time you run it, from a nudge to nearly the
answer, and repeats the ones you have already seen.`,
		Example: "  gocourse hint\n  gocourse hint 01-goroutines/say-hello",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			return runHint(opts)
		},
	}
}

func runHint(opts *hintOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	ex, err := pick(c, st, opts.id)
	if err != nil {
		return err
	}
	progressBar(opts.io.Out, c, st)
	showHints(opts.io, st, ex, "Run "+suggest("hint")+" again for the next one.")
	return nil
}

// showHints reveals one more hint of ex and repeats those already seen; again says
// how to see the next one.
func showHints(ios *IO, st *course.State, ex *course.Exercise, again string) {
	w := ios.Out
	if len(ex.Hints) == 0 {
		fmt.Fprintf(w, "%s has no hints. Read the lesson: %s\n", ex.ID, suggest("lesson "+ex.ID))
		return
	}
	seen := min(st.Hints[ex.ID]+1, len(ex.Hints))
	if seen != st.Hints[ex.ID] {
		st.Hints[ex.ID] = seen
		if err := st.Save(); err != nil {
			fmt.Fprintf(ios.Err, "gocourse: saving progress: %v\n", err)
		}
	}
	fmt.Fprintf(w, "Hints for %s:\n", ex.ID)
	for i := 0; i < seen; i++ {
		fmt.Fprintf(w, "\n%d/%d. %s\n", i+1, len(ex.Hints), ex.Hints[i])
	}
	if seen == len(ex.Hints) {
		fmt.Fprintf(w, "\nThat was the last hint. The lesson section %q explains the idea: %s\n", ex.Section, suggest("lesson "+ex.ID))
	} else {
		fmt.Fprintf(w, "\n%s\n", again)
	}
}
