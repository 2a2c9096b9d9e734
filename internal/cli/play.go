package cli

import (
	"context"
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
	"github.com/gocourse/gocourse/internal/play"
	"github.com/gocourse/gocourse/internal/watch"
	"github.com/gocourse/gocourse/sim"
	simtoken "github.com/gocourse/gocourse/sim/token"
	"github.com/gocourse/gocourse/timeline"
)

type playOptions struct {
	io     *IO
	dir    string
	run    string
	seed   uint64
	replay string
	race   bool
}

func newPlayCmd(io *IO) *cobra.Command {
	opts := &playOptions{io: io}
	cmd := &cobra.Command{
		Use:   "play [DIR|FILE.go]",
		Short: "Be the scheduler: pick which goroutine runs at every schedule point",
		Long: `Play runs a program (its main function, or one Test function with --run) under
the simulator and stops at every schedule point where more than one goroutine can
run: you pick which one goes next, and see each channel's hchan change. Reach the
deadlock, the leak or the failing test by hand; the schedule you made is a token
that gocourse replay and gocourse trace accept.

Keys: 1-9 run that goroutine (or take that select case), r let the random strategy
pick the rest, f finish without preempting, u undo the last pick, q quit. With
--replay TOKEN (a failing check's c1 token) you start at the end of that schedule
and can undo back through it, to choose otherwise. With --race (always for an
exercise whose sim check has race: true) every run checks data races: a schedule
that races ends as the race, both accesses named.`,
		Example: `  gocourse play ./lessons/25-leaks-and-deadlocks/examples/deadlock
  gocourse play ./exercises/03-channels/pipeline --run TestPipeline
  gocourse play ./exercises/01-goroutines/say-hello --replay TestGreetWaits@c1.AAEB...`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = "."
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return runPlay(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.run, "run", "", "the Test function to play (default: main, or the first test)")
	cmd.Flags().Uint64Var(&opts.seed, "seed", 1, "seed of the random strategy that r hands the rest to")
	cmd.Flags().BoolVar(&opts.race, "race", false, "build with the race detector: a schedule that races ends as the race (as a sim check with race: true)")
	cmd.Flags().StringVar(&opts.replay, "replay", "", "start at the end of this c1 token's schedule (a failing check's); u goes back through it")
	return cmd
}

func runPlay(ctx context.Context, opts *playOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if opts.run != "" && !strings.HasPrefix(opts.run, "Test") {
		return usageError(opts.io, fmt.Errorf("--run %s: not a Test function", opts.run))
	}
	color.New(color.Faint).Fprintf(opts.io.Err, "… building %s under the simulator\n", opts.dir)
	if name, _ := simtoken.Parse(opts.replay); name != "" && opts.run == "" {
		opts.run = name
	}
	race := opts.race || raceChecked(opts.dir)
	s, err := play.Start(ctx, opts.dir, play.Options{Test: opts.run, Race: race})
	if err != nil {
		return usageError(opts.io, err)
	}
	defer s.Close()
	out, restore, err := keysFromTerminal(opts.io)
	if err != nil {
		return err
	}
	defer restore()
	keys := watch.ReadKeys(opts.io.In)
	var st playState
	if opts.replay != "" {
		if st.picks, _, err = play.TokenPicks(opts.replay); err != nil {
			return usageError(opts.io, err)
		}
		st.rest = "finish"
	}
	for {
		step, err := s.Step(ctx, st.picks, st.rest == "random", opts.seed)
		if err != nil {
			return err
		}
		if st.rest != "" {
			step.Next = nil // the rest was not the learner's to decide
		}
		drawPlay(out, s.Target(), step)
		if step.Next == nil {
			endErr := playEnd(out, opts.dir, step, s.Race())
			if len(st.picks) == 0 {
				return endErr
			}
			fmt.Fprint(out, "u undo the last pick, any other key quits\n")
		}
	key:
		for {
			var k rune
			var ok bool
			select {
			case k, ok = <-keys:
			case <-ctx.Done():
			}
			switch st.apply(k, ok, step.Next) {
			case moveEnd:
				return playEnd(io.Discard, opts.dir, step, s.Race())
			case moveStop:
				fmt.Fprintf(out, "\nStopped. The schedule so far: %s replay %s%s %s\n", program, raceFlag(s.Race()), step.Token, opts.dir)
				return nil
			case moveStep:
				break key
			}
		}
	}
}

// keysFromTerminal puts a terminal on the input in raw mode, so that play
// reads single keys, and returns the output to draw on (lines ended with
// CRLF on a raw terminal) and the function that restores the terminal.
func keysFromTerminal(streams *IO) (io.Writer, func(), error) {
	out := streams.Out
	fd, ok := terminal(streams.In)
	if !ok {
		return out, func() {}, nil
	}
	old, err := term.MakeRaw(fd)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read single keys from the terminal: %w", err)
	}
	if _, outTerm := terminal(out); outTerm {
		out = crlf{out}
	}
	return out, func() { term.Restore(fd, old) }, nil
}

// playState is the schedule the learner is making: the picks so far, and
// who decides the rest ("random" or "finish" once the learner hands it
// over, "" while the learner picks).
type playState struct {
	picks []int
	rest  string
}

// A playMove is what a key asks of play.
type playMove int

const (
	moveNone playMove = iota // a key that means nothing here: read another
	moveStep                 // the schedule changed: run it again
	moveEnd                  // the run has ended and the learner leaves
	moveStop                 // the learner stops before the end
)

// apply applies the key k (ok false: the input or the context ended) at the
// decision p (nil: the run has ended, where only u, undo, goes on).
func (st *playState) apply(k rune, ok bool, p *sim.PlayPoint) playMove {
	switch {
	case p == nil && (!ok || k != 'u'):
		return moveEnd
	case !ok || k == 'q' || k == 3 || k == 4:
		return moveStop
	case k == 'u' && len(st.picks) > 0:
		st.picks, st.rest = st.picks[:len(st.picks)-1], ""
		return moveStep
	case p == nil:
		return moveNone
	case k == 'r' || k == 'f':
		st.rest = map[rune]string{'r': "random", 'f': "finish"}[k]
		return moveStep
	case k >= '1' && k <= '9' && int(k-'1') < p.N:
		st.picks = append(st.picks, int(k-'1'))
		return moveStep
	}
	return moveNone
}

// drawPlay draws the run up to the decision: the last events, each
// channel's hchan, and the choices.
func drawPlay(w io.Writer, target string, step *play.Step) {
	events := step.Result.Trace
	if step.Next != nil {
		events = events[:min(step.Next.Events, len(events))]
	}
	where := fmt.Sprintf("decision %d", len(step.Picks)+1)
	if step.Next == nil {
		where = "the end"
	}
	fmt.Fprintf(w, "\n── %s · %s · t=%s ──\n", target, where, time.Duration(lastTime(events)))
	var b strings.Builder
	timeline.Tail(&b, events, 8)
	fmt.Fprint(w, b.String())
	// The channels as they are now: the fields of each one's last event.
	// Channels are the names made, sent on, received from or closed (the
	// others are locks and the like); the test harness's own are left out.
	chans := map[string]bool{}
	for _, e := range timeline.Learner(events) {
		switch e.Op {
		case "make", "send", "recv", "close":
			chans[e.Chan] = e.Chan != ""
		}
	}
	var names []string
	last := map[string]sim.TraceEvent{}
	for _, e := range events {
		if !chans[e.Chan] || timeline.State(e) == "" {
			continue
		}
		if _, seen := last[e.Chan]; !seen {
			names = append(names, e.Chan)
		}
		last[e.Chan] = e
	}
	if len(names) > 0 {
		fmt.Fprintln(w, "channels:")
		for _, n := range names {
			fmt.Fprintf(w, "  %s\n", timeline.State(last[n]))
		}
	}
	if step.Next == nil {
		return
	}
	p := step.Next
	if p.Kind == "goroutine" {
		fmt.Fprint(w, "who runs next?")
		for i, id := range p.Runnable {
			note := ""
			if i == p.Current {
				note = " (goes on)"
			}
			fmt.Fprintf(w, "  [%d] G%d%s", i+1, id, note)
		}
	} else {
		fmt.Fprintf(w, "a select has %d ready cases: which proceeds?", p.N)
		for i := range p.N {
			fmt.Fprintf(w, "  [%d] case %d", i+1, i)
		}
	}
	fmt.Fprint(w, "   r random rest  f finish  u undo  q quit\n")
}

func lastTime(events []sim.TraceEvent) int64 {
	if len(events) == 0 {
		return 0
	}
	return events[len(events)-1].TimeNS
}

// raceChecked says whether dir is an exercise of its course whose sim check
// has race: true: play then checks data races as that check does, so that
// the race it found can be reached by hand.
func raceChecked(dir string) bool {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	root, err := course.FindRoot(abs)
	if err != nil {
		return false
	}
	c, err := course.Load(root)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(c.Root, abs)
	if err != nil {
		return false
	}
	id, ok := strings.CutPrefix(filepath.ToSlash(rel), "exercises/")
	if !ok {
		return false
	}
	ex, err := c.Exercise(id)
	if err != nil {
		return false
	}
	return grader.SimRace(ex)
}

// raceFlag is gocourse replay's flag for a token made in a -race build.
func raceFlag(race bool) string {
	if race {
		return "--race "
	}
	return ""
}

func playEnd(w io.Writer, dir string, step *play.Step, race bool) error {
	r := step.Result
	c := color.New(color.FgGreen, color.Bold)
	if r.Outcome != sim.Pass {
		c = color.New(color.FgRed, color.Bold)
	}
	c.Fprintf(w, "\n%s: %s\n", r.Outcome, r.Message)
	for _, g := range r.Goroutines {
		fmt.Fprintf(w, "  %s\n", g)
	}
	if len(r.Unfinished) > 0 {
		color.New(color.FgYellow).Fprintf(w, "note: %s still blocked when main returned: the process exited with them, as a real one would\n", plural(len(r.Unfinished), "goroutine"))
		for _, g := range r.Unfinished {
			fmt.Fprintf(w, "  %s\n", g)
		}
	}
	if r.Output != "" {
		fmt.Fprintf(w, "output:\n%s", indent(r.Output))
	}
	fmt.Fprintf(w, "the schedule you made: %s replay %s%s %s\n", program, raceFlag(race), step.Token, dir)
	if r.Outcome == sim.Pass {
		return nil
	}
	return &ExitError{Code: 1}
}
