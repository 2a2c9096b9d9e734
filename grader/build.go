package grader

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/gocourse/gocourse/internal/course"
)

func init() { Register("build", buildCheck{}) }

// buildCheck compiles the package and the course's tests and runs go vet over them.
type buildCheck struct{}

// buildLimit bounds one build; a cold build of the race runtime is the slowest case.
const buildLimit = 5 * time.Minute

// compilerLine matches a compiler or vet diagnostic: "./hello.go:12:3: undefined: x".
var compilerLine = regexp.MustCompile(`^(?:vet: )?(\S+\.go):(\d+)(?::(\d+))?: (.*)$`)

func (buildCheck) Check(ctx context.Context, env *Env, _ course.Check) CheckResult {
	res := CheckResult{Name: "build"}
	if env.Opts.Progress != nil {
		env.Opts.Progress("building " + env.Exercise.ID)
	}
	extra, err := env.testMain(true)
	if err != nil {
		return CheckResult{Name: "build", Status: Error, Message: err.Error()}
	}
	overlay, err := env.writeOverlay(extra)
	if err != nil {
		return CheckResult{Name: "build", Status: Error, Message: err.Error()}
	}
	args := []string{"vet", "-overlay", overlay}
	t0 := time.Now()
	_, stderr, err := env.goCmd(ctx, buildLimit, append(args, ".")...)
	env.phase("build", "vet", t0)
	if err == nil {
		res.Status = Pass
		return res
	}
	out := env.fromBuild(string(stderr))
	msgs := env.diagnostics(out)
	if len(msgs) == 0 {
		res.Status = Error
		res.Message = strings.TrimSpace(err.Error() + "\n" + strings.Join(limitLines(env.relMessages(out), 10), "\n"))
		return res
	}
	res.Status = Fail
	res.Message = strings.Join(limitLines(msgs, 10), "\n")
	return res
}

// diagnostics picks the compiler and vet messages out of the go command's output and
// names each by the learner's file, relative to the checkout.
func (env *Env) diagnostics(out string) []string {
	var msgs []string
	seen := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		m := compilerLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		file := env.Rel(env.abs(m[1]))
		msg := file + ":" + m[2] + ": " + m[4]
		if !seen[msg] {
			seen[msg] = true
			msgs = append(msgs, msg)
		}
	}
	return msgs
}

// abs resolves a file name printed by the go command, which is relative to the
// exercise folder.
func (env *Env) abs(name string) string {
	if strings.HasPrefix(name, "/") {
		return name
	}
	return env.Dir + "/" + strings.TrimPrefix(name, "./")
}
