package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

type gotoOptions struct {
	io *IO
	g  *globals
	id string
}

func newGotoCmd(io *IO, g *globals) *cobra.Command {
	opts := &gotoOptions{io: io, g: g}
	return &cobra.Command{
		Use:   "goto ID",
		Short: "Continue with any exercise: make it the current one",
		Long: `Goto makes an exercise the one you are on, wherever it is in the course: next,
watch, check, hint and lesson then work on it until it passes, and after it the
course carries on with the first exercise you have not finished. An exercise that
has passed already can be the current one again: practise it, or reset it first.`,
		Example: "  gocourse goto 01-goroutines/in-order\n  gocourse goto in-order",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.id = args[0]
			return runGoto(opts)
		},
	}
}

func runGoto(opts *gotoOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	ex, err := c.Exercise(opts.id)
	if err != nil {
		return err
	}
	st.Current = ex.ID
	if err := st.Save(); err != nil {
		return fmt.Errorf("saving progress: %w", err)
	}
	w := opts.io.Out
	progressBar(w, c, st)
	describe(w, c, ex)
	if st.IsDone(ex.ID) {
		fmt.Fprintf(w, "\n%s has passed already; your code stays as it is. %s starts it over from the starter.\n", ex.ID, suggest("reset "+ex.ID))
	}
	fmt.Fprintf(w, "\nYou are on %s now. Run %s (or %s) to check it.\n", ex.ID, suggest(""), suggest("next"))
	return nil
}
