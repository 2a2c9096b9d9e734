package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
	"github.com/gocourse/gocourse/grader/report"
)

type nextOptions struct {
	io *IO
	g  *globals
}

func newNextCmd(io *IO, g *globals) *cobra.Command {
	opts := &nextOptions{io: io, g: g}
	return &cobra.Command{
		Use:   "next",
		Short: "Show the exercise you are on and check it; move on when it passes",
		Long: `Next shows the first exercise you have not finished: its lesson and section, the
file to edit, and the result of checking it now. When it passes, next records that and
moves on to the following exercise. The exit status is 0 whether or not the exercise
passes (a failing exercise is the normal state of the one you are on); it is 1 only
when the exercise could not be checked. gocourse check gives a verdict as its status.`,
		Example: `  gocourse next`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runNext(cmd.Context(), opts)
		},
	}
}

func runNext(ctx context.Context, opts *nextOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	w := opts.io.Out
	for {
		ex := c.Current(st)
		if ex == nil {
			progressBar(w, c, st)
			finished(w)
			return nil
		}
		progressBar(w, c, st)
		describe(w, c, ex)
		fmt.Fprintln(w)
		res := check(ctx, c, st, ex, opts.io, true)
		report.Text(w, res)
		if res.Status != grader.Pass {
			// A failing exercise is what next shows as a rule, not an error of next:
			// the exit status is 0 (gocourse check gives an exercise's verdict as one).
			fmt.Fprintf(w, "\nEdit %s, then run %s again. Stuck? %s\n", strings.Join(filesOf(ex), ", "), suggest("next"), suggest("hint"))
			if res.Status == grader.Error {
				return &ExitError{Code: 1} // the exercise could not be checked at all
			}
			return nil
		}
		color.New(color.FgGreen, color.Bold).Fprintf(w, "\n%s passes. On to the next one.\n\n", ex.ID)
		if st.Current == ex.ID {
			st.Current = ""
			_ = st.Save()
		}
	}
}

// describe prints where an exercise is and what to read for it.
func describe(w io.Writer, c *course.Course, ex *course.Exercise) {
	bold := color.New(color.Bold)
	bold.Fprintf(w, "Exercise %s", ex.ID)
	fmt.Fprintf(w, " (%s): %s\n", ex.Kind, ex.Title)
	fmt.Fprintf(w, "  lesson: %s, section %q\n", lessonTitle(ex.Lesson), ex.Section)
	fmt.Fprintf(w, "  read:   %s   (%s)\n", suggest("lesson "+ex.ID), ex.Lesson.Path())
	fmt.Fprintf(w, "  edit:   %s\n", strings.Join(filesOf(ex), ", "))
}

func lessonTitle(l *course.Lesson) string {
	if l.Title == "" {
		return l.ID
	}
	return l.ID + " " + l.Title
}

func filesOf(ex *course.Exercise) []string {
	var files []string
	for _, f := range ex.Files {
		files = append(files, ex.Path()+"/"+f)
	}
	return files
}

// progressBar draws "Progress: [#####>    ] 12/66".
func progressBar(w io.Writer, c *course.Course, st *course.State) {
	done, total := c.Progress(st)
	const width = 30
	filled := 0
	if total > 0 {
		filled = done * width / total
	}
	bar := strings.Repeat("#", filled)
	if filled < width {
		bar += ">" + strings.Repeat(" ", width-filled-1)
	}
	fmt.Fprintf(w, "Progress: [%s] %d/%d\n\n", bar, done, total)
}

// finished says that the course is done.
func finished(w io.Writer) {
	color.New(color.FgGreen, color.Bold).Fprintln(w, "\nYou have finished every exercise of the course. Well done!")
	fmt.Fprintf(w, "%s checks them all again; %s starts one over.\n", suggest("check-all"), suggest("reset ID"))
}
