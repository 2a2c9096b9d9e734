package grader

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gocourse/gocourse/grader/simrun"
	"github.com/gocourse/gocourse/internal/course"
	"github.com/gocourse/gocourse/sim/harness"
)

func init() { Register("output", outputCheck{}) }

// outputCheck runs a package main and compares what it prints with what the
// exercise expects: for real (with -race) once per -cpu value, then under the
// simulator on every schedule it explores.
type outputCheck struct{}

func (outputCheck) Check(ctx context.Context, env *Env, c course.Check) CheckResult {
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
	bin := filepath.Join(env.TmpDir, "program")
	args := []string{"build", "-o", bin, "-overlay", overlay}
	if course.Flag(c.Race, true) {
		args = append(args, "-race")
	}
	if _, stderr, err := env.goCmd(ctx, buildLimit, append(args, ".")...); err != nil {
		msgs := env.diagnostics(string(stderr))
		if len(msgs) == 0 {
			msgs = env.relMessages(string(stderr))
		}
		return CheckResult{Name: "output", Status: Fail, Message: "does not build:\n" + strings.Join(limitLines(msgs, 10), "\n")}
	}
	for _, cpu := range c.CPU {
		got, err := runProgram(ctx, bin, env.Dir, cpu, c.Timeout)
		if err != nil {
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
	rep, err := simrun.Run(ctx, simrun.Config{
		Dir: env.Dir, Overlay: env.Overlay, Go: env.Opts.Go, Timeout: buildLimit + c.Timeout,
		Harness: harness.Config{
			Mode: "explore", Strategy: c.Strategy, Seed: c.Seed, Schedules: c.Schedules, Depth: c.Depth,
			Preemptions: c.Preemptions, TimeoutMS: c.Timeout.Milliseconds(),
			WantOutput: true, Output: c.Expect, OutputMatch: c.Match,
		},
	})
	switch {
	case err != nil:
		return env.simRunFailure("output", err)
	case rep.Result != nil:
		res.Status = Fail
		res.Replay = rep.Replay
		res.Message = env.explainSim(rep, c)
		return res
	}
	res.Status = Pass
	res.Message = fmt.Sprintf("prints what it should with GOMAXPROCS=%v and on %d simulated schedules", c.CPU, rep.Schedules)
	return res
}

func matchName(m string) string {
	if m == "" {
		return "exact"
	}
	return m
}

// runProgram runs a built program with GOMAXPROCS=cpu and returns its standard
// output, killing it (and anything it started) after timeout.
func runProgram(ctx context.Context, bin, dir string, cpu int, timeout time.Duration) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+strconv.Itoa(cpu))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	var out, errb limitedBuffer
	out.max, errb.max = maxOutput, maxOutput
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() == context.DeadlineExceeded {
		return out.String(), fmt.Errorf("did not finish within %s (a deadlock, or a goroutine main waits for forever?)", timeout)
	}
	if err != nil {
		return out.String(), fmt.Errorf("%v: %s", err, strings.TrimSpace(firstLines(errb.String(), 12)))
	}
	return out.String(), nil
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func excerptText(s string, n int) string {
	if s == "" {
		return "(nothing)\n"
	}
	s = firstLines(s, n)
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}
