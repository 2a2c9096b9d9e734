// Package harness runs a rewritten program's main function, or its Test functions,
// under the simulator, as the grader asks through the environment, and writes one
// JSON report. The grader generates a TestMain that calls Main; nothing else should.
//
// The report goes to a file the grader names, never to standard output, so that
// nothing the program prints can forge it.
package harness

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gocourse/gocourse/sim"
	simsignal "github.com/gocourse/gocourse/sim/signal"
	simtesting "github.com/gocourse/gocourse/sim/testing"
	"github.com/gocourse/gocourse/sim/token"
)

// Environment variables the grader sets.
const (
	ConfigEnv = "GOCOURSE_SIM_CONFIG" // JSON Config
	ReportEnv = "GOCOURSE_SIM_REPORT" // path of the JSON Report to write
)

// A Mode says how many schedules a harness run tries.
type Mode string

const (
	Explore Mode = "explore" // many schedules, as Config's strategy says, to the first failure
	RunOne  Mode = "run"     // one schedule (Replay's, or Random(Seed)'s), with its trace
)

// Config says what to run and how. Its JSON is written by the grader; build
// an exploration's with Exploration.Config.
type Config struct {
	Mode        Mode   `json:"mode"`
	Strategy    string `json:"strategy"` // random, pct, dfs
	Seed        uint64 `json:"seed"`
	Schedules   int    `json:"schedules"`
	Depth       int    `json:"depth"`       // PCT
	Preemptions int    `json:"preemptions"` // DFS bound
	Run         string `json:"run"`         // regexp over test names
	Replay      string `json:"replay"`      // a token from a report: replays that run
	MaxSteps    int    `json:"max_steps"`
	TimeoutMS   int64  `json:"timeout_ms"` // wall-clock budget for an exploration

	// Race checks data races in every schedule: the binary must be built with
	// -race, and RaceLog is the log_path the runner gave ThreadSanitizer in
	// GORACE (see sim.Options).
	Race    bool   `json:"race,omitempty"`
	RaceLog string `json:"race_log,omitempty"`
	// RaceGoOn, with Race, records a race and lets the run go on, and goes
	// on exploring past a schedule that found only a race, to find the bug
	// the race leads to (see sim.Options.RaceGoOn). A replay of such an
	// exploration's token needs it too: each go statement is then one more
	// schedule point.
	RaceGoOn bool `json:"race_go_on,omitempty"`

	// Output, when WantOutput is set, is what main must print on every schedule:
	// a run that prints something else fails. Match says how to compare: "exact"
	// (the default), "lines" (the same lines in any order) or "regex" (the whole
	// output matches the regular expression).
	WantOutput  bool   `json:"want_output,omitempty"`
	Output      string `json:"output,omitempty"`
	OutputMatch string `json:"output_match,omitempty"`

	// Play runs one schedule made by hand (sim.Steer): Picks decide the first
	// decisions, the rest preempt nobody (or are Random(Seed)'s with
	// PlayRandom), and the report's Play is the first decision after Picks.
	Play       bool  `json:"play,omitempty"`
	Picks      []int `json:"picks,omitempty"`
	PlayRandom bool  `json:"play_random,omitempty"`

	// LeaksFail makes the goroutines main leaves behind a leak (see
	// sim.Options.LeaksFail); by default they are a note of the result.
	LeaksFail bool `json:"leaks_fail,omitempty"`
	// LeaksNote makes the goroutines a test leaves behind a note, as go test
	// passes them (see sim.Options.LeaksNote); the course's checks keep
	// goleak's rule.
	LeaksNote bool `json:"leaks_note,omitempty"`

	// Signals are delivered to the program, each at a virtual time:
	// "SIGINT@1s" (see ParseSignal).
	Signals []string `json:"signals,omitempty"`

	// Args, when set, are the program's arguments: os.Args[1:] in every
	// run, as the command line after "--" gives them.
	Args []string `json:"args,omitempty"`

	// Stdin, when set, is a file whose content is the program's standard
	// input in every run: os.Stdin reads it from the start each time, and
	// then meets EOF.
	Stdin string `json:"stdin,omitempty"`

	// Outcomes collects every distinct output (with its result) of the
	// schedules run, and explores on past a failing schedule.
	Outcomes bool `json:"outcomes,omitempty"`
}

// Exploration says how to explore schedules: the settings of a check that
// explores (sim, output, timing) in exercise.yaml, and the flags of gocourse
// explore. DefaultExploration gives both their defaults, and Validate is the
// one place that judges them.
type Exploration struct {
	Strategy    string `yaml:"strategy"`    // random, pct or dfs
	Schedules   int    `yaml:"schedules"`   // the most schedules to run for each target
	Seed        uint64 `yaml:"seed"`        // seed of random and pct
	Depth       int    `yaml:"depth"`       // pct: the bug depth
	Preemptions int    `yaml:"preemptions"` // dfs: the most preemptions in one schedule
}

// Strategies are the strategies an exploration may name.
var Strategies = []string{"random", "pct", "dfs"}

// DefaultExploration returns the settings an exploration has when nothing is said.
func DefaultExploration() Exploration {
	return Exploration{Strategy: "random", Schedules: 1000, Seed: 1, Depth: 3, Preemptions: 2}
}

// Validate reports the first setting of e that no exploration can use.
//
//go:norace
func (e Exploration) Validate() error {
	if err := validStrategy(e.Strategy); err != nil {
		return err
	}
	if e.Schedules < 1 {
		return fmt.Errorf("schedules: must be at least 1")
	}
	if e.Depth < 0 || e.Preemptions < 0 {
		return fmt.Errorf("depth and preemptions must not be negative")
	}
	return nil
}

//go:norace
func validStrategy(name string) error {
	if !slices.Contains(Strategies, name) {
		return fmt.Errorf("strategy: unknown strategy %q (want random, pct or dfs)", name)
	}
	return nil
}

// Config returns the configuration that explores the targets run selects (all
// of them when empty) as e says, within a wall-clock budget of timeout (none
// when 0).
//
//go:norace
func (e Exploration) Config(run string, timeout time.Duration) Config {
	return Config{
		Mode: Explore, Strategy: e.Strategy, Seed: e.Seed, Schedules: e.Schedules,
		Depth: e.Depth, Preemptions: e.Preemptions, Run: run, TimeoutMS: timeout.Milliseconds(),
	}
}

// Validate reports whether the harness can run as c asks: a known mode and, to
// explore, a known strategy ("" is random). A Replay token runs its one
// schedule whatever the mode, so it needs none.
//
//go:norace
func (c Config) Validate() error {
	switch {
	case c.Mode == RunOne || c.Replay != "" && c.Mode == "":
		return nil
	case c.Mode == Explore:
		if c.Strategy == "" {
			return nil
		}
		return validStrategy(c.Strategy)
	}
	return fmt.Errorf("unknown mode %q (want %s or %s)", c.Mode, Explore, RunOne)
}

// An Outcome is one distinct result and output the schedules gave.
type Outcome struct {
	Target    string `json:"target,omitempty"` // the test; empty for main
	Result    string `json:"result"`
	Output    string `json:"output"`
	Schedules int    `json:"schedules"` // how many schedules gave it
	Replay    string `json:"replay"`    // the first of them
}

// Report is what one harness run found.
type Report struct {
	Target    string   `json:"target"` // "main" or the test that failed (or the last one run)
	Tests     []string `json:"tests,omitempty"`
	Schedules int      `json:"schedules"` // over every target run
	// FailingSchedule is the number of the failing schedule among its target's.
	FailingSchedule int  `json:"failing_schedule,omitempty"`
	Exhausted       bool `json:"exhausted"`
	// TimedOut says that TimeoutMS ran out before the schedules did: the
	// report covers the schedules done (Schedules), none of which failed.
	TimedOut bool        `json:"timed_out,omitempty"`
	Result   *sim.Result `json:"result"`
	// Race, with Config.RaceGoOn, is a schedule that found a data race and
	// nothing else, when a later one found the failure in Result (which
	// names no race of its own); RaceReplay replays it.
	Race       *sim.Result `json:"race,omitempty"`
	RaceReplay string      `json:"race_replay,omitempty"`
	// First is the first schedule's result when no schedule failed (Result
	// is then nil): its output and virtual time, without its trace.
	First *sim.Result `json:"first,omitempty"`
	// Skipped are the tests that called t.Skip (or SkipNow) and did not fail.
	Skipped []string `json:"skipped,omitempty"`
	// Outcomes, with Config.Outcomes: every distinct result and output, the
	// most frequent first. With Exhausted, the complete set within the bound.
	Outcomes  []Outcome `json:"outcomes,omitempty"`
	Replay    string    `json:"replay,omitempty"`
	ElapsedNS int64     `json:"elapsed_ns"`
	Error     string    `json:"error,omitempty"` // the harness could not run as asked
	// Token is the secret the runner handed the process (see sim/token): a report
	// without it was not written by the harness.
	Token string `json:"token"`
	// Play is the next decision of a Config.Play run; nil when it had none left.
	Play *sim.PlayPoint `json:"play,omitempty"`
}

// reset re-creates the package's state (its package-level variables, its init
// functions) before each run; the rewriter generates it and the runner registers it
// with SetReset.
var reset func()

// SetReset registers the function that puts the package under test back into the
// state it had when the program started, so that no schedule sees what an earlier
// one left behind.
//
//go:norace
func SetReset(f func()) { reset = f }

// A Test is one Test function of the package under test.
type Test struct {
	Name string
	F    func(*simtesting.T)

	// An Example function, when Example is set: go test runs it, and fails
	// it when what it prints differs from Output (after trimming spaces at
	// both ends; in any order of lines when Unordered), as its
	// "// Output:" comment says.
	Example   func()
	Output    string
	Unordered bool
}

// Main runs the package's main function (when mainFn is not nil) or its tests, and
// returns the process's exit status.
//
//go:norace
func Main(mainFn func(), tests []Test) int {
	path := token.Getenv(ReportEnv)
	if path == "" {
		fmt.Fprintln(os.Stderr, "harness: this binary runs only under gocourse explore, replay or trace")
		return 2
	}
	var cfg Config
	if err := json.Unmarshal([]byte(token.Getenv(ConfigEnv)), &cfg); err != nil {
		return write(path, &Report{Error: "bad configuration: " + err.Error()})
	}

	return write(path, run(cfg, mainFn, tests))
}

//go:norace
func write(path string, rep *Report) int {
	rep.Token = token.Take()
	data, err := json.Marshal(rep)
	if err == nil {
		err = os.WriteFile(path, data, 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		return 2
	}
	return 0
}

// A target is what one exploration runs: main, or one Test or Example.
type target struct {
	name string // "main" or the function's name
	body func()
}

//go:norace
func run(cfg Config, mainFn func(), tests []Test) *Report {
	if err := cfg.Validate(); err != nil {
		return &Report{Error: "bad configuration: " + err.Error()}
	}
	start := time.Now()
	skipped := map[string]bool{}
	targets, err := targets(cfg, mainFn, tests, skipped)
	if err != nil {
		return &Report{Error: err.Error()}
	}
	if cfg.Race && !sim.RaceBuild {
		return &Report{Error: "race: the program was not built with -race"}
	}
	rep := &Report{}
	for _, t := range targets {
		if t.name != "main" {
			rep.Tests = append(rep.Tests, t.name)
		}
	}
	if cfg.Args != nil {
		os.Args = append([]string{os.Args[0]}, cfg.Args...)
	}
	runReset := reset
	if cfg.Stdin != "" {
		runReset = stdinReset(cfg.Stdin, reset)
	}
	opts := sim.Options{MaxSteps: cfg.MaxSteps, Reset: runReset, Race: cfg.Race, RaceLog: cfg.RaceLog, RaceGoOn: cfg.Race && cfg.RaceGoOn, MainExits: mainFn != nil, LeaksFail: cfg.LeaksFail, LeaksNote: cfg.LeaksNote}
	for _, t := range targets {
		rep.Target = t.name
		var done bool
		if cfg.Mode == RunOne || cfg.Replay != "" {
			done, err = runOnce(cfg, t, opts, start, rep)
		} else {
			done, err = explore(cfg, t, opts, start, rep)
		}
		if err != nil {
			return &Report{Error: err.Error()}
		}
		if done {
			break
		}
	}
	if rep.Result != nil && rep.Result.Failed() {
		rep.First = nil
	}
	slices.SortStableFunc(rep.Outcomes, func(a, b Outcome) int { return b.Schedules - a.Schedules })
	for _, name := range rep.Tests {
		if skipped[name] {
			rep.Skipped = append(rep.Skipped, name)
		}
	}
	rep.ElapsedNS = time.Since(start).Nanoseconds()
	return rep
}

// targets returns what cfg asks to run: main (when mainFn is not nil), then
// the tests that cfg.Run matches, or the one test its replay token names. A
// test that skips is marked in skipped.
//
//go:norace
func targets(cfg Config, mainFn func(), tests []Test, skipped map[string]bool) ([]target, error) {
	var targets []target
	if mainFn != nil {
		body, err := mainBody(cfg, mainFn)
		if err != nil {
			return nil, err
		}
		targets = append(targets, target{"main", body})
	}
	re, err := regexp.Compile(cfg.Run)
	if err != nil {
		return nil, fmt.Errorf("run: %w", err)
	}
	replayTest, _ := token.Parse(cfg.Replay)
	for _, t := range tests {
		if replayTest != "" && t.Name != replayTest || replayTest == "" && !re.MatchString(t.Name) {
			continue
		}
		body := testBody(t, skipped)
		if t.Example != nil {
			body = exampleBody(t)
		}
		targets = append(targets, target{t.Name, body})
	}
	if len(targets) == 0 {
		if replayTest != "" {
			return nil, fmt.Errorf("the replay token names %s, which the package does not have", replayTest)
		}
		return nil, fmt.Errorf("no main function and no test matches %s", cfg.Run)
	}
	return targets, nil
}

// mainBody returns main as a run's body: checking what it printed when
// cfg.WantOutput, and delivering cfg.Signals at their virtual times.
//
//go:norace
func mainBody(cfg Config, mainFn func()) (func(), error) {
	body := mainFn
	if cfg.WantOutput {
		match, err := OutputMatcher(cfg.OutputMatch, cfg.Output)
		if err != nil {
			return nil, err
		}
		body = func() {
			mainFn()
			// main has returned: in a real program, the process exits here, so
			// this is everything it printed.
			got := fmt.Sprint(sim.Stdout())
			if !match(got) {
				sim.Fail(fmt.Sprintf("the output is not what it should be:\n--- want (%s)\n%s--- got\n%s", cmpName(cfg.OutputMatch), cfg.Output, got))
			}
		}
	}
	if len(cfg.Signals) == 0 {
		return body, nil
	}
	type at struct {
		sig os.Signal
		d   time.Duration
	}
	var sigs []at
	for _, spec := range cfg.Signals {
		sig, d, err := ParseSignal(spec)
		if err != nil {
			return nil, err
		}
		sigs = append(sigs, at{sig, d})
	}
	inner := body
	return func() {
		for _, a := range sigs {
			simsignal.DeliverAt(a.d, a.sig)
		}
		inner()
	}, nil
}

// runOnce runs one schedule of t (its replay token's, a steered one, or
// Random(Seed)'s) into rep, and reports whether the targets after t are not
// to run.
//
//go:norace
func runOnce(cfg Config, t target, opts sim.Options, start time.Time, rep *Report) (done bool, err error) {
	_, sched := token.Parse(cfg.Replay)
	strat := sim.Random(cfg.Seed)
	if sched != "" {
		if strat, err = sim.Replay(sched); err != nil {
			return true, err
		}
	}
	var steer *sim.SteerStrategy
	if cfg.Play {
		var rest sim.Strategy
		if cfg.PlayRandom {
			rest = sim.Random(cfg.Seed)
		}
		steer = sim.Steer(cfg.Picks, rest)
		strat = steer
	}
	opts.Strategy = strat
	if cfg.TimeoutMS > 0 {
		opts.Deadline = start.Add(time.Duration(cfg.TimeoutMS) * time.Millisecond)
	}
	res := sim.Run(t.body, opts)
	if steer != nil {
		rep.Play = steer.Next()
	}
	if res.Outcome == sim.Timeout {
		rep.TimedOut = true
		return true, nil
	}
	rep.Schedules++
	rep.Result = res
	rep.Replay = token.Format(t.name, res.Token)
	return res.Failed() || cfg.Replay != "", nil
}

// explore runs the schedules cfg's strategy makes of t into rep, within what
// is left of the budget, and reports whether the targets after t are not to
// run (a failure, or the budget spent).
//
//go:norace
func explore(cfg Config, t target, opts sim.Options, start time.Time, rep *Report) (done bool, err error) {
	strat, err := strategy(cfg)
	if err != nil {
		return true, err
	}
	each := func(r *sim.Result) {
		if rep.First == nil {
			rep.First = r
		}
		if cfg.Outcomes {
			rep.Outcomes = addOutcome(rep.Outcomes, t.name, r)
		}
	}
	budget := time.Duration(0)
	if cfg.TimeoutMS > 0 {
		// What is left of the budget after the targets before this one.
		budget = max(time.Duration(cfg.TimeoutMS)*time.Millisecond-time.Since(start), time.Nanosecond)
	}
	r := sim.Explore(t.body, sim.Config{Strategy: strat, Schedules: cfg.Schedules, Timeout: budget, Options: opts, Each: each, KeepGoing: cfg.Outcomes})
	rep.Schedules += r.Schedules
	rep.Exhausted = r.Exhausted
	if r.TimedOut && r.Failure == nil {
		rep.TimedOut = true
		return true, nil
	}
	if r.Failure != nil {
		rep.Result = r.Failure
		rep.Replay = token.Format(t.name, r.Failure.Token)
		rep.FailingSchedule = r.Schedules
		if r.Race != nil {
			rep.Race, rep.RaceReplay = r.Race, token.Format(t.name, r.Race.Token)
		}
		return true, nil
	}
	return false, nil
}

// addOutcome counts the result r of a schedule of target among outs.
//
//go:norace
func addOutcome(outs []Outcome, target string, r *sim.Result) []Outcome {
	replay := token.Format(target, r.Token)
	if target == "main" {
		target = ""
	}
	res := r.Outcome.String()
	for i := range outs {
		if o := &outs[i]; o.Target == target && o.Result == res && o.Output == r.Output {
			o.Schedules++
			return outs
		}
	}
	return append(outs, Outcome{Target: target, Result: res, Output: r.Output, Schedules: 1, Replay: replay})
}

// stdinReset returns a reset that gives each run the same standard input,
// the file at path read from its start, before the package's own reset
// (whose variable initializers may read os.Stdin).
//
//go:norace
func stdinReset(path string, reset func()) func() {
	var f *os.File
	return func() {
		if f != nil {
			f.Close()
		}
		var err error
		if f, err = os.Open(path); err == nil {
			os.Stdin = f
		}
		if reset != nil {
			reset()
		}
	}
}

// strategy makes the strategy cfg names; Validate has judged the name.
//
//go:norace
func strategy(cfg Config) (sim.Strategy, error) {
	switch cfg.Strategy {
	case "", "random":
		return sim.Random(cfg.Seed), nil
	case "pct":
		return sim.PCT(max(cfg.Depth, 1), cfg.Seed), nil
	case "dfs":
		return sim.DFS(cfg.Preemptions), nil
	}
	return nil, fmt.Errorf("unknown strategy %q (want random, pct or dfs)", cfg.Strategy)
}

// testBody runs one Test function as the body of a run (goroutine 1): a fresh T
// each time, and its cleanups at the end, as the testing package does.
//
//go:norace
func testBody(t Test, skipped map[string]bool) func() {
	return func() {
		tt := simtesting.New(t.Name)
		defer func() {
			if simtesting.WasSkipped(tt) {
				skipped[t.Name] = true
			}
		}()
		defer simtesting.Finish(tt)
		t.F(tt)
	}
}

// exampleBody runs an Example function as the body of a run and checks what
// it printed against its "// Output:" comment, as go test does.
//
//go:norace
func exampleBody(t Test) func() {
	want := strings.TrimSpace(t.Output)
	return func() {
		finished := false
		defer func() {
			if finished {
				return
			}
			// As go test's runner: a panic goes on (recovered and
			// repanicked); runtime.Goexit is a panic of its own.
			if r := sim.Recovered(recover()); r != nil {
				panic(sim.Panicking(r))
			}
			panic("test executed panic(nil) or runtime.Goexit")
		}()
		t.Example()
		finished = true
		got := strings.TrimSpace(fmt.Sprint(sim.Stdout()))
		ok := got == want
		if t.Unordered {
			ok = sortLines(got) == sortLines(want)
		}
		if !ok {
			sim.Fail(fmt.Sprintf("%s: got:\n%s\nwant:\n%s", t.Name, got, want))
		}
	}
}

//go:norace
func sortLines(s string) string {
	lines := strings.Split(s, "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

//go:norace
func cmpName(match string) string {
	if match == "" {
		return "exact"
	}
	return match
}

// signals are the names ParseSignal knows, as the runtime prints them.
var signals = map[string]syscall.Signal{
	"SIGHUP": syscall.SIGHUP, "SIGINT": syscall.SIGINT, "SIGQUIT": syscall.SIGQUIT,
	"SIGKILL": syscall.SIGKILL, "SIGTERM": syscall.SIGTERM, "SIGUSR1": syscall.SIGUSR1,
	"SIGUSR2": syscall.SIGUSR2, "SIGPIPE": syscall.SIGPIPE, "SIGALRM": syscall.SIGALRM,
	"SIGCHLD": syscall.SIGCHLD, "SIGCONT": syscall.SIGCONT, "SIGWINCH": syscall.SIGWINCH,
}

// ParseSignal reads "SIGINT@1s": a signal (SIGINT, INT, or its number) and
// the virtual time, from the start of main, at which it is delivered.
//
//go:norace
func ParseSignal(spec string) (os.Signal, time.Duration, error) {
	name, when, ok := strings.Cut(spec, "@")
	if !ok {
		return nil, 0, fmt.Errorf("signal %q: want NAME@TIME, such as SIGINT@1s", spec)
	}
	d, err := time.ParseDuration(when)
	if err != nil || d < 0 {
		return nil, 0, fmt.Errorf("signal %q: %q is not a time such as 1s or 250ms", spec, when)
	}
	up := strings.ToUpper(name)
	if !strings.HasPrefix(up, "SIG") {
		up = "SIG" + up
	}
	if sig, ok := signals[up]; ok {
		return sig, d, nil
	}
	if n, err := strconv.Atoi(name); err == nil && n > 0 && n < 65 {
		return syscall.Signal(n), d, nil
	}
	return nil, 0, fmt.Errorf("signal %q: unknown signal %q", spec, name)
}

// OutputMatcher returns the comparison an output check asks for: "exact" (or ""),
// "lines" (the same lines in any order) or "regex" (the whole output matches).
//
//go:norace
func OutputMatcher(match, want string) (func(string) bool, error) {
	switch match {
	case "", "exact":
		return func(got string) bool { return got == want }, nil
	case "lines":
		sorted := func(s string) string {
			lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
			slices.Sort(lines)
			return strings.Join(lines, "\n")
		}
		w := sorted(want)
		return func(got string) bool { return sorted(got) == w }, nil
	case "regex":
		re, err := regexp.Compile(`\A(?:` + want + `)\z`)
		if err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
		return re.MatchString, nil
	}
	return nil, fmt.Errorf("output: unknown match %q (want exact, lines or regex)", match)
}
