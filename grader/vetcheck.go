package grader

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

func init() {
	register(kindOf[vetSettings]{name: "vet", in: otherLane, settle: (*vetSettings).settle, run: runVet})
}

// vetSettings are the settings of a "vet" check: the analyzers of go vet that
// the learner's package must satisfy, such as copylocks or lostcancel.
type vetSettings struct {
	Analyzers []string `yaml:"analyzers"`
}

// vetAnalyzers are the analyzers go vet registers (go tool vet help lists
// them; TestVetAnalyzers keeps the two the same).
var vetAnalyzers = []string{
	"appends", "asmdecl", "assign", "atomic", "bools", "buildtag", "cgocall",
	"composites", "copylocks", "defers", "directive", "errorsas", "framepointer",
	"hostport", "httpresponse", "ifaceassert", "loopclosure", "lostcancel",
	"nilfunc", "printf", "shift", "sigchanyzer", "slog", "stdmethods",
	"stdversion", "stringintconv", "structtag", "testinggoroutine", "tests",
	"timeformat", "unmarshal", "unreachable", "unsafeptr", "unusedresult",
	"waitgroup",
}

func (s *vetSettings) settle() error {
	if len(s.Analyzers) == 0 {
		return fmt.Errorf("analyzers: name at least one analyzer of go vet, such as copylocks")
	}
	for _, a := range s.Analyzers {
		if !slices.Contains(vetAnalyzers, a) {
			return fmt.Errorf("analyzers: go vet has no analyzer %q (go tool vet help lists them)", a)
		}
	}
	return nil
}

// runVet runs go vet with the analyzers the check names, over the package and
// the course's tests. What they report is the learner's failure, located at
// its line; a go command that cannot run is the grader's error.
//
// The build check's go vet runs every analyzer as a gate, so a vet check says
// which analyzers an exercise is about and gives them points of their own.
func runVet(ctx context.Context, env *Env, s vetSettings) CheckResult {
	if env.Opts.Progress != nil {
		env.Opts.Progress("vetting " + env.Exercise.ID + " (" + strings.Join(s.Analyzers, ", ") + ")")
	}
	overlay, err := env.writeOverlay(nil)
	if err != nil {
		return CheckResult{Status: Error, Message: err.Error()}
	}
	args := []string{"vet", "-overlay", overlay}
	for _, a := range s.Analyzers {
		args = append(args, "-"+a)
	}
	_, stderr, err := env.goCmd(ctx, buildLimit, append(args, ".")...)
	if err == nil {
		return CheckResult{Status: Pass, Message: "go vet finds nothing: " + strings.Join(s.Analyzers, ", ")}
	}
	return env.buildFailure("vet", "", err, stderr)
}
