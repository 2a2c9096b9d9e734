package sim

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Outcome is how a run ended.
type Outcome int

const (
	Pass       Outcome = iota // every goroutine finished and nothing failed
	Deadlock                  // the body is blocked and nothing can ever run again
	Leak                      // the body returned, but goroutines are blocked forever (or run on past Options.MaxSteps)
	Panic                     // a goroutine panicked
	Failed                    // the run finished but Fail or Errorf was called
	StepLimit                 // the run took more than Options.MaxSteps schedule points
	Race                      // two goroutines accessed the same memory without synchronisation (Options.Race)
	Timeout                   // the run was cut short at Options.Deadline: no verdict
	SignalWait                // every goroutine is blocked, and signal.Notify is active: the process waits for a signal
)

var outcomeNames = [...]string{"pass", "deadlock", "leak", "panic", "fail", "step limit", "race", "timeout", "waiting"}

//go:norace
func (o Outcome) String() string {
	if o >= 0 && int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "outcome(" + strconv.Itoa(int(o)) + ")"
}

// MarshalText makes outcomes read as words in JSON.
//
//go:norace
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText parses the words MarshalText writes.
//
//go:norace
func (o *Outcome) UnmarshalText(b []byte) error {
	for i, n := range outcomeNames {
		if n == string(b) {
			*o = Outcome(i)
			return nil
		}
	}
	return fmt.Errorf("sim: unknown outcome %q", b)
}

// GoroutineInfo describes a goroutine left blocked (or still running) when a
// run ended with a deadlock, a leak or a step limit.
type GoroutineInfo struct {
	ID      int    `json:"id"`
	State   string `json:"state"`              // the runtime's wait reason: "chan receive", "select", "sleep", ..., or "runnable"
	WaitsOn string `json:"waits_on,omitempty"` // the channel(s) or object: "jobs", "<-jobs, results<-"
	Pos     string `json:"pos,omitempty"`      // file:line where it blocked, in the user's code
	SinceNS int64  `json:"since_ns"`           // virtual time at which it blocked
}

//go:norace
func (g GoroutineInfo) String() string {
	s := "goroutine " + strconv.Itoa(g.ID) + " [" + g.State + "]"
	if g.WaitsOn != "" {
		s += " on " + g.WaitsOn
	}
	if g.Pos != "" {
		s += " at " + g.Pos
	}
	return s
}

// PanicInfo is a goroutine's panic that ended a run.
type PanicInfo struct {
	G       int    `json:"g"`
	Value   any    `json:"-"`
	Message string `json:"message"` // as Go prints it after "panic: "
	Stack   string `json:"stack"`
}

// Result is the outcome of one run.
type Result struct {
	Outcome    Outcome         `json:"outcome"`
	Message    string          `json:"message"`              // one line, in the runtime's words where it has some
	Goroutines []GoroutineInfo `json:"goroutines,omitempty"` // deadlock, leak, step limit: who is stuck, where
	// Unfinished are the goroutines a program's main left blocked when it
	// returned (Options.MainExits): the process exited with them, so they
	// are a note, not a failure; or those a test left behind
	// (Options.LeaksNote).
	Unfinished []GoroutineInfo `json:"unfinished,omitempty"`
	Panic      *PanicInfo      `json:"panic,omitempty"`
	Race       *RaceInfo       `json:"race,omitempty"`     // the data race that ended the run (with Options.RaceGoOn: the run's first)
	Failures   []string        `json:"failures,omitempty"` // messages given to Fail and Errorf
	Output     string          `json:"output"`             // what the run wrote to Stdout
	Steps      int             `json:"steps"`              // schedule points
	TimeNS     int64           `json:"t_ns"`               // virtual time at the end
	Token      string          `json:"token"`              // replays this run: Replay(Token)
	Trace      []TraceEvent    `json:"trace,omitempty"`
	Diverged   string          `json:"diverged,omitempty"` // a replay did not fit the program: it is not deterministic
}

// Failed reports whether the run found a bug.
//
//go:norace
func (r *Result) Failed() bool {
	return r.Outcome != Pass && r.Outcome != Timeout && r.Outcome != SignalWait
}

// String is a report of the run a person can read.
//
//go:norace
func (r *Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", r.Outcome, r.Message)
	for _, g := range r.Goroutines {
		fmt.Fprintf(&b, "  %s\n", g)
	}
	for _, f := range r.Failures {
		fmt.Fprintf(&b, "  %s\n", f)
	}
	if r.Panic != nil {
		fmt.Fprintf(&b, "\ngoroutine %d panicked:\n%s\n", r.Panic.G, r.Panic.Stack)
	}
	if r.Race != nil {
		for _, a := range r.Race.Accesses {
			fmt.Fprintf(&b, "  %s\n", a)
			for _, f := range a.Stack {
				fmt.Fprintf(&b, "      %s\n", f)
			}
		}
	}
	fmt.Fprintf(&b, "after %d schedule points, at virtual time %v\n", r.Steps, time.Duration(r.TimeNS))
	if r.Diverged != "" {
		fmt.Fprintf(&b, "replay diverged: %s\n", r.Diverged)
	}
	fmt.Fprintf(&b, "replay: %s\n", r.Token)
	return b.String()
}

// Options control one run.
type Options struct {
	// Strategy decides every schedule point; nil means Random(Seed).
	Strategy Strategy
	// Seed seeds the default strategy.
	Seed uint64
	// MaxSteps bounds the schedule points of a run (default 100000); a run
	// that needs more ends with StepLimit (a livelock, or a program too long).
	MaxSteps int
	// MaxOutput bounds the bytes of Stdout kept (default 1 MiB).
	MaxOutput int
	// MainExits says that the body is a program's main function: when it
	// returns, the process would exit, so nothing printed after that is part
	// of the run's output (the goroutines left are still judged for leaks, and
	// their events still traced, after an "exit" event).
	MainExits bool
	// Deadline, when set, cuts a run short at that wall-clock time with the
	// outcome Timeout: a program that runs on and on in virtual time (as
	// its real twin would) ends within the caller's budget.
	Deadline time.Time
	// LeaksFail makes the goroutines a program's main leaves blocked when
	// it returns (Options.MainExits) a Leak. By default they are only listed
	// in Result.Unfinished: the process exits, as it does for real.
	LeaksFail bool
	// LeaksNote makes the goroutines a test leaves blocked (or running) when
	// its body has returned a note, listed in Result.Unfinished, as go test,
	// which does not look for them, passes the test; unless the test asks
	// for the check itself (goleak.VerifyNone: CheckLeaks). By default they
	// are a Leak, goleak's rule. It does not apply to a program's main
	// (MainExits), which LeaksFail governs.
	LeaksNote bool
	// LeakWait is how much virtual time goroutines may go on sleeping after
	// the body returns before they count as leaked (default 24h).
	LeakWait time.Duration
	// Reset, if set, runs at the start of every run, as G1 before the body:
	// it re-creates package-level state (channels, counters) so that runs do
	// not see each other.
	Reset func()
	// NoPositions skips recording file:line for trace events and blocked
	// goroutines, which makes runs several times faster. Explore uses it
	// and replays the failing run with positions.
	NoPositions bool
	// Race checks data races: in a binary built with -race (RaceBuild), the
	// scheduler's own hand-offs are hidden from ThreadSanitizer, the
	// simulated operations tell it their happens-before edges, and a race
	// it reports ends the run with the outcome Race (see race.md). Without
	// -race it does nothing.
	Race bool
	// RaceLog is the log_path given to ThreadSanitizer in GORACE, where it
	// writes its reports (as RaceLog.<pid>): the run reads them back to say
	// which accesses raced. Without it a race is reported without them.
	RaceLog string
	// RaceGoOn makes a data race not end the run: the first one is recorded
	// (Result.Race) and the run goes on, so that what the race leads to (a
	// deadlock, a leak, a failed assertion) is its outcome; a run that
	// would have passed ends with Race. Explore goes on past a run that
	// found only a race (Report.Race). Needs Race. (With Race, each go
	// statement is also a schedule point once the new goroutine exists, as
	// it may start at once on another core: a write it makes first and a
	// read its parent makes next are a racing pair whose two orders the
	// strategies try. That holds with or without RaceGoOn, so that a
	// schedule's token means the same to every run that checks races.)
	RaceGoOn bool
}

//go:norace
func (o Options) withDefaults() Options {
	if o.MaxSteps <= 0 {
		o.MaxSteps = 100_000
	}
	if o.MaxOutput <= 0 {
		o.MaxOutput = 1 << 20
	}
	if o.LeakWait <= 0 {
		o.LeakWait = 24 * time.Hour
	}
	return o
}

// Errorf marks the current run as failed with a formatted message and lets
// it go on, like testing.T.Errorf.
//
//go:norace
func Errorf(format string, args ...any) { Fail(fmt.Sprintf(format, args...)) }

// the one scheduler, reused by every run (runs are serialised by runMu).
var shared *scheduler

//go:norace
func acquireScheduler() *scheduler {
	if getg() != nil {
		panic(misuse("Run or Explore inside a run"))
	}
	runMu.Lock()
	if shared == nil {
		shared = newScheduler()
	}
	return shared
}

//go:norace
func releaseScheduler() { runMu.Unlock() }

// Run runs body once as goroutine 1 under opts.Strategy and reports how it
// ended. Runs are serialised: one at a time per process.
//
//go:norace
func Run(body func(), opts Options) *Result {
	strat := opts.Strategy
	if strat == nil {
		strat = Random(opts.Seed)
	}
	s := acquireScheduler()
	defer releaseScheduler()
	if !strat.NewExecution() {
		return &Result{Outcome: Pass, Message: "the strategy has no schedule left to run"}
	}
	s.reset(opts, strat)
	s.run(body)
	r := s.result(true)
	if t := strat.Token(); t != "" && s.diverged == "" {
		r.Token = t
	}
	return r
}

// result builds the Result of the run that just ended.
//
//go:norace
func (s *scheduler) result(withTrace bool) *Result {
	r := &Result{
		Outcome:    s.outcome,
		Goroutines: s.blocked,
		Unfinished: s.unfinished,
		Panic:      s.panicked,
		Race:       s.race,
		Failures:   append([]string(nil), s.failures...),
		Output:     s.out.String(),
		Steps:      s.steps,
		TimeNS:     s.clock.now,
		Token:      s.choiceToken(),
		Diverged:   s.diverged,
	}
	if withTrace {
		r.Trace = s.exportTrace()
	}
	switch s.outcome {
	case Pass:
		r.Message = "ok"
	case Deadlock:
		r.Message = "all goroutines are asleep - deadlock!"
	case Leak:
		r.Message = plural(len(s.blocked), "goroutine") + " still blocked after the body returned"
		if s.opts.MainExits {
			r.Message = plural(len(s.blocked), "goroutine") + " still blocked when main returned"
		}
		if s.steps > s.opts.MaxSteps {
			r.Message = plural(len(s.blocked), "goroutine") + " still running after the body returned (more than " + strconv.Itoa(s.opts.MaxSteps) + " schedule points)"
		}
	case Panic:
		r.Message = "panic: " + s.panicked.Message
		if _, ok := s.panicked.Value.(fatalError); ok { // see Fatal
			r.Message = "fatal error: " + s.panicked.Message
		}
		if s.panicked.G != 1 {
			r.Message += " (in goroutine " + strconv.Itoa(s.panicked.G) + ")"
		}
	case Failed:
		r.Message = s.failures[0]
		if len(s.failures) > 1 {
			r.Message += " (and " + plural(len(s.failures)-1, "more failure") + ")"
		}
	case StepLimit:
		r.Message = "more than " + strconv.Itoa(s.opts.MaxSteps) + " schedule points without virtual time moving: livelock"
		if s.steps-s.stillSince <= s.opts.MaxSteps {
			r.Message = "more than " + strconv.Itoa(100*s.opts.MaxSteps) + " schedule points: a run too long"
		}
	case Race:
		r.Message = s.race.Message()
	case SignalWait:
		r.Message = "waiting for a signal: every goroutine is blocked while signal.Notify is active, so the process waits (the runtime reports no deadlock)"
	case Timeout:
		r.Message = "the time budget ran out during the run, at virtual time " + time.Duration(s.clock.now).String()
	}
	return r
}

//go:norace
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// goroutineInfos describes every goroutine that is not dead.
//
//go:norace
func (s *scheduler) goroutineInfos() []GoroutineInfo {
	var out []GoroutineInfo
	for _, g := range s.gs {
		if g.status == gDead {
			continue
		}
		info := GoroutineInfo{ID: g.id, State: "runnable"}
		if g.status == gWaiting {
			info.State = g.waitReason
			info.SinceNS = g.waitSince
			info.WaitsOn = waitsOn(g)
			if g.npcs > 0 {
				info.Pos = userPos(g.pcs[:g.npcs])
			}
		} else if !g.started && g.fn != nil {
			info.Pos = funcPos(g.fn)
		}
		out = append(out, info)
	}
	return out
}

//go:norace
func waitsOn(g *G) string {
	if g.waiting != nil {
		var parts []string
		for sg := g.waiting; sg != nil; sg = sg.waitlink {
			name := sg.c.Name()
			if sg.c.sendq.contains(sg) {
				parts = append(parts, name+"<-")
			} else {
				parts = append(parts, "<-"+name)
			}
		}
		return strings.Join(parts, ", ")
	}
	switch o := g.waitObj.(type) {
	case nil:
		return ""
	case selectChan:
		return o.header().Name()
	}
	if n := objName(g.waitObj); n != "" {
		return n
	}
	return fmt.Sprintf("%T", g.waitObj)
}

//go:norace
func (q *waitq) contains(sg *sudog) bool {
	for x := q.first; x != nil; x = x.next {
		if x == sg {
			return true
		}
	}
	return false
}

// funcPos is where a goroutine that never ran would have started.
//
//go:norace
func funcPos(fn func()) string {
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil {
		return ""
	}
	file, line := f.FileLine(f.Entry())
	return filepath.Base(file) + ":" + strconv.Itoa(line)
}

// panicMessage prints v as the runtime does after "panic: ".
//
//go:norace
func panicMessage(v any) string {
	switch x := v.(type) {
	case error:
		return x.Error()
	case fmt.Stringer:
		return x.String()
	case string:
		return x
	}
	return fmt.Sprintf("%v", v)
}
