package cli

import (
	"context"
	"fmt"
	"io"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
)

type checkAllOptions struct {
	io   *IO
	g    *globals
	jobs int
}

func newCheckAllCmd(io *IO, g *globals) *cobra.Command {
	opts := &checkAllOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "check-all",
		Short: "Check every exercise, a few at a time, with a live status for each",
		Long: `Check-all checks every exercise of the course, --jobs at a time, and records each
one that passes. One line is printed per exercise as it finishes; on a terminal the
exercises being checked and the number waiting are also shown, redrawn in place. The exit status is 0 only
when every exercise passes.`,
		Example: "  gocourse check-all\n  gocourse check-all --jobs 1",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheckAll(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.jobs, "jobs", 2, "exercises checked at once")
	return cmd
}

func runCheckAll(ctx context.Context, opts *checkAllOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	_, live := terminal(opts.io.Out)
	progressBar(opts.io.Out, c, st)
	passed, total := checkAll(ctx, c, st, opts.io.Out, opts.jobs, live)
	if ctx.Err() != nil {
		return &ExitError{Code: 130}
	}
	if passed < total {
		return &ExitError{Code: 1, Verdict: true}
	}
	return nil
}

// exerciseStatus is one line of check-all's live display.
type exerciseStatus struct {
	ex    *course.Exercise
	state string // waiting, building, testing, ... or the final status
	res   *grader.Result
}

// checkAll checks every exercise, jobs at a time, records the passes in st and
// returns how many passed. live redraws a status line per exercise in place (a
// terminal); otherwise one line is printed per exercise as it finishes.
func checkAll(ctx context.Context, c *course.Course, st *course.State, w io.Writer, jobs int, live bool) (passed, total int) {
	start := time.Now()
	exs := c.Exercises()
	lines := make([]*exerciseStatus, len(exs))
	width := 0
	for i, ex := range exs {
		lines[i] = &exerciseStatus{ex: ex, state: "waiting"}
		width = max(width, len(ex.ID))
	}
	if len(exs) > 0 {
		prepareRace(ctx, c, exs[0], func(msg string) { color.New(color.Faint).Fprintf(w, "  … %s\n", msg) })
	}
	board := &statusBoard{w: w, lines: lines, width: width, live: live}
	checkLines(ctx, c, board, jobs)
	passed = tally(w, st, lines, time.Since(start))
	progressBar(w, c, st)
	if c.Current(st) == nil {
		finished(w)
	}
	return passed, len(lines)
}

// checkLines checks the exercise of every line of board, jobs at a time, and
// redraws the board as each check moves on; it starts no check once ctx ends.
func checkLines(ctx context.Context, c *course.Course, board *statusBoard, jobs int) {
	var mu sync.Mutex
	mu.Lock()
	board.draw(nil)
	mu.Unlock()
	work := make(chan *exerciseStatus)
	var wg sync.WaitGroup
	for range max(1, jobs) {
		wg.Go(func() {
			for l := range work {
				progress := func(msg string) {
					mu.Lock()
					defer mu.Unlock()
					l.state, _, _ = strings.Cut(strings.TrimSpace(msg), " ")
					board.draw(nil)
				}
				res := grader.Check(ctx, c, l.ex, grader.Options{Progress: progress, Command: program})
				mu.Lock()
				l.res, l.state = res, string(res.Status)
				if ctx.Err() != nil {
					l.state = "stopped"
				}
				board.draw(l)
				mu.Unlock()
			}
		})
	}
	for _, l := range board.lines {
		if ctx.Err() != nil {
			break
		}
		work <- l
	}
	close(work)
	wg.Wait()
}

// tally marks the passing exercises done, saves the progress, and prints the
// summary line; it returns how many passed.
func tally(w io.Writer, st *course.State, lines []*exerciseStatus, took time.Duration) (passed int) {
	failed, errored, skipped := 0, 0, 0
	for _, l := range lines {
		switch {
		case l.res == nil || l.state == "stopped":
			skipped++
		case l.res.Status == grader.Pass:
			passed++
			st.MarkDone(l.ex.ID)
		case l.res.Status == grader.Error:
			errored++
		default:
			failed++
		}
	}
	if passed > 0 {
		if err := st.Save(); err != nil {
			fmt.Fprintf(w, "gocourse: saving progress: %v\n", err)
		}
	}
	summary := fmt.Sprintf("\ncheck-all: %d passed, %d failed", passed, failed)
	if errored > 0 {
		summary += fmt.Sprintf(", %d could not be checked", errored)
	}
	if skipped > 0 {
		summary += fmt.Sprintf(", %d not checked (stopped)", skipped)
	}
	fmt.Fprintf(w, "%s, in %.1fs\n", summary, took.Seconds())
	return passed
}

// statusBoard draws check-all's progress. In a log (not live) it prints one line per
// exercise as it finishes. On a terminal it also keeps a live region at the bottom,
// redrawn in place: a line per exercise being checked and one for those waiting.
// Finished exercises are printed once above the region, so that the region is never
// taller than jobs+1 lines however long the course: lines redrawn in place must stay
// on the screen, and a course longer than the terminal would scroll them off.
type statusBoard struct {
	w      io.Writer
	lines  []*exerciseStatus
	width  int
	live   bool
	height int // lines of the live region on screen now
}

// draw prints done (when not nil) as finished, then the live region again.
func (b *statusBoard) draw(done *exerciseStatus) {
	if !b.live {
		if done != nil {
			statusLine(b.w, done, b.width)
		}
		return
	}
	if b.height > 0 {
		fmt.Fprintf(b.w, "\x1b[%dA\x1b[J", b.height) // back to the region's top; erase it
	}
	if done != nil {
		statusLine(b.w, done, b.width)
	}
	b.height = 0
	waiting := 0
	for _, l := range b.lines {
		switch {
		case l.res != nil:
		case l.state == "waiting":
			waiting++
		default:
			statusLine(b.w, l, b.width)
			b.height++
		}
	}
	if waiting > 0 {
		color.New(color.Faint).Fprintf(b.w, "  · %d waiting\n", waiting)
		b.height++
	}
}

// statusLine draws one exercise's line: a mark, its id, its state, and for a
// finished one the time and the checks that did not pass.
func statusLine(w io.Writer, l *exerciseStatus, width int) {
	mark, paint := "·", color.New(color.Faint)
	detail := ""
	if l.res != nil {
		detail = fmt.Sprintf("%.1fs", float64(l.res.Duration)/1000)
		var bad []string
		for _, ch := range l.res.Checks {
			if ch.Status == grader.Fail || ch.Status == grader.Error {
				bad = append(bad, ch.Name)
			}
		}
		if len(bad) > 0 {
			detail += "  (" + strings.Join(bad, ", ") + ")"
		}
		switch l.res.Status {
		case grader.Pass:
			mark, paint = "✓", color.New(color.FgGreen)
		case grader.Fail:
			mark, paint = "✗", color.New(color.FgRed)
		default:
			mark, paint = "!", color.New(color.FgYellow)
		}
	} else if l.state != "waiting" {
		mark, paint = "…", color.New(color.FgCyan)
	}
	paint.Fprintf(w, "  %s %-*s %-8s", mark, width, l.ex.ID, l.state)
	fmt.Fprintf(w, " %s\n", detail)
}
