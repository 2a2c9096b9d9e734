package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/fatih/color"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
	"github.com/gocourse/gocourse/grader/report"
	"github.com/gocourse/gocourse/internal/watch"
)

type watchOptions struct {
	io     *IO
	g      *globals
	manual bool
	// debounce and quiet tune the loop (tests shorten them); zero means the default.
	debounce time.Duration
	quiet    time.Duration
}

func newWatchCmd(io *IO, g *globals) *cobra.Command {
	opts := &watchOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "watch",
		Short: "Work through the course: check the exercise on every save (what gocourse alone does)",
		Long: `Watch shows the exercise you are on and the result of checking it, and checks it
again each time you save one of its files. Keys:

  n  next exercise (once this one passes)   h  hint (one more each time)
  l  list of exercises                      c  check all exercises
  r  check again (also Enter)               x  reset the exercise (asks first)
  t  trace of the last failing schedule     q  quit

On a file system that does not report changes (some network and container mounts),
use --manual and press r or Enter after saving.`,
		Example: `  gocourse
  gocourse watch
  gocourse watch --manual`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWatch(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.manual, "manual", false, "check on r or Enter only, not on file changes")
	return cmd
}

// traceRunner draws the schedule behind a replay token of the exercise in dir, as
// gocourse trace --replay TOKEN DIR does. Nil means that there is no simulator to
// ask, and watch says so.
var traceRunner = func(ctx context.Context, w io.Writer, dir, replay string) error {
	// The grader's sim and output checks run with the simulator's default step bound
	// (sim.Options.MaxSteps): the token replays only under the same one.
	opts := &simOptions{io: &IO{Out: w, Err: w}, target: dir, replay: replay, timeout: 2 * time.Minute, maxSteps: 100_000}
	err := runSim(ctx, opts, "trace")
	var exit *ExitError
	if errors.As(err, &exit) {
		return nil // the trace of a failing schedule ends in failure: it has been drawn
	}
	return err
}

func runWatch(ctx context.Context, opts *watchOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()

	out := opts.io.Out
	_, outTerm := terminal(out)
	inFd, interactive := terminal(opts.io.In)
	if interactive {
		old, err := term.MakeRaw(inFd)
		if err != nil {
			return fmt.Errorf("cannot read single keys from the terminal: %v (try %s)", err, suggest("next"))
		}
		defer term.Restore(inFd, old)
		if outTerm {
			out = crlf{out} // raw mode turned off the terminal's own "\n" to "\r\n"
		}
	}
	s := &watchSession{c: c, st: st, io: &IO{In: opts.io.In, Out: out, Err: out}, live: outTerm}
	loop := &watch.Loop{
		Session:     s,
		Commands:    s.commands(),
		Out:         out,
		Keys:        watch.ReadKeys(opts.io.In),
		Debounce:    opts.debounce,
		QuietAfter:  opts.quiet,
		Interactive: interactive,
		Program:     suggest(""),
	}
	if outTerm {
		loop.Clear = clearScreen
	}
	if !opts.manual {
		n, err := watch.NewNotifier()
		if err != nil {
			fmt.Fprintf(out, "Cannot watch files for changes (%v): manual mode, press r or Enter to check.\n", err)
		} else {
			defer n.Close()
			loop.Events = n
		}
	}
	err = loop.Run(ctx)
	if ctx.Err() != nil {
		return nil // interrupted: the terminal is restored by the deferred call
	}
	return err
}

// watchSession is the course as the watch loop drives it.
type watchSession struct {
	c    *course.Course
	st   *course.State
	io   *IO
	live bool // redraw check-all's status in place

	ex   *course.Exercise // the exercise on screen: stays after it passes, until n
	last *grader.Result   // the last result of checking ex
}

func (s *watchSession) Exercise() (string, []string, bool) {
	if s.ex == nil {
		s.ex, s.last = s.c.Current(s.st), nil
	}
	if s.ex == nil {
		return "", nil, false
	}
	return filepath.Join(s.c.Root, filepath.FromSlash(s.ex.Path())), s.ex.Files, true
}

func (s *watchSession) Check(ctx context.Context, w io.Writer) bool {
	ex := s.ex
	progressBar(w, s.c, s.st)
	describe(w, s.c, ex)
	fmt.Fprintln(w)
	res := check(ctx, s.c, s.st, ex, &IO{Out: w, Err: w}, true)
	if ctx.Err() != nil {
		return false // a newer save, or a quit: the loop starts over or ends
	}
	s.last = res
	report.Text(w, res)
	if res.Status != grader.Pass {
		fmt.Fprintf(w, "\nEdit %s and save. Stuck? Press h for a hint.\n", strings.Join(filesOf(ex), ", "))
		if replayOf(res) != "" {
			fmt.Fprintln(w, "Press t to see the schedule that failed, step by step.")
		}
		return false
	}
	color.New(color.FgGreen, color.Bold).Fprintf(w, "\n%s passes!\n", ex.ID)
	progressBar(w, s.c, s.st)
	return true
}

func (s *watchSession) Next() {
	if s.ex != nil && s.st.Current == s.ex.ID {
		s.st.Current = ""
		if err := s.st.Save(); err != nil {
			fmt.Fprintf(s.io.Err, "gocourse: saving progress: %v\n", err)
		}
	}
	s.ex, s.last = nil, nil
}

func (s *watchSession) Finished(w io.Writer) {
	progressBar(w, s.c, s.st)
	finished(w)
}

func (s *watchSession) commands() []watch.Command {
	return []watch.Command{
		{Key: 'h', Name: "hint", Below: true, Run: func(_ context.Context, w io.Writer) {
			fmt.Fprintln(w)
			showHints(&IO{Out: w, Err: w}, s.st, s.ex, "Press h again for the next one.")
		}},
		{Key: 'l', Name: "list", Anytime: true, Run: func(_ context.Context, w io.Writer) {
			printList(w, s.c, s.st, func(*course.Exercise) bool { return true })
			fmt.Fprintf(w, "\nJump to any exercise: press q, then %s. Press r to see your exercise again.\n", suggest("goto ID"))
		}},
		{Key: 'c', Name: "check all", Anytime: true, Run: func(ctx context.Context, w io.Writer) {
			checkAll(ctx, s.c, s.st, w, 2, s.live)
			fmt.Fprintln(w, "\nPress r to see your exercise again.")
		}},
		{Key: 'x', Name: "reset", Recheck: true, Run: s.reset, Confirm: func() string { return resetQuestion(s.ex) }},
		{Key: 't', Name: "trace", Below: true, Run: s.trace},
	}
}

// trace draws the schedule of the last failing check, through the simulator's trace
// command once it exists.
func (s *watchSession) trace(ctx context.Context, w io.Writer) {
	fmt.Fprintln(w)
	replay := replayOf(s.last)
	if traceRunner == nil {
		fmt.Fprintln(w, "The trace command arrives with the simulator: then t draws the schedule that broke your code, step by step.")
		if replay != "" {
			fmt.Fprintf(w, "The failing schedule's replay token is %s.\n", replay)
		}
		return
	}
	if replay == "" {
		fmt.Fprintln(w, "No failing schedule to trace: t draws the schedule that broke your code when a check under the simulator fails, and the last check had no such failure.")
		return
	}
	dir := filepath.Join(s.c.Root, filepath.FromSlash(s.ex.Path()))
	if err := traceRunner(ctx, w, dir, replay); err != nil {
		fmt.Fprintf(w, "trace: %v\n", err)
	}
}

// replayOf returns the replay token of the first failing check of res that has one.
func replayOf(res *grader.Result) string {
	if res == nil {
		return ""
	}
	for _, ch := range res.Checks {
		if ch.Replay != "" && ch.Status != grader.Pass {
			return ch.Replay
		}
	}
	return ""
}

// reset is watch's x: the loop has asked the learner already.
func (s *watchSession) reset(_ context.Context, w io.Writer) {
	fmt.Fprintln(w)
	plan, err := planReset(s.c, s.st, s.ex)
	if err == nil {
		err = plan.apply(w, s.st, s.ex)
	}
	if err != nil {
		color.New(color.FgRed).Fprintf(w, "Nothing was reset: %v\n", err)
	}
}

var _ watch.Session = (*watchSession)(nil)
