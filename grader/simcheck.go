package grader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader/simrun"
	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
	"github.com/gocourse/gocourse/timeline"
)

func init() {
	register(kindOf[simSettings]{name: "sim", in: otherLane, defaults: defaultSim, settle: (*simSettings).settle,
		run: simCheck{}.Check, prepare: prebuildSim})
}

// simSettings are the settings of a "sim" check, and of the simulated half of
// a "timing" check.
type simSettings struct {
	Race    *bool         `yaml:"race"`    // build with -race and judge every schedule for data races (default false)
	Timeout time.Duration `yaml:"timeout"` // the exploration's wall-clock budget (default 30s)
	Run     string        `yaml:"run"`     // which tests, as -run (default: every test of the course)
	// How schedules are explored: strategy, schedules, seed, depth, preemptions.
	harness.Exploration `yaml:",inline"`
	// Exhaustive makes a dfs check fail unless every schedule within the bound
	// was explored: a pass then means no schedule is wrong.
	Exhaustive bool `yaml:"exhaustive"`
}

func defaultSim() simSettings { return simSettings{Exploration: harness.DefaultExploration()} }

func (s *simSettings) settle() error {
	if err := settleTimeout(&s.Timeout); err != nil {
		return err
	}
	if s.Exhaustive && s.Strategy != "dfs" {
		return fmt.Errorf("exhaustive: only the dfs strategy can explore every schedule")
	}
	return settleExploration(&s.Exploration)
}

// settleExploration fills in the settings of an exploration that exercise.yaml
// sets to zero, and judges them.
func settleExploration(e *harness.Exploration) error {
	def := harness.DefaultExploration()
	if e.Schedules == 0 {
		e.Schedules = def.Schedules
	}
	if e.Seed == 0 {
		e.Seed = def.Seed
	}
	if e.Depth == 0 {
		e.Depth = def.Depth
	}
	return e.Validate()
}

// simConfig is the one place that says how the grader runs a program under the
// simulator for the check named check: the harness explores the targets run
// selects as e says, within timeout, in the sandbox (see simExec).
func (env *Env) simConfig(check string, e harness.Exploration, run string, race bool, timeout time.Duration) simrun.Config {
	return simrun.Config{
		Dir:     env.BuildDir,
		Overlay: env.Overlay,
		Go:      env.Opts.Go,
		Race:    race,
		NoVet:   env.vetted(),
		Timeout: buildLimit + timeout,
		RunDir:  env.runDir(),
		Exec:    env.simExec(check, timeout),
		Harness: e.Config(run, timeout),
	}
}

// simCheck runs the course's tests under the simulator over many schedules. A
// failure names the schedule (a replay token), the goroutines stuck and where, and
// draws the last events of the failing run. With `race: true` (default false
// here) the program is built with -race and every schedule is also judged for
// data races (see sim/race.md).
type simCheck struct{}

func (simCheck) Check(ctx context.Context, env *Env, c simSettings) CheckResult {
	res := CheckResult{Name: "sim"}
	if env.Opts.Progress != nil {
		env.Opts.Progress(fmt.Sprintf("exploring %s under the simulator (%s, up to %d schedules per test)", env.Exercise.ID, c.Strategy, c.Schedules))
	}
	run := c.Run
	if run == "" {
		run = "^(" + strings.Join(env.Tests, "|") + ")$"
	}
	cfg := env.simConfig("sim", c.Exploration, run, course.Flag(c.Race, false), c.Timeout)
	t0 := time.Now()
	rep, prebuilt, err := env.simRun(ctx, cfg, c.Timeout)
	if err != nil {
		return env.simRunFailure("sim", err)
	}
	if env.Opts.Phase != nil {
		build, explore := time.Duration(rep.BuildMS)*time.Millisecond, time.Duration(rep.RunMS)*time.Millisecond
		took := time.Since(t0)
		if prebuilt != 0 {
			// Built while the gate ran: the rewrite is what the build
			// took before its compile, not what this check waited.
			took = prebuilt + explore
		}
		env.Opts.Phase("sim", "rewrite", took-build-explore)
		env.Opts.Phase("sim", "compile", build)
		env.Opts.Phase("sim", "explore", explore)
	}
	r := rep.Result
	if r == nil || r.Outcome == sim.Pass {
		if c.Exhaustive && !rep.Exhausted {
			res.Status = Fail
			res.Message = fmt.Sprintf("explored %d schedules without covering all of them within %d preemptions; the exercise asks for every schedule", rep.Schedules, c.Preemptions)
			return res
		}
		res.Status = Pass
		res.Message = passWords(rep, c.Preemptions)
		return res
	}
	res.Status = Fail
	res.Replay = rep.Replay
	res.Message = env.explainSim(rep, c.Strategy)
	return res
}

// A simPrebuild is the sim check's program, rewritten and built while the
// build gate ran (see prebuildSim).
type simPrebuild struct {
	race    bool
	timeout time.Duration
	cancel  context.CancelFunc
	done    chan struct{}
	prog    *simrun.Program // when done, unless err
	err     error
	took    time.Duration // the whole build, rewrite and compile
}

// prebuildSim starts rewriting and building, in the background, the program
// that a sim check with settings c will explore: simrun.Build with the
// configuration the check gives simrun.Run, which builds the same program.
// Building runs none of the learner's code. The check takes it with simRun.
func prebuildSim(ctx context.Context, env *Env, c simSettings) {
	race := course.Flag(c.Race, false)
	cfg := env.simConfig("sim", c.Exploration, "", race, c.Timeout)
	ctx, cancel := context.WithCancel(ctx)
	p := &simPrebuild{race: race, timeout: c.Timeout, cancel: cancel, done: make(chan struct{})}
	env.prebuildMu.Lock()
	env.simPrebuilt = p
	env.prebuildMu.Unlock()
	go func() {
		defer close(p.done)
		t0 := time.Now()
		p.prog, p.err = simrun.Build(ctx, cfg)
		p.took = time.Since(t0)
	}()
}

// simRun explores cfg's program as simrun.Run does: with the program built
// while the gate ran, when one was started for the same build (once), or
// built now. prebuilt is how long the earlier build took (0: built now).
func (env *Env) simRun(ctx context.Context, cfg simrun.Config, timeout time.Duration) (rep *simrun.Report, prebuilt time.Duration, err error) {
	env.prebuildMu.Lock()
	p := env.simPrebuilt
	if p != nil && p.race == cfg.Race && p.timeout == timeout {
		env.simPrebuilt = nil
	} else {
		p = nil
	}
	env.prebuildMu.Unlock()
	if p == nil {
		rep, err = simrun.Run(ctx, cfg)
		return rep, 0, err
	}
	select {
	case <-p.done:
	case <-ctx.Done():
		p.cancel()
		<-p.done
		if p.prog != nil {
			p.prog.Close()
		}
		return nil, 0, ctx.Err()
	}
	if p.err != nil {
		return nil, 0, p.err
	}
	defer p.prog.Close()
	rep, err = p.prog.Run(ctx, cfg.Harness)
	return rep, p.took, err
}

// endSimPrebuild stops a sim prebuild nobody took, waits for it and removes
// what it built.
func (env *Env) endSimPrebuild() {
	env.prebuildMu.Lock()
	p := env.simPrebuilt
	env.simPrebuilt = nil
	env.prebuildMu.Unlock()
	if p != nil {
		p.cancel()
		<-p.done
		if p.prog != nil {
			p.prog.Close()
		}
	}
}

// simExec returns the hook through which simrun runs the program it built for
// the check named check: in the sandbox, as runTests runs the test binary (the
// same limits, and in strict mode the same run folder, hidden folders and user),
// with the simulator's own variables (GOMAXPROCS=1, GORACE, the harness's) and
// its token pipe as file descriptor 3. The exploration's budget is timeout; the
// program may run Limits.Grace longer. A run the sandbox stops (too long, too much
// CPU, output or memory) comes back as a *learnerFault, the learner's failure; a
// sandbox that cannot start is the grader's error.
func (env *Env) simExec(check string, timeout time.Duration) func(context.Context, simrun.Exec) (simrun.ExecResult, error) {
	return func(ctx context.Context, x simrun.Exec) (simrun.ExecResult, error) {
		lim := env.Opts.Limits.withDefaults()
		run := env.runDir()
		spec := runSpec{
			Path:       x.Path,
			Args:       x.Args,
			Dir:        x.Dir,
			Env:        append(sandboxEnv(run, lim), x.Env...),
			Wall:       timeout + lim.Grace,
			CPU:        (timeout + lim.Grace) * time.Duration(runtime.NumCPU()),
			Race:       x.Race,
			Keep:       run,
			ExtraFiles: x.ExtraFiles,
		}
		if env.Strict {
			spec.Dir = run
			spec.Hide = env.hidden()
			spec.Drop = true
			// The harness writes its report (and the race detector its log)
			// next to the program: that folder alone stays writable.
			spec.Seal = true
			if d := filepath.Dir(x.Path); d != run {
				spec.Writable = []string{d}
			}
		}
		out := runSandboxed(ctx, spec, lim)
		res := simrun.ExecResult{Output: out.Output, ExitCode: out.ExitCode}
		switch {
		case out.Err != nil:
			return res, &graderFault{fmt.Errorf("the %s check: %w", check, out.Err)}
		case out.Killed != "":
			return res, &learnerFault{fmt.Sprintf("the %s check's program under the simulator %s%s", check, out.Killed, env.memoryWord(out.Output))}
		case out.ExitCode != 0 && env.memoryWord(out.Output) != "":
			return res, &learnerFault{fmt.Sprintf("the %s check's program under the simulator ran out of memory (the limit is about %s)", check, size(lim.Memory))}
		}
		return res, nil
	}
}

// memoryWord adds a word when a run's output says that it ran short of memory.
func (env *Env) memoryWord(out []byte) string {
	for _, s := range []string{"out of memory", "failed to allocate", "cannot allocate memory"} {
		if bytes.Contains(out, []byte(s)) {
			return fmt.Sprintf(" (it ran out of memory: the limit is about %s)", size(env.Opts.Limits.withDefaults().Memory))
		}
	}
	return ""
}

// simRunFailure turns an error of simrun.Run into a check's result: the program's
// fault (it cannot be simulated faithfully, it ended the process itself, or the
// sandbox stopped it) is a failure; anything else is the grader's error.
func (env *Env) simRunFailure(name string, err error) CheckResult {
	var unsupported *simrun.UnsupportedError
	var exited *simrun.ExitError
	var stopped *learnerFault
	switch {
	case errors.As(err, &stopped):
		return CheckResult{Name: name, Status: Fail, Message: stopped.msg}
	case errors.As(err, &exited):
		return CheckResult{Name: name, Status: Fail, Message: "under the simulator, " + env.relLine(exited.Msg)}
	case errors.As(err, &unsupported):
		return CheckResult{Name: name, Status: Fail, Message: "the simulator cannot run this code faithfully: " + env.relLine(unsupported.Msg)}
	}
	return CheckResult{Name: name, Status: Error, Message: env.relLine(err.Error())}
}

// explainSim tells the story of a failing schedule in the lessons' words.
func (env *Env) explainSim(rep *simrun.Report, strategy string) string {
	r := rep.Result
	var b strings.Builder
	fmt.Fprintf(&b, "%s, on schedule %d (%s):\n", rep.Target, max(rep.FailingSchedule, 1), strategy)
	indent := func(text string) {
		for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
			fmt.Fprintf(&b, "  %s\n", env.relLine(line))
		}
	}
	if r.Outcome == sim.Failed && len(r.Failures) > 0 {
		b.WriteString("  test failed:\n")
		for _, f := range r.Failures {
			indent("  " + strings.ReplaceAll(f, "\n", "\n  "))
		}
	} else {
		indent(outcomeWords(r) + bubbleWords(r.Message))
		for _, f := range r.Failures {
			indent(f)
		}
	}
	WriteSimEvidence(&b, r, false, env.relLine)
	mine := timeline.Of(r.Trace, env.LearnerFiles)
	if n := min(len(mine), 8); n > 0 {
		fmt.Fprintf(&b, "the last %d events of your code in that schedule (virtual time %s):\n", n, time.Duration(r.TimeNS))
		var t strings.Builder
		timeline.TailOf(&t, r.Trace, mine, n)
		for _, line := range strings.Split(strings.TrimRight(t.String(), "\n"), "\n") {
			fmt.Fprintf(&b, "  %s\n", line)
		}
	}
	raceFlag := ""
	if r.Outcome == sim.Race {
		raceFlag = "--race "
	}
	fmt.Fprintf(&b, "see it whole: %s", env.command(fmt.Sprintf("trace %s--replay %s %s", raceFlag, rep.Replay, env.Rel(env.Dir))))
	return b.String()
}

// passWords says what a passing exploration covered, per test: the settings
// give a number of schedules for each test, and the report counts them all.
func passWords(rep *simrun.Report, preemptions int) string {
	per := ""
	if n := len(rep.Tests); n > 1 {
		per = fmt.Sprintf(": %d tests, %s each", n, plural(rep.Schedules/n, "schedule"))
		if rep.Schedules%n != 0 {
			per = fmt.Sprintf(": %d tests, %d schedules in all", n, rep.Schedules)
		}
	}
	if rep.Exhausted {
		return fmt.Sprintf("every schedule within %d preemptions passes (%s%s)", preemptions, plural(rep.Schedules, "schedule"), per)
	}
	return fmt.Sprintf("%s pass%s", plural(rep.Schedules, "schedule"), per)
}

// plural writes n and the word, with an s unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func outcomeWords(r *sim.Result) string {
	switch r.Outcome {
	case sim.Deadlock:
		return "deadlock: " + r.Message
	case sim.Leak:
		return "goroutine leak: " + r.Message
	case sim.Panic:
		return r.Message
	case sim.Failed:
		return "test failed: " + r.Message
	case sim.Race:
		return r.Message
	}
	return r.Outcome.String() + ": " + r.Message
}

// relLine shortens the absolute paths of the exercise folder in a message.
func (env *Env) relLine(s string) string {
	s = env.fromBuild(s)
	return strings.ReplaceAll(s, env.Dir+"/", env.Rel(env.Dir)+"/")
}

// SimRace reports whether a sim check of ex judges data races (race: true),
// so that a schedule played by hand can reach the race that check finds.
func SimRace(ex *course.Exercise) bool {
	for _, ch := range ex.Checks {
		if ch.Kind != "sim" {
			continue
		}
		s := defaultSim()
		if ch.Decode(&s) == nil && course.Flag(s.Race, false) {
			return true
		}
	}
	return false
}
