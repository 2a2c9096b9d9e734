package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fatih/color"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/gocourse/gocourse/grader"
	"github.com/gocourse/gocourse/grader/report"
	"github.com/gocourse/gocourse/grader/simrun"
	"github.com/gocourse/gocourse/internal/viewer"
	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
	"github.com/gocourse/gocourse/timeline"
)

// simOptions are the flags explore, replay and trace share.
type simOptions struct {
	io          *IO
	target      string
	run         string
	strategy    string
	schedules   int
	seed        uint64
	depth       int
	preemptions int
	replay      string
	json        bool
	html        string
	timeout     time.Duration
	race        bool
	maxSteps    int
	leaksFail   bool
	signals     []string
	stdin       string
	outcomes    bool
	args        []string // the program's arguments, after "--"
}

// beforeDash applies check to the arguments before "--" only: those after
// it are the program's (os.Args[1:] in every schedule).
func beforeDash(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if n := cmd.ArgsLenAtDash(); n >= 0 {
			args = args[:n]
		}
		return check(cmd, args)
	}
}

// splitDash keeps what follows "--" as the program's arguments and returns
// the arguments before it.
func (opts *simOptions) splitDash(cmd *cobra.Command, args []string) []string {
	if n := cmd.ArgsLenAtDash(); n >= 0 {
		opts.args = append([]string{}, args[n:]...)
		return args[:n]
	}
	return args
}

// exploreJSON is the contract of explore and replay --json.
type exploreJSON struct {
	Target        string              `json:"target"`
	Strategy      string              `json:"strategy"`
	Seed          uint64              `json:"seed"`
	Schedules     int                 `json:"schedules"`
	Exhausted     bool                `json:"exhausted"`
	Result        string              `json:"result"`
	Message       string              `json:"message"`
	Goroutines    []sim.GoroutineInfo `json:"goroutines"`
	Replay        string              `json:"replay,omitempty"`
	Output        string              `json:"output"`
	VirtualTimeNS int64               `json:"virtual_time_ns"`
	ElapsedMS     int64               `json:"elapsed_ms"`
	Race          *sim.RaceInfo       `json:"race,omitempty"` // result "race", or a race before the failure: the two accesses
	// RaceReplay (--race) replays the schedule that found Race when it is not
	// the failing one: the data race came first, and in another schedule (the
	// other order of its accesses) it led to the failure of result.
	RaceReplay string `json:"race_replay,omitempty"`
	Diverged   string `json:"diverged,omitempty"` // the failing run's replay differed: the program is not deterministic
	// Unfinished are the goroutines main (or a test) left blocked when it
	// returned, in the first schedule (or the failing one): the process
	// exited with them, so they are a note unless --leaks-fail.
	Unfinished []sim.GoroutineInfo `json:"unfinished,omitempty"`
	Skipped    []string            `json:"skipped,omitempty"` // tests that called t.Skip
	Note       string              `json:"note,omitempty"`
	// Outcomes (--outcomes): every distinct result and output of the
	// schedules run, how many gave it and a token that replays one. With
	// "exhausted" (--strategy dfs) it is every one within the bound.
	Outcomes []harness.Outcome `json:"outcomes,omitempty"`
}

func newExploreCmd(io *IO) *cobra.Command {
	opts := &simOptions{io: io}
	cmd := &cobra.Command{
		Use:   "explore [DIR|FILE.go] [-- ARG...]",
		Short: "Run a program or its tests under the simulator over many schedules, and stop at the first bug",
		Long: `Explore rewrites a Go package to run under gocourse's deterministic scheduler and
runs it over many schedules: its main function (package main) or each Test function
that matches --run. It stops at the first schedule that deadlocks, leaks a goroutine,
panics or fails a test, and prints a token that replays that schedule exactly.

With --race the program is built with the race detector (which needs a C compiler)
and every schedule is also judged for data races: two goroutines that touch the same
memory, one of them writing, with no synchronisation of the program between them. A
race does not end the schedule: it is recorded and the run goes on, and explore goes
on past a schedule that found only a race, so that the bug a race leads to in one
order of its two accesses (a deadlock, a leak, a failed check) is found too and
reported with it, each with its own token. The simulator tells the race detector
exactly the happens-before edges the program's channels, locks, atomics, WaitGroups,
Onces, timers and contexts make in that schedule, and none of its own, so a race is
found in the schedules where it exists, however rarely the two accesses would meet
on real cores. Replay such a token with replay --race.

A program ends when its main returns, as a process does: goroutines still blocked
then are listed as a note ("unfinished"), not a bug, unless --leaks-fail. Tests
follow go test's rule, which does not look for goroutines a test leaves behind: they
are a note too, and a leak with --leaks-fail or in a test that calls
goleak.VerifyNone. Time passes as on real cores: a goroutine that only polls (a
select with default, an atomic load) lets a sleeping one wake; a livelock is a run
whose virtual time stands still. A program blocked while signal.Notify is active is
"waiting" for a signal, which --signal SIGINT@1s sends; --stdin FILE (or what is
piped to gocourse) is its standard input in every schedule, and what follows "--"
its arguments (os.Args[1:]). With --outcomes, every distinct output is listed with
how many schedules gave it and a token that replays one; with --strategy dfs and
"exhausted", that is every output within the bound.

Strategies: random (seeded), pct (probabilistic concurrency testing, --depth), and
dfs (every schedule with at most --preemptions preemptions; "exhausted" means all of
them were run). Exit status: 0 no bug, 1 a bug, 2 a usage error or a program the
simulator cannot run faithfully, 3 --timeout ran out (the schedules done are
reported, result "timeout") or the program does not build (result "error").`,
		Example: `  gocourse explore ./lessons/01-goroutines/examples/first-select
  gocourse explore main.go --strategy dfs --preemptions 2
  gocourse explore ./mypkg --race --strategy pct --depth 3
  gocourse explore ./mypkg --run TestWorkers --strategy pct --depth 3 --schedules 5000 --json
  gocourse explore ./cmd/tool -- -v input.txt`,
		Args: beforeDash(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			args = opts.splitDash(cmd, args)
			if len(args) == 1 {
				opts.target = args[0]
			}
			return runSim(cmd.Context(), opts, "explore")
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.run, "run", "", "run only the Test functions matching this regular expression")
	f.StringVar(&opts.strategy, "strategy", "random", "random, pct or dfs")
	f.IntVar(&opts.schedules, "schedules", 1000, "the most schedules to run")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the random and pct strategies")
	f.IntVar(&opts.depth, "depth", 3, "pct: the bug depth to aim for")
	f.IntVar(&opts.preemptions, "preemptions", 2, "dfs: the most preemptions in one schedule")
	f.BoolVar(&opts.json, "json", false, "print the result as JSON")
	f.DurationVar(&opts.timeout, "timeout", 5*time.Minute, "give up after this long")
	f.BoolVar(&opts.race, "race", false, "build with the race detector and judge every schedule for data races")
	f.BoolVar(&opts.outcomes, "outcomes", false, "list every distinct output the schedules give, how many gave it and a replay token each; explores on past a bug")
	addMaxSteps(f, opts)
	return cmd
}

// addProgramFlags adds the flags that change what a run of a program is,
// which explore, replay and trace must agree on.
func addProgramFlags(f *pflag.FlagSet, opts *simOptions) {
	f.BoolVar(&opts.leaksFail, "leaks-fail", false, "a program's main or a test that returns with goroutines still blocked fails with a leak (goleak's rule)")
	f.StringArrayVar(&opts.signals, "signal", nil, "deliver a signal to the program at a virtual time, such as SIGINT@1s (repeatable)")
	f.StringVar(&opts.stdin, "stdin", "", "the program's standard input, the same in every schedule (default: what is piped to gocourse, or nothing)")
}

// addMaxSteps adds --max-steps, which explore, replay and trace must agree on
// for a token to replay the run it names.
func addMaxSteps(f *pflag.FlagSet, opts *simOptions) {
	addProgramFlags(f, opts)
	f.IntVar(&opts.maxSteps, "max-steps", 100_000, "the most schedule points of one run, beyond which it is a livelock (or a leak, after the body returned); give replay and trace the same value as explore")
}

func newReplayCmd(io *IO) *cobra.Command {
	opts := &simOptions{io: io}
	cmd := &cobra.Command{
		Use:   "replay TOKEN [DIR|FILE.go] [-- ARG...]",
		Short: "Run exactly the schedule a token names, again",
		Long: `Replay reruns one schedule of a program under the simulator: the one a token from
explore, check or trace names. The result, output and virtual time are the same
every time.`,
		Example: `  gocourse replay c1.AgEDAQ ./examples/deadlock
  gocourse replay TestWorkers@r1.42 ./mypkg --json
  gocourse replay --race TestBug@c1.AgIBAAIA ./mypkg`,
		Args: beforeDash(cobra.RangeArgs(1, 2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			args = opts.splitDash(cmd, args)
			opts.replay = args[0]
			if len(args) == 2 {
				opts.target = args[1]
			}
			return runSim(cmd.Context(), opts, "replay")
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the result as JSON")
	cmd.Flags().DurationVar(&opts.timeout, "timeout", 5*time.Minute, "give up after this long")
	cmd.Flags().BoolVar(&opts.race, "race", false, "build with the race detector, to replay a data race found by explore --race")
	addMaxSteps(cmd.Flags(), opts)
	return cmd
}

func newTraceCmd(io *IO) *cobra.Command {
	opts := &simOptions{io: io}
	cmd := &cobra.Command{
		Use:   "trace [DIR|FILE.go] [-- ARG...]",
		Short: "Draw one run under the simulator as a timeline, event by event",
		Long: `Trace runs a program once under the simulator (the schedule of --replay, or a
random one from --seed) and draws it: a column per goroutine, a row per event, the
virtual time in the margin, and the channel each event touched drawn as the lessons
draw it (buf, qcount, sendx, recvx, recvq, sendq). --html writes the same picture as a
self-contained page.`,
		Example: `  gocourse trace ./lessons/03-channels/examples/buffered
  gocourse trace --replay c1.AgEDAQ ./examples/deadlock --html run.html
  gocourse trace main.go --json`,
		Args: beforeDash(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			args = opts.splitDash(cmd, args)
			if len(args) == 1 {
				opts.target = args[0]
			}
			return runSim(cmd.Context(), opts, "trace")
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.replay, "replay", "", "the token of the schedule to draw")
	f.StringVar(&opts.run, "run", "", "the Test function to trace (the first matching one)")
	f.Uint64Var(&opts.seed, "seed", 1, "seed of the random schedule, without --replay")
	f.BoolVar(&opts.json, "json", false, "print the events as JSON")
	f.StringVar(&opts.html, "html", "", "also write the picture to this HTML file")
	f.DurationVar(&opts.timeout, "timeout", 5*time.Minute, "give up after this long")
	f.BoolVar(&opts.race, "race", false, "build with the race detector, to draw a data race found by explore --race")
	addMaxSteps(f, opts)
	return cmd
}

// usageError ends the command with status 2, saying err (see badUsage).
func usageError(_ *IO, err error) error { return &badUsage{err} }

func runSim(ctx context.Context, opts *simOptions, verb string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	cfg, err := opts.config(verb)
	if err != nil {
		return usageError(opts.io, err)
	}
	if !opts.json {
		color.New(color.Faint).Fprintf(opts.io.Err, "… building %s under the simulator\n", displayTarget(opts.target))
	}
	rep, err := simrun.Run(ctx, cfg)
	var unsupported *simrun.UnsupportedError
	if errors.As(err, &unsupported) {
		if opts.json {
			report.JSON(opts.io.Out, exploreJSON{Target: displayTarget(opts.target), Strategy: opts.strategy, Result: "unsupported", Message: unsupported.Msg, Goroutines: []sim.GoroutineInfo{}})
			return &ExitError{Code: 2}
		}
		return usageError(opts.io, unsupported)
	}
	var built *simrun.BuildError
	var timedOut *simrun.TimeoutError
	if errors.As(err, &built) || errors.As(err, &timedOut) {
		// Not a verdict on the program's concurrency: the answer is that
		// there is none, and why (exit status 3).
		res, msg := "error", ""
		if built != nil {
			msg = built.Msg
		} else {
			res, msg = "timeout", timedOut.Msg
		}
		if opts.json {
			report.JSON(opts.io.Out, exploreJSON{Target: displayTarget(opts.target), Strategy: opts.strategy, Seed: opts.seed, Result: res, Message: msg, Goroutines: []sim.GoroutineInfo{}})
		} else {
			color.New(color.FgYellow, color.Bold).Fprintf(opts.io.Out, "%s: %s\n", res, msg)
		}
		return &ExitError{Code: 3}
	}
	var exited *simrun.ExitError
	if errors.As(err, &exited) {
		// The program ended the process itself: a bug of the program (result
		// "fail"), though there is no schedule to replay.
		if opts.json {
			report.JSON(opts.io.Out, exploreJSON{Target: displayTarget(opts.target), Strategy: opts.strategy, Result: "fail", Message: exited.Msg, Goroutines: []sim.GoroutineInfo{}})
		} else {
			color.New(color.FgRed, color.Bold).Fprintf(opts.io.Out, "fail: %s\n", exited.Msg)
		}
		return &ExitError{Code: 1}
	}
	if err != nil {
		return usageError(opts.io, err)
	}
	if verb == "trace" {
		return opts.printTrace(rep)
	}
	out := opts.summary(rep)
	if opts.json {
		if err := report.JSON(opts.io.Out, out); err != nil {
			return err
		}
	} else {
		opts.printSummary(rep, out)
	}
	switch out.Result {
	case "pass", "skip", "waiting":
		return nil
	case "timeout":
		return &ExitError{Code: 3}
	}
	return &ExitError{Code: 1}
}

// config turns the flags into a runner configuration.
func (opts *simOptions) config(verb string) (simrun.Config, error) {
	target := opts.target
	if target == "" {
		target = "."
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return simrun.Config{}, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return simrun.Config{}, fmt.Errorf("%s: no such file or folder", target)
	}
	cfg := simrun.Config{Dir: abs, Timeout: opts.timeout, Race: opts.race}
	if !st.IsDir() {
		if !strings.HasSuffix(abs, ".go") {
			return cfg, fmt.Errorf("%s: not a Go file or a folder", target)
		}
		cfg.Dir, cfg.Files = filepath.Dir(abs), []string{abs}
	}
	if opts.maxSteps < 1 {
		return cfg, fmt.Errorf("--max-steps must be at least 1")
	}
	for _, spec := range opts.signals {
		if _, _, err := harness.ParseSignal(spec); err != nil {
			return cfg, fmt.Errorf("--signal: %w", err)
		}
	}
	if cfg.Stdin, err = opts.readStdin(); err != nil {
		return cfg, err
	}
	h := harness.Config{Mode: harness.RunOne, Run: opts.run, Seed: opts.seed}
	switch verb {
	case "explore":
		e := harness.Exploration{Strategy: opts.strategy, Schedules: opts.schedules, Seed: opts.seed, Depth: opts.depth, Preemptions: opts.preemptions}
		if err := e.Validate(); err != nil {
			return cfg, fmt.Errorf("--%w", err)
		}
		h = e.Config(opts.run, opts.timeout)
		h.Outcomes = opts.outcomes
	case "replay":
		opts.strategy = "replay"
	case "trace":
		opts.strategy = "replay"
		if opts.replay == "" {
			opts.strategy = "random"
		}
	}
	h.Replay, h.MaxSteps, h.LeaksFail, h.LeaksNote, h.Signals = opts.replay, opts.maxSteps, opts.leaksFail, !opts.leaksFail, opts.signals
	// A race is recorded and the run goes on, so that explore finds the bug
	// the race leads to (replay and trace must run the same schedule points).
	h.RaceGoOn = opts.race
	h.Args = opts.args
	cfg.Harness = h
	return cfg, nil
}

// readStdin returns the program's standard input: the --stdin file, or what
// is piped or redirected to gocourse itself (never a terminal's input).
func (opts *simOptions) readStdin() ([]byte, error) {
	if opts.stdin != "" {
		data, err := os.ReadFile(opts.stdin)
		if err != nil {
			return nil, fmt.Errorf("--stdin: %w", err)
		}
		return data, nil
	}
	f, ok := opts.io.In.(*os.File)
	if !ok || f == nil {
		return nil, nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&(os.ModeNamedPipe) == 0 && !st.Mode().IsRegular() {
		return nil, nil
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("reading standard input: %w", err)
	}
	return data, nil
}

func displayTarget(t string) string {
	if t == "" {
		return "."
	}
	return t
}

func (opts *simOptions) summary(rep *simrun.Report) exploreJSON {
	out := exploreJSON{
		Target:     displayTarget(opts.target),
		Strategy:   opts.strategy,
		Seed:       opts.seed,
		Schedules:  rep.Schedules,
		Exhausted:  rep.Exhausted,
		Result:     "pass",
		Message:    "no bug found",
		Goroutines: []sim.GoroutineInfo{},
		ElapsedMS:  (rep.BuildMS + rep.RunMS),
	}
	switch {
	case rep.Target == "main" || rep.Target == "":
	case rep.Result == nil && len(rep.Tests) > 1:
		// A pass covers every test: rep.Target is only the last one run.
		out.Target += fmt.Sprintf(" (%d tests and examples)", len(rep.Tests))
	default:
		out.Target += " " + rep.Target
	}
	if r := rep.First; r != nil && rep.Result == nil {
		out.Output = r.Output
		out.VirtualTimeNS = r.TimeNS
		out.Unfinished = r.Unfinished
		if r.Outcome == sim.SignalWait {
			out.Result = "waiting"
			out.Message = r.Message + "; send one with --signal SIGINT@1s"
			out.Goroutines = r.Goroutines
		}
	}
	out.Outcomes = rep.Outcomes
	if len(rep.Skipped) > 0 {
		out.Skipped = rep.Skipped
		if len(rep.Skipped) == len(rep.Tests) {
			out.Result, out.Message = "skip", "every test was skipped"
		}
	}
	if rep.TimedOut {
		out.Result = "timeout"
		out.Message = fmt.Sprintf("--timeout ran out after %s with no bug found", plural(rep.Schedules, "schedule"))
	}
	if r := rep.Result; r != nil {
		out.Result = r.Outcome.String()
		out.Message = r.Message
		if r.Goroutines != nil {
			out.Goroutines = r.Goroutines
		}
		out.Output = r.Output
		out.VirtualTimeNS = r.TimeNS
		out.Replay = rep.Replay
		out.Race = r.Race
		if rr := rep.Race; rr != nil && r.Race == nil {
			out.Race, out.RaceReplay = rr.Race, rep.RaceReplay
		}
		out.Diverged = r.Diverged
		out.Unfinished = r.Unfinished
		if r.Outcome == sim.Pass {
			out.Message = "ok"
		}
		if r.Outcome == sim.StepLimit {
			out.Result = "fail"
		}
	}
	if out.Result == "pass" && opts.replay == "" {
		out.Replay = ""
	}
	if n := len(out.Unfinished); n > 0 {
		out.Note = plural(n, "goroutine") + " still blocked when main returned: the process exited with them (--leaks-fail makes this a leak)"
		if rep.Target != "main" && rep.Target != "" {
			first := "the first test"
			if len(rep.Tests) > 0 {
				first = rep.Tests[0]
			}
			out.Note = plural(n, "goroutine") + " still blocked when " + first + " returned, on its first schedule: go test does not look for them (--leaks-fail makes this a leak)"
		}
	}
	return out
}

func (opts *simOptions) printSummary(rep *simrun.Report, out exploreJSON) {
	w := opts.io.Out
	defer opts.printOutcomes(out)
	how := opts.strategy
	switch opts.strategy {
	case "random":
		how += fmt.Sprintf(", seed %d", opts.seed)
	case "pct":
		how += fmt.Sprintf(", depth %d, seed %d", opts.depth, opts.seed)
	case "dfs":
		how += fmt.Sprintf(", at most %d preemptions", opts.preemptions)
	}
	fmt.Fprintf(w, "%s: %s (%s)\n", out.Target, plural(out.Schedules, "schedule"), how)
	if out.Result == "timeout" || out.Result == "skip" || out.Result == "waiting" {
		color.New(color.FgYellow, color.Bold).Fprintf(w, "%s: %s\n", out.Result, out.Message)
		return
	}
	if out.Result == "pass" {
		msg := "no bug found"
		if out.Exhausted {
			msg = "no bug in any schedule within the bound (exhausted)"
		}
		if opts.replay != "" {
			msg = "the run passed"
		}
		color.New(color.FgGreen, color.Bold).Fprintln(w, msg)
		for _, t := range out.Skipped {
			fmt.Fprintf(w, "  skipped: %s\n", t)
		}
		if out.Note != "" {
			color.New(color.FgYellow).Fprintf(w, "note: %s\n", out.Note)
			for i, g := range out.Unfinished {
				if i == 10 {
					fmt.Fprintf(w, "  ... and %d more\n", len(out.Unfinished)-i)
					break
				}
				fmt.Fprintf(w, "  %s\n", g)
			}
		}
		if opts.replay != "" && out.Output != "" {
			fmt.Fprintf(w, "output:\n%s", indent(out.Output))
		}
		return
	}
	opts.printFailure(rep, out)
}

// printFailure tells the failing schedule of out: what happened, its
// evidence (grader.WriteSimEvidence), its last events, and how to see it again.
func (opts *simOptions) printFailure(rep *simrun.Report, out exploreJSON) {
	w := opts.io.Out
	headline := out.Result + ": " + out.Message
	if strings.HasPrefix(out.Message, out.Result+":") {
		headline = out.Message // "panic: send on closed channel", not "panic: panic: ..."
	}
	color.New(color.FgRed, color.Bold).Fprintln(w, headline)
	r := rep.Result
	for _, f := range r.Failures {
		if f != out.Message {
			fmt.Fprintf(w, "  %s\n", f)
		}
	}
	if r.Race != nil && r.Outcome != sim.Race {
		color.New(color.FgRed).Fprintf(w, "after a %s\n", r.Race.Message())
	}
	grader.WriteSimEvidence(w, r, true, nil)
	if r.Diverged != "" {
		color.New(color.FgYellow).Fprintf(w, "note: %s\n", r.Diverged)
	}
	if out.Output != "" {
		fmt.Fprintf(w, "output of the failing run:\n%s", indent(out.Output))
	}
	if tail := lastEvents(r.Trace, 12); len(tail) > 0 {
		fmt.Fprintf(w, "the last %d events:\n", len(tail))
		var b strings.Builder
		timeline.Text(&b, tail)
		fmt.Fprint(w, indent(b.String()))
	}
	target := ""
	if opts.target != "" {
		target = " " + opts.target
	}
	race := ""
	if opts.race {
		race = "--race "
	}
	// What makes the run what it was must come along for the token to fit.
	for _, sig := range opts.signals {
		race += "--signal " + sig + " "
	}
	if opts.stdin != "" {
		race += "--stdin " + opts.stdin + " "
	}
	if opts.leaksFail {
		race += "--leaks-fail "
	}
	if len(opts.args) > 0 {
		target += " --"
		for _, a := range opts.args {
			target += " " + a
		}
	}
	fmt.Fprintf(w, "at virtual time %s\n", time.Duration(out.VirtualTimeNS))
	fmt.Fprintf(w, "replay: gocourse replay %s%s%s\n", race, out.Replay, target)
	fmt.Fprintf(w, "see it: gocourse trace %s--replay %s%s\n", race, out.Replay, target)
	if rr := rep.Race; out.RaceReplay != "" && rr != nil {
		color.New(color.FgRed, color.Bold).Fprintf(w, "and a data race, found in an earlier schedule: %s\n", rr.Message)
		grader.WriteSimEvidence(w, rr, false, nil)
		fmt.Fprintf(w, "replay: gocourse replay %s%s%s\n", race, out.RaceReplay, target)
	}
}

// printOutcomes lists the distinct outputs of --outcomes.
func (opts *simOptions) printOutcomes(out exploreJSON) {
	if len(out.Outcomes) == 0 {
		return
	}
	w := opts.io.Out
	all := ""
	if out.Exhausted {
		all = ", every one within the bound"
	}
	fmt.Fprintf(w, "%s%s:\n", plural(len(out.Outcomes), "distinct outcome"), all)
	for _, o := range out.Outcomes {
		name := o.Result
		if o.Target != "" {
			name = o.Target + " " + name
		}
		fmt.Fprintf(w, "  %s in %s (replay %s)\n", name, plural(o.Schedules, "schedule"), o.Replay)
		if o.Output != "" {
			fmt.Fprint(w, indent(indent(o.Output)))
		}
	}
}

func (opts *simOptions) printTrace(rep *simrun.Report) error {
	r := rep.Result
	if r == nil {
		return fmt.Errorf("the run produced no trace")
	}
	if opts.html != "" {
		title := fmt.Sprintf("%s — %s (%s)", displayTarget(opts.target), r.Outcome, rep.Replay)
		if err := viewer.WriteFile(opts.html, title, displayTarget(opts.target), r, rep.Replay); err != nil {
			return err
		}
	}
	if opts.json {
		events := r.Trace
		if events == nil {
			events = []sim.TraceEvent{}
		}
		return report.JSON(opts.io.Out, struct {
			Target string           `json:"target"`
			Result string           `json:"result"`
			Replay string           `json:"replay"`
			Events []sim.TraceEvent `json:"events"`
		}{displayTarget(opts.target), r.Outcome.String(), rep.Replay, events})
	}
	w := opts.io.Out
	timeline.Text(w, r.Trace)
	fmt.Fprintf(w, "\n%s: %s at virtual time %s\n", r.Outcome, r.Message, time.Duration(r.TimeNS))
	for _, g := range r.Goroutines {
		fmt.Fprintf(w, "  %s\n", g)
	}
	if len(r.Unfinished) > 0 {
		fmt.Fprintf(w, "note: %s still blocked when main (or the test) returned (--leaks-fail makes this a leak)\n", plural(len(r.Unfinished), "goroutine"))
		for _, g := range r.Unfinished {
			fmt.Fprintf(w, "  %s\n", g)
		}
	}
	fmt.Fprintf(w, "replay: %s\n", rep.Replay)
	if r.Outcome != sim.Pass {
		return &ExitError{Code: 1}
	}
	return nil
}

func lastEvents(events []sim.TraceEvent, n int) []sim.TraceEvent {
	if len(events) > n {
		return events[len(events)-n:]
	}
	return events
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	return "  " + strings.ReplaceAll(s, "\n", "\n  ") + "\n"
}
