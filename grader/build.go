package grader

import (
	"context"
	"errors"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

func init() {
	register(kindOf[struct{}]{name: "build", in: gate,
		run: buildCheck{}.Check})
}

// buildCheck compiles the package and the course's tests and runs go vet over
// them. It has no settings, and it is a gate: when it fails, nothing else runs.
type buildCheck struct{}

// buildLimit bounds one build; a cold build of the race runtime is the slowest case.
const buildLimit = 5 * time.Minute

// compilerLine matches a compiler or vet diagnostic: "./hello.go:12:3: undefined: x".
var compilerLine = regexp.MustCompile(`^(?:vet: )?(\S+\.go):(\d+)(?::(\d+))?: (.*)$`)

func (buildCheck) Check(ctx context.Context, env *Env, _ struct{}) CheckResult {
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
	return env.buildFailure("build", "", err, stderr)
}

// buildFailure turns a go command that failed on the package into a result.
// The package is the course's files and the learner's: when the go command ran
// and its complaint is about the package's folder (a compiler or vet message,
// "found packages", "build constraints exclude all Go files"), the learner's
// files are why, and the check fails, quoting it; the course's own solution
// builds (gocourse dev check). Anything else — the go command missing or
// stopped, a module it cannot load from the course's go.mod — is the grader's
// error.
func (env *Env) buildFailure(name, prefix string, err error, stderr []byte) CheckResult {
	out := env.fromBuild(string(stderr))
	msgs, at := env.diagnostics(out)
	var exit *exec.ExitError
	if len(msgs) == 0 && errors.As(err, &exit) && strings.Contains(out, env.Dir) {
		msgs = env.relMessages(out)
	}
	if len(msgs) == 0 {
		return CheckResult{Name: name, Status: Error, Message: strings.TrimSpace(err.Error() + "\n" + strings.Join(limitLines(env.relMessages(out), 10), "\n"))}
	}
	return CheckResult{Name: name, Status: Fail, Message: prefix + strings.Join(limitLines(msgs, 10), "\n"), Location: at}
}

// diagnostics picks the compiler and vet messages out of the go command's output and
// names each by the learner's file, relative to the checkout; at is where the
// first one points.
func (env *Env) diagnostics(out string) (msgs []string, at *Location) {
	seen := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		m := compilerLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		file := env.Rel(env.abs(m[1]))
		msg := file + ":" + m[2] + ": " + m[4]
		if at == nil {
			line, _ := strconv.Atoi(m[2])
			at = &Location{File: file, Line: line}
		}
		if !seen[msg] {
			seen[msg] = true
			msgs = append(msgs, msg)
		}
	}
	return msgs, at
}

// abs resolves a file name printed by the go command, which is relative to the
// exercise folder.
func (env *Env) abs(name string) string {
	if strings.HasPrefix(name, "/") {
		return name
	}
	return env.Dir + "/" + strings.TrimPrefix(name, "./")
}
