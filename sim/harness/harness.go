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
	"strings"
	"time"

	"github.com/gocourse/gocourse/sim"
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
}

// Report is what one harness run found.
type Report struct {
	Target    string   `json:"target"` // "main" or the test that failed (or the last one run)
	Tests     []string `json:"tests,omitempty"`
	Schedules int      `json:"schedules"` // over every target run
	// FailingSchedule is the number of the failing schedule among its target's.
	FailingSchedule int         `json:"failing_schedule,omitempty"`
	Exhausted       bool        `json:"exhausted"`
	Result          *sim.Result `json:"result"`
	Replay          string      `json:"replay,omitempty"`
	ElapsedNS       int64       `json:"elapsed_ns"`
	Error           string      `json:"error,omitempty"` // the harness could not run as asked
	// Token is the secret the runner handed the process (see sim/token): a report
	// without it was not written by the harness.
	Token string `json:"token"`
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
	for _, t := range tests {
		if replayTest != "" && t.Name != replayTest || replayTest == "" && !re.MatchString(t.Name) {
			continue
		}
		targets = append(targets, target{t.Name, testBody(t)})
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
	opts := sim.Options{MaxSteps: cfg.MaxSteps, Reset: reset, Race: cfg.Race, RaceLog: cfg.RaceLog, MainExits: mainFn != nil}
	for _, t := range targets {
		rep.Target = t.name
		if cfg.Mode == "run" || cfg.Replay != "" {
			strat := sim.Random(cfg.Seed)
			if token != "" {
				if strat, err = sim.Replay(token); err != nil {
					return &Report{Error: err.Error()}
				}
			}
			opts.Strategy = strat
			res := sim.Run(t.body, opts)
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
		r := sim.Explore(t.body, sim.Config{Strategy: strat, Schedules: cfg.Schedules, Timeout: time.Duration(cfg.TimeoutMS) * time.Millisecond, Options: opts})
		rep.Schedules += r.Schedules
		rep.Exhausted = r.Exhausted
		if r.Failure != nil {
			rep.Result = r.Failure
			rep.Replay = tokenFor(t.name, r.Failure.Token)
			rep.FailingSchedule = r.Schedules
			break
		}
	}
	rep.ElapsedNS = time.Since(start).Nanoseconds()
	return rep
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
func testBody(t Test) func() {
	return func() {
		tt := simtesting.New(t.Name)
		defer simtesting.Finish(tt)
		t.F(tt)
	}
}

//go:norace
func cmpName(match string) string {
	if match == "" {
		return "exact"
	}
	return match
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
