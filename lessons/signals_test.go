package lessons

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
)

// signalsLesson is the lesson whose Ctrl-C examples TestSignalExamples runs.
const signalsLesson = "23-signals"

// A signalRun is one run of a lesson example that a person would stop with
// Ctrl-C: the program is started, and each signal is sent once the program
// has printed the line that says it is waiting for it (never after a guessed
// sleep), so what is checked does not depend on how busy the machine is.
type signalRun struct {
	name    string
	example string
	edit    string     // as a claim's edit=, "" for none
	send    []sendStep // in order
	// stdout is what the whole run must print (a regexp, anchored at both
	// ends); exit is its exit status, or, when killedBy is set, the run must
	// have died of that signal instead (a shell reports 128+signal).
	stdout   string
	exit     int
	killedBy syscall.Signal
}

// A sendStep waits for a line of stdout that starts with after, then sends sig.
type sendStep struct {
	after string
	sig   os.Signal
}

// TestSignalExamples runs lesson 23's Ctrl-C examples for real and sends them
// the signals the lesson tells the learner to send, and checks what the
// lesson says they print and how they exit.
//
// Each run is started on GOMAXPROCS 1, 2 and 8 without -race, and on 2 with
// -race (the course's tests use it, and it changes scheduling). What is
// checked is not a frequency: once the waiting line is printed the handler is
// registered, and the runtime delivers every signal that finds room, so one
// run that prints something else is a wrong sentence, not bad luck; four
// runs per case find a program whose output depends on the schedule. The
// runs of a case go side by side, so a case takes as long as its slowest run
// (notify-context's clean-up sleeps 5s).
func TestSignalExamples(t *testing.T) {
	if testing.Short() {
		t.Skip("runs lesson 23's examples and waits for their clean-up (5s)")
	}
	if runtime.GOOS == "windows" {
		t.Skip("os.Process.Signal(os.Interrupt) is not implemented on Windows")
	}
	// wait-for-ctrl-c prints a tick each second until the signal comes; how
	// many depends on the machine, so they are allowed before the last line.
	ticks := `(?:still working, \d+ s\n)*`
	for _, r := range []signalRun{
		{
			name: "wait-for-ctrl-c/SIGINT", example: "wait-for-ctrl-c",
			send:   []sendStep{{"working; press Ctrl-C", os.Interrupt}},
			stdout: `working; press Ctrl-C to stop \(pid \d+ \)\n` + ticks + `\ngot interrupt - cleaning up and exiting\n`,
		},
		{
			name: "wait-for-ctrl-c/SIGTERM", example: "wait-for-ctrl-c",
			send:   []sendStep{{"working; press Ctrl-C", syscall.SIGTERM}},
			stdout: `working; press Ctrl-C to stop \(pid \d+ \)\n` + ticks + `\ngot terminated - cleaning up and exiting\n`,
		},
		{
			// "Ctrl-C, once": the cause names the signal (Go 1.26), and the
			// clean-up runs to its end.
			name: "notify-context/once", example: "notify-context",
			send: []sendStep{{"working; press Ctrl-C once", os.Interrupt}},
			stdout: `working; press Ctrl-C once to stop gracefully\n` +
				`stopping: interrupt signal received\n` +
				`cleaning up for 5s; press Ctrl-C again to kill it now\n` +
				`clean exit\n`,
		},
		{
			// "or twice": stop has given SIGINT its default action back, so
			// the second one kills the process; no deferred call runs and
			// "clean exit" is never printed.
			name: "notify-context/twice", example: "notify-context",
			send: []sendStep{{"working; press Ctrl-C once", os.Interrupt}, {"cleaning up for 5s", os.Interrupt}},
			stdout: `working; press Ctrl-C once to stop gracefully\n` +
				`stopping: interrupt signal received\n` +
				`cleaning up for 5s; press Ctrl-C again to kill it now\n`,
			killedBy: syscall.SIGINT,
		},
		{
			// "As long as stop has not been called, every further Ctrl-C is
			// swallowed too."
			name: "notify-context/twice-without-stop", example: "notify-context",
			edit: "stop() // from now on=>// stop() // from now on",
			send: []sendStep{{"working; press Ctrl-C once", os.Interrupt}, {"cleaning up for 5s", os.Interrupt}},
			stdout: `working; press Ctrl-C once to stop gracefully\n` +
				`stopping: interrupt signal received\n` +
				`cleaning up for 5s; press Ctrl-C again to kill it now\n` +
				`clean exit\n`,
		},
	} {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(signalsLesson, "examples", r.example)
			// The runs of a case go side by side: most of a run is waiting,
			// for the signal or for the example's own sleep.
			var wg sync.WaitGroup
			for _, race := range []bool{false, true} {
				procs, mode := []string{"1", "2", "8"}, "without -race"
				if race {
					procs, mode = []string{"2"}, "with -race"
				}
				exe, err := exampleBinary(dir, r.edit, race)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range procs {
					wg.Go(func() {
						run := fmt.Sprintf("%s (%s, GOMAXPROCS=%s)", dir, mode, p)
						got, err := runWithSignals(exe, p, r.send)
						if err != nil {
							t.Errorf("%s: %v; stdout so far:\n%s", run, err, got.out)
							return
						}
						if !regexp.MustCompile(`^(?:` + r.stdout + `)$`).MatchString(got.out) {
							t.Errorf("%s printed\n%s\nwant (a regexp)\n%s", run, got.out, r.stdout)
						}
						checkExit(t, run, got.state, r.exit, r.killedBy)
					})
				}
			}
			wg.Wait()
		})
	}
}

// signalled is what a run printed and how it ended.
type signalled struct {
	out   string
	state *os.ProcessState
}

// signalTimeout bounds a run that never prints the line a signal waits for,
// or never exits after it: a hang is then a failure that says so, not a test
// that never ends. It is a safety limit, far above the examples' 5s.
const signalTimeout = time.Minute

// runWithSignals runs exe with GOMAXPROCS=procs, sends each step's signal once
// stdout has printed a line starting with the step's text, and returns
// everything it printed when it has exited.
func runWithSignals(exe, procs string, steps []sendStep) (signalled, error) {
	ctx, cancel := context.WithTimeout(context.Background(), signalTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
	cmd.Stderr = io.Discard
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return signalled{}, err
	}
	if err := cmd.Start(); err != nil {
		return signalled{}, err
	}
	var out strings.Builder
	lines := bufio.NewReader(pipe)
	var sendErr error
	for _, s := range steps {
		found := false
		for !found {
			line, err := lines.ReadString('\n')
			out.WriteString(line)
			if err != nil {
				sendErr = fmt.Errorf("stdout ended before a line starting %q: %w", s.after, err)
				break
			}
			found = strings.HasPrefix(line, s.after)
		}
		if !found {
			break
		}
		if err := cmd.Process.Signal(s.sig); err != nil {
			sendErr = fmt.Errorf("sending %v: %w", s.sig, err)
			break
		}
	}
	rest, _ := io.ReadAll(lines)
	out.Write(rest)
	waitErr := cmd.Wait()
	res := signalled{out: out.String(), state: cmd.ProcessState}
	if ctx.Err() != nil {
		return res, fmt.Errorf("still running after %v: killed", signalTimeout)
	}
	if sendErr != nil {
		return res, sendErr
	}
	var ee *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &ee) {
		return res, waitErr
	}
	return res, nil
}

// checkExit checks how a run ended: with status exit, or killed by a signal.
func checkExit(t *testing.T, dir string, st *os.ProcessState, exit int, killedBy syscall.Signal) {
	t.Helper()
	ws, ok := st.Sys().(syscall.WaitStatus)
	if !ok {
		t.Errorf("%s: no wait status on %s", dir, runtime.GOOS)
		return
	}
	switch {
	case killedBy != 0 && !(ws.Signaled() && ws.Signal() == killedBy):
		t.Errorf("%s ended with %v, want it killed by %v (a shell says exit status %d)", dir, st, killedBy, 128+int(killedBy))
	case killedBy == 0 && (ws.Signaled() || st.ExitCode() != exit):
		t.Errorf("%s ended with %v, want exit status %d", dir, st, exit)
	}
}

// signalSimCases are the runs of lesson 23's examples that
// TestSignalExamplesSimulated makes under the simulator, each with the
// signals a person would send.
var signalSimCases = []struct {
	name, example string
	signals       []string
	outcome       sim.Outcome
	stdout        string // a regexp, anchored
	at            time.Duration
}{
	{
		name: "wait-for-ctrl-c", example: "wait-for-ctrl-c", signals: []string{"SIGINT@2500ms"},
		outcome: sim.Pass, at: 2500 * time.Millisecond,
		stdout: `working; press Ctrl-C to stop \(pid \d+ \)\nstill working, 1 s\nstill working, 2 s\n\ngot interrupt - cleaning up and exiting\n`,
	},
	{
		name: "notify-context/once", example: "notify-context", signals: []string{"SIGINT@1s"},
		outcome: sim.Pass, at: 6 * time.Second,
		stdout: `working; press Ctrl-C once to stop gracefully\nstopping: interrupt signal received\ncleaning up for 5s; press Ctrl-C again to kill it now\nclean exit\n`,
	},
	{
		name: "notify-context/twice", example: "notify-context", signals: []string{"SIGINT@1s", "SIGINT@3s"},
		outcome: sim.Panic, at: 3 * time.Second, // killed: a fatal error in the simulator's words
		stdout: `working; press Ctrl-C once to stop gracefully\nstopping: interrupt signal received\ncleaning up for 5s; press Ctrl-C again to kill it now\n`,
	},
}

// signalledExample reports whether the example in dir is one that
// TestSignalExamplesSimulated runs under the simulator: without a signal such
// a program waits for ever (wait-for-ctrl-c ticks on in virtual time until
// the run's time limit), so a run without its signals checks nothing.
func signalledExample(dir string) bool {
	if filepath.Base(filepath.Dir(filepath.Dir(dir))) != signalsLesson {
		return false
	}
	for _, tc := range signalSimCases {
		if tc.example == filepath.Base(dir) {
			return true
		}
	}
	return false
}

// simSignalSchedules is how many schedules each simulated case tries: the
// examples have two or three goroutines and a handful of schedule points, so
// twenty random schedules cover their orders many times over.
const simSignalSchedules = 20

// TestSignalExamplesSimulated runs the same examples under the simulator,
// which delivers a signal at a virtual time (gocourse explore --signal
// SIGINT@2500ms): there the times are exact, so the whole output is known,
// on every schedule tried.
func TestSignalExamplesSimulated(t *testing.T) {
	if testing.Short() {
		t.Skip("builds lesson 23's examples under the simulator")
	}
	for _, tc := range signalSimCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			abs, err := filepath.Abs(filepath.Join(signalsLesson, "examples", tc.example))
			if err != nil {
				t.Fatal(err)
			}
			rep, err := runUnderSim(abs, harness.Config{
				Mode: "explore", Strategy: "random", Seed: 1, Schedules: simSignalSchedules,
				Signals: tc.signals, Outcomes: true,
			})
			if err != nil {
				t.Fatalf("gocourse explore %s --signal %s: %v", tc.example, strings.Join(tc.signals, " --signal "), err)
			}
			if rep.Schedules != simSignalSchedules || len(rep.Outcomes) != 1 {
				t.Fatalf("%d schedules gave %d outcomes, want %d giving one: %+v", rep.Schedules, len(rep.Outcomes), simSignalSchedules, rep.Outcomes)
			}
			o := rep.Outcomes[0]
			if o.Result != tc.outcome.String() {
				t.Errorf("outcome %s, want %s", o.Result, tc.outcome)
			}
			if !regexp.MustCompile(`^(?:` + tc.stdout + `)$`).MatchString(o.Output) {
				t.Errorf("printed\n%s\nwant (a regexp)\n%s", o.Output, tc.stdout)
			}
			res := rep.First // the first schedule, when none failed
			if res == nil {
				res = rep.Result // the first that failed
			}
			if res == nil {
				t.Fatal("the report holds no schedule's result")
			}
			if got := time.Duration(res.TimeNS); got != tc.at {
				t.Errorf("ended at virtual %v, want %v", got, tc.at)
			}
			if tc.outcome == sim.Panic && !strings.Contains(res.Message, "signal: interrupt") {
				t.Errorf("ended with %q, want the process killed by the signal", res.Message)
			}
		})
	}
}
