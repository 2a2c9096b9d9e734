package grader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader/simrun"
	"github.com/gocourse/gocourse/sim/harness"
)

func init() {
	register(kindOf[outputSettings]{name: "output", in: otherLane, defaults: defaultOutput, settle: (*outputSettings).settle, run: outputCheck{}.Check})
}

// outputSettings are the settings of an "output" check: what a package main
// prints, for real on each -cpu value and under the simulator on every
// schedule tried.
type outputSettings struct {
	Expect  string        `yaml:"expect"`
	Match   string        `yaml:"match"`   // exact (default), lines (any order) or regex
	Race    *bool         `yaml:"race"`    // the real runs with -race (default true)
	CPU     []int         `yaml:"cpu"`     // the GOMAXPROCS values of the real runs (default 1, 2, 4)
	Timeout time.Duration `yaml:"timeout"` // the budget of each run (default 30s)
	// How schedules are explored: strategy, schedules, seed, depth, preemptions.
	harness.Exploration `yaml:",inline"`
}

func defaultOutput() outputSettings {
	return outputSettings{Exploration: harness.DefaultExploration()}
}

func (s *outputSettings) settle() error {
	if _, err := harness.OutputMatcher(s.Match, s.Expect); err != nil {
		return err
	}
	if err := settleTimeout(&s.Timeout); err != nil {
		return err
	}
	if err := settleCPU(&s.CPU); err != nil {
		return err
	}
	return settleExploration(&s.Exploration)
}

// outputCheck runs a package main and compares what it prints with what the
// exercise expects: for real (with -race) once per -cpu value, then under the
// simulator on every schedule it explores.
type outputCheck struct{}

func (outputCheck) Check(ctx context.Context, env *Env, c outputSettings) CheckResult {
	res := CheckResult{Name: "output"}
	match, err := harness.OutputMatcher(c.Match, c.Expect)
	if err != nil {
		return CheckResult{Name: "output", Status: Error, Message: err.Error()}
	}
	if env.Opts.Progress != nil {
		env.Opts.Progress("running " + env.Exercise.ID + " and reading what it prints")
	}
	overlay, err := env.writeOverlay(nil)
	if err != nil {
		return CheckResult{Name: "output", Status: Error, Message: err.Error()}
	}
	// The program runs in the sandbox, which shows it the run folder only.
	bin := filepath.Join(env.runDir(), "program")
	args := []string{"build", "-o", bin, "-overlay", overlay}
	race := course.Flag(c.Race, true)
	if race {
		args = append(args, "-race")
	}
	if _, stderr, err := env.goCmd(ctx, buildLimit, append(args, ".")...); err != nil {
		return env.buildFailure("output", "does not build:\n", err, stderr)
	}
	os.Chmod(bin, 0o755) // learner code may run as nobody
	for _, cpu := range c.CPU {
		got, err := env.runProgram(ctx, bin, race, cpu, c.Timeout)
		var broken *graderFault
		switch {
		case errors.As(err, &broken):
			return CheckResult{Name: "output", Status: Error, Message: err.Error()}
		case err != nil:
			res.Status = Fail
			res.Message = fmt.Sprintf("with GOMAXPROCS=%d: %v\n%s", cpu, err, excerptText(got, 15))
			return res
		}
		if !match(got) {
			res.Status = Fail
			res.Message = fmt.Sprintf("with GOMAXPROCS=%d the program printed something else.\n--- want (%s)\n%s--- got\n%s", cpu, matchName(c.Match), c.Expect, excerptText(got, 15))
			return res
		}
	}
	cfg := env.simConfig("output", c.Exploration, "", false, c.Timeout)
	cfg.Harness.WantOutput, cfg.Harness.Output, cfg.Harness.OutputMatch = true, c.Expect, c.Match
	rep, err := simrun.Run(ctx, cfg)
	switch {
	case err != nil:
		return env.simRunFailure("output", err)
	case rep.Result != nil:
		res.Status = Fail
		res.Replay = rep.Replay
		res.Message = env.explainSim(rep, c.Strategy)
		return res
	}
	res.Status = Pass
	res.Message = fmt.Sprintf("prints what it should with GOMAXPROCS=%v and on %d simulated schedules", c.CPU, rep.Schedules)
	return res
}

// maxExcerptLine bounds each line that a message quotes from a program's output.
const maxExcerptLine = 300

func matchName(m string) string {
	if m == "" {
		return "exact"
	}
	return m
}

// runProgram runs a built program with GOMAXPROCS=cpu in the sandbox, as
// runTests runs the test binary (the same limits, and in strict mode the same run
// folder, hidden folders and user), and returns its standard output. A program
// that runs past timeout or a limit is stopped: an error that says so, the
// learner's failure. A sandbox that cannot start is a *graderFault.
func (env *Env) runProgram(ctx context.Context, bin string, race bool, cpu int, timeout time.Duration) (string, error) {
	lim := env.Opts.Limits.withDefaults()
	run := env.runDir()
	spec := runSpec{
		Path:  bin,
		Args:  []string{bin},
		Dir:   env.Dir,
		Env:   append(sandboxEnv(run, lim), "GOMAXPROCS="+strconv.Itoa(cpu)),
		Wall:  timeout,
		CPU:   timeout * time.Duration(runtime.NumCPU()),
		Race:  race,
		Keep:  run,
		Split: true,
	}
	if race {
		spec.Env = append(spec.Env, "GORACE=atexit_sleep_ms=0")
	}
	if env.Strict {
		spec.Dir = run
		spec.Hide = env.hidden()
		spec.Drop = true
		spec.Seal = true
	}
	out := runSandboxed(ctx, spec, lim)
	got := string(out.Output)
	switch {
	case out.Err != nil:
		return got, &graderFault{out.Err}
	case out.Killed != "":
		return got, fmt.Errorf("the program %s%s", out.Killed, env.memoryWord(out.Stderr))
	case out.ExitCode != 0:
		return got, fmt.Errorf("exit status %d%s: %s", out.ExitCode, env.memoryWord(out.Stderr), strings.TrimSpace(firstLines(string(out.Stderr), 12)))
	}
	return got, nil
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// excerptText quotes the first n lines of what a program printed, each cut at
// maxExcerptLine bytes.
func excerptText(s string, n int) string {
	if s == "" {
		return "(nothing)\n"
	}
	lines := strings.Split(firstLines(s, n), "\n")
	for i, l := range lines {
		if len(l) > maxExcerptLine {
			lines[i] = strings.ToValidUTF8(l[:maxExcerptLine], "") + fmt.Sprintf("... (%d bytes more on this line)", len(l)-maxExcerptLine)
		}
	}
	s = strings.Join(lines, "\n")
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}
