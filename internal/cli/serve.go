package cli

import (
	"context"
	"fmt"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
	"github.com/gocourse/gocourse/internal/serve"
	"github.com/gocourse/gocourse/internal/watch"
)

type serveOptions struct {
	io     *IO
	g      *globals
	port   int
	manual bool
}

func newServeCmd(io *IO, g *globals) *cobra.Command {
	opts := &serveOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Study in the browser: the lessons, the exercises checked on every save, schedules step by step",
		Long: `Serve starts a local web page of the course, on 127.0.0.1 only, and prints its URL
on the first line. Nothing is fetched from the internet: every page and script is in
the gocourse binary.

The page shows every lesson and every exercise with its status. Open an exercise,
edit its file in your own editor and save: the check runs (as gocourse watch does)
and its result appears on the page. A failing check's schedule opens in the schedule
viewer, event by event, with each channel drawn as its hchan; "be the scheduler"
lets you pick which goroutine runs at every schedule point, and gives the schedule
you made as a token that gocourse replay accepts.`,
		Example: `  gocourse serve
  gocourse serve --port 8080`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.port, "port", 0, "the port to listen on (0: any free one)")
	cmd.Flags().BoolVar(&opts.manual, "manual", false, "check on the page's button only, not on file changes")
	return cmd
}

func runServe(ctx context.Context, opts *serveOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	so := serve.Options{
		Course: c,
		State:  st,
		Log:    opts.io.Err,
		Check: func(ctx context.Context, ex *course.Exercise) *grader.Result {
			return grader.Check(ctx, c, ex, grader.Options{Command: program})
		},
	}
	if !opts.manual {
		n, err := watch.NewNotifier()
		if err != nil {
			fmt.Fprintf(opts.io.Err, "gocourse: cannot watch files for changes (%v): check with the page's button\n", err)
		} else {
			defer n.Close()
			so.Events = n
		}
	}
	srv, err := serve.New(so)
	if err != nil {
		return err
	}
	l, err := serve.Listen(opts.port)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintf(opts.io.Out, "http://%s/\n", l.Addr())
	fmt.Fprintln(opts.io.Out, "Open it in your browser. Ctrl-C stops the server.")
	return srv.Serve(ctx, l)
}
