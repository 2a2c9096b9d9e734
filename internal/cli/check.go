package cli

import (
	"context"
	"fmt"
	"os/signal"
	"sync"
	"syscall"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
	"github.com/gocourse/gocourse/grader/report"
)

type checkOptions struct {
	io   *IO
	g    *globals
	id   string
	json bool
}

func newCheckCmd(io *IO, g *globals) *cobra.Command {
	opts := &checkOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "check [ID]",
		Short: "Check one exercise (the current one by default)",
		Long: `Check runs every check of an exercise on your code and prints each with pass or
fail and the reason. The exit status is 0 only when every check passes.`,
		Example: `  gocourse check
  gocourse check 01-goroutines/say-hello
  gocourse check say-hello --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			return runCheck(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the result as JSON")
	return cmd
}

func runCheck(ctx context.Context, opts *checkOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	ex, err := pick(c, st, opts.id)
	if err != nil {
		return err
	}
	if !opts.json {
		fmt.Fprintf(opts.io.Out, "Checking %s: %s\n", ex.ID, ex.Title)
	}
	res := check(ctx, c, st, ex, opts.io, !opts.json)
	if opts.json {
		if err := report.JSON(opts.io.Out, res); err != nil {
			return err
		}
	} else {
		report.Text(opts.io.Out, res)
		if res.Status == grader.Pass {
			color.New(color.FgGreen, color.Bold).Fprintf(opts.io.Out, "%s passes.\n", ex.ID)
		}
	}
	if res.Status != grader.Pass {
		return &ExitError{Code: 1, Verdict: true}
	}
	return nil
}

// pick returns the exercise named by id, or the current one when id is empty.
func pick(c *course.Course, st *course.State, id string) (*course.Exercise, error) {
	if id != "" {
		return c.Exercise(id)
	}
	if ex := c.Current(st); ex != nil {
		return ex, nil
	}
	exs := c.Exercises()
	if len(exs) == 0 {
		return nil, fmt.Errorf("the course has no exercises")
	}
	return exs[len(exs)-1], nil
}

// check grades an exercise for the learner and records a pass in their progress.
func check(ctx context.Context, c *course.Course, st *course.State, ex *course.Exercise, io *IO, progress bool) *grader.Result {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	opts := grader.Options{Command: program}
	if progress {
		var mu sync.Mutex // checks run at once and report from their own goroutines
		opts.Progress = func(msg string) {
			mu.Lock()
			defer mu.Unlock()
			color.New(color.Faint).Fprintf(io.Out, "  … %s\n", msg)
		}
	}
	if opts.Progress != nil {
		prepareRace(ctx, c, ex, opts.Progress)
	}
	res := grader.Check(ctx, c, ex, opts)
	// A pass records the exercise, and ends a goto to it: the course carries on with
	// the first exercise not done.
	if res.Status == grader.Pass && (!st.IsDone(ex.ID) || st.Current == ex.ID) {
		st.MarkDone(ex.ID)
		if st.Current == ex.ID {
			st.Current = ""
		}
		if err := st.Save(); err != nil {
			fmt.Fprintf(io.Err, "gocourse: saving progress: %v\n", err)
		}
	}
	return res
}
