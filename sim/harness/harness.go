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

// Config says what to run and how. Its JSON is written by the grader.
type Config struct {
	Mode        string `json:"mode"`     // "explore" (many schedules), "run" (one, with its trace)
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

	// Stdin, when set, is a file whose content is the program's standard
	// input in every run: os.Stdin reads it from the start each time, and
	// then meets EOF.
	Stdin string `json:"stdin,omitempty"`

	// Outcomes collects every distinct output (with its result) of the
	// schedules run, and explores on past a failing schedule.
	Outcomes bool `json:"outcomes,omitempty"`
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

//go:norace
func run(cfg Config, mainFn func(), tests []Test) *Report {
	start := time.Now()
	type target struct {
		name string
		body func()
	}
	var targets []target
	if mainFn != nil {
		body := mainFn
		if cfg.WantOutput {
			match, err := OutputMatcher(cfg.OutputMatch, cfg.Output)
			if err != nil {
				return &Report{Error: err.Error()}
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
		if len(cfg.Signals) > 0 {
			type at struct {
				sig os.Signal
				d   time.Duration
			}
			var sigs []at
			for _, spec := range cfg.Signals {
				sig, d, err := ParseSignal(spec)
				if err != nil {
					return &Report{Error: err.Error()}
				}
				sigs = append(sigs, at{sig, d})
			}
			inner := body
			body = func() {
				for _, a := range sigs {
					simsignal.DeliverAt(a.d, a.sig)
				}
				inner()
			}
		}
		targets = append(targets, target{"main", body})
	}
	re, err := regexp.Compile(cfg.Run)
	if err != nil {
		return &Report{Error: "run: " + err.Error()}
	}
	replayTest, token := "", cfg.Replay
	if name, tok, ok := strings.Cut(cfg.Replay, "@"); ok {
		replayTest, token = name, tok
	}
	rep := &Report{}
	skipped := map[string]bool{}
	for _, t := range tests {
		if replayTest != "" && t.Name != replayTest || replayTest == "" && !re.MatchString(t.Name) {
			continue
		}
		body := testBody(t, skipped)
		if t.Example != nil {
			body = exampleBody(t)
		}
		targets = append(targets, target{t.Name, body})
		rep.Tests = append(rep.Tests, t.Name)
	}
	if len(targets) == 0 {
		if replayTest != "" {
			return &Report{Error: fmt.Sprintf("the replay token names %s, which the package does not have", replayTest)}
		}
		return &Report{Error: "no main function and no test matches " + cfg.Run}
	}
	if cfg.Race && !sim.RaceBuild {
		return &Report{Error: "race: the program was not built with -race"}
	}
	runReset := reset
	if cfg.Stdin != "" {
		runReset = stdinReset(cfg.Stdin, reset)
	}
	opts := sim.Options{MaxSteps: cfg.MaxSteps, Reset: runReset, Race: cfg.Race, RaceLog: cfg.RaceLog, MainExits: mainFn != nil, LeaksFail: cfg.LeaksFail, LeaksNote: cfg.LeaksNote}
	for _, t := range targets {
		rep.Target = t.name
		if cfg.Mode == "run" || cfg.Replay != "" {
			strat := sim.Random(cfg.Seed)
			if token != "" {
				if strat, err = sim.Replay(token); err != nil {
					return &Report{Error: err.Error()}
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
				break
			}
			rep.Schedules++
			rep.Result = res
			rep.Replay = tokenFor(t.name, res.Token)
			if res.Failed() || cfg.Replay != "" {
				break
			}
			continue
		}
		strat, err := strategy(cfg)
		if err != nil {
			return &Report{Error: err.Error()}
		}
		name := t.name
		each := func(r *sim.Result) {
			if rep.First == nil {
				rep.First = r
			}
			if cfg.Outcomes {
				rep.Outcomes = addOutcome(rep.Outcomes, name, r)
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
			break
		}
		if r.Failure != nil {
			rep.Result = r.Failure
			rep.Replay = tokenFor(t.name, r.Failure.Token)
			rep.FailingSchedule = r.Schedules
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

// addOutcome counts the result r of a schedule of target among outs.
//
//go:norace
func addOutcome(outs []Outcome, target string, r *sim.Result) []Outcome {
	replay := tokenFor(target, r.Token)
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

// tokenFor prefixes a test's name to a sim token so that replay finds the test.
//
//go:norace
func tokenFor(target, token string) string {
	if target == "main" || token == "" {
		return token
	}
	return target + "@" + token
}

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
			return nil, fmt.Errorf("output: %v", err)
		}
		return re.MatchString, nil
	}
	return nil, fmt.Errorf("output: unknown match %q (want exact, lines or regex)", match)
}
