package cli

import (
	"fmt"
	"io"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader/report"
)

type listOptions struct {
	io      *IO
	g       *globals
	json    bool
	done    bool
	pending bool
}

// listItem is one exercise in `gocourse list --json`.
type listItem struct {
	ID      string `json:"id"`
	Path    string `json:"path"`
	Lesson  string `json:"lesson"`
	Title   string `json:"title"`
	Kind    string `json:"kind"`
	Section string `json:"section"`
	Status  string `json:"status"`
	Current bool   `json:"current,omitempty"`
}

func newListCmd(io *IO, g *globals) *cobra.Command {
	opts := &listOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every lesson and exercise in course order with its status",
		Long: `List shows every exercise in course order: done (✓), the one you are on (>), and
the rest. Jump to any exercise with gocourse goto ID.`,
		Example: "  gocourse list\n  gocourse list --pending\n  gocourse list --done --json",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runList(opts) },
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the list as a JSON array")
	cmd.Flags().BoolVar(&opts.done, "done", false, "only the exercises that passed")
	cmd.Flags().BoolVar(&opts.pending, "pending", false, "only the exercises that have not passed yet")
	cmd.MarkFlagsMutuallyExclusive("done", "pending")
	return cmd
}

func runList(opts *listOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	show := func(ex *course.Exercise) bool {
		return !opts.done && !opts.pending || opts.done == st.IsDone(ex.ID)
	}
	current := c.Current(st)
	if opts.json {
		items := []listItem{}
		for _, ex := range c.Exercises() {
			if !show(ex) {
				continue
			}
			status := "pending"
			if st.IsDone(ex.ID) {
				status = "done"
			}
			items = append(items, listItem{ID: ex.ID, Path: ex.Path(), Lesson: ex.Lesson.ID, Title: ex.Title, Kind: ex.Kind, Section: ex.Section, Status: status, Current: ex == current})
		}
		return report.JSON(opts.io.Out, items)
	}
	printList(opts.io.Out, c, st, show)
	if current == nil {
		finished(opts.io.Out)
	} else {
		fmt.Fprintf(opts.io.Out, "\nContinue with any exercise: %s\n", suggest("goto ID"))
	}
	return nil
}

// printList draws the progress bar and the exercises that show accepts, lesson by
// lesson.
func printList(w io.Writer, c *course.Course, st *course.State, show func(*course.Exercise) bool) {
	current := c.Current(st)
	progressBar(w, c, st)
	idWidth, kindWidth := 0, 0 // the widest id and kind: every row's columns line up
	for _, ex := range c.Exercises() {
		idWidth, kindWidth = max(idWidth, len(ex.ID)), max(kindWidth, len(ex.Kind))
	}
	shown := 0
	for _, l := range c.Lessons {
		title := false
		for _, ex := range l.Exercises {
			if !show(ex) {
				continue
			}
			if !title {
				color.New(color.Bold).Fprintf(w, "%s\n", lessonTitle(l))
				title = true
			}
			shown++
			mark, paint := " ", color.New(color.Reset)
			switch {
			case ex == current: // before done: goto may pick a passed exercise
				mark, paint = ">", color.New(color.FgYellow, color.Bold)
			case st.IsDone(ex.ID):
				mark, paint = "✓", color.New(color.FgGreen)
			}
			paint.Fprintf(w, "  %s %-*s", mark, idWidth, ex.ID)
			fmt.Fprintf(w, "  %-*s  %s\n", kindWidth, ex.Kind, ex.Title)
		}
	}
	if shown == 0 {
		fmt.Fprintln(w, "No exercise matches.")
	}
}
