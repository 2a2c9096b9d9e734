package cli

import (
	"fmt"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/grader/report"
)

type listOptions struct {
	io   *IO
	g    *globals
	json bool
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
		Use:     "list",
		Short:   "List every lesson and exercise in course order with its status",
		Example: "  gocourse list\n  gocourse list --json",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, args []string) error { return runList(opts) },
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the list as a JSON array")
	return cmd
}

func runList(opts *listOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	current := c.Current(st)
	if opts.json {
		items := []listItem{}
		for _, ex := range c.Exercises() {
			status := "pending"
			if st.IsDone(ex.ID) {
				status = "done"
			}
			items = append(items, listItem{ID: ex.ID, Path: ex.Path(), Lesson: ex.Lesson.ID, Title: ex.Title, Kind: ex.Kind, Section: ex.Section, Status: status, Current: ex == current})
		}
		return report.JSON(opts.io.Out, items)
	}
	w := opts.io.Out
	progressBar(w, c, st)
	for _, l := range c.Lessons {
		color.New(color.Bold).Fprintf(w, "%s\n", lessonTitle(l))
		for _, ex := range l.Exercises {
			mark, paint := " ", color.New(color.Reset)
			switch {
			case st.IsDone(ex.ID):
				mark, paint = "✓", color.New(color.FgGreen)
			case ex == current:
				mark, paint = ">", color.New(color.FgYellow, color.Bold)
			}
			paint.Fprintf(w, "  %s %-42s", mark, ex.ID)
			fmt.Fprintf(w, " %-9s %s\n", ex.Kind, ex.Title)
		}
	}
	return nil
}
