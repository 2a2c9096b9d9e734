package grader

import (
	"context"

	"github.com/gocourse/gocourse/course"
)

// A lane says when a kind's checks run: the build check is a gate that runs
// alone first; then two lanes run at once, one after another within each.
type lane int

const (
	gate      lane = iota // runs first, alone; when it fails, nothing else runs
	realLane              // builds and runs the real test binary (test, timing)
	otherLane             // everything else: the simulator, output, static, vet
)

// A kind is one kind of check that exercise.yaml may name. Each is declared in
// a file of its own with register: its settings type (decoded from the check's
// exercise.yaml entry, with course.Check.Decode), how their defaults are filled
// in and judged, and how a check of the kind runs.
type kind interface {
	lane() lane
	// plan decodes, completes and validates the settings of ch, and returns
	// the check ready to run with what it may start before the build gate's
	// verdict (nil: nothing), or an error that names exercise.yaml and the line.
	plan(ch course.Check) (planned, prepared, error)
}

// planned runs one check whose settings are settled.
type planned func(ctx context.Context, env *Env) CheckResult

// prepared starts the work of a planned check that may run while the build
// gate runs (see kindOf.prepare).
type prepared func(ctx context.Context, env *Env)

// kindOf is the kind whose settings are of type S.
type kindOf[S any] struct {
	name string
	in   lane
	// defaults returns the settings of a check that says nothing; the
	// check's entry overrides them (nil: S's zero value).
	defaults func() S
	// settle fills in what depends on other settings and judges them: its
	// error is located at the check's line. Nil when any value will do.
	settle func(s *S) error
	run    func(ctx context.Context, env *Env, s S) CheckResult
	// prepare, if set, starts work of the check that runs none of the
	// learner's code and that the build gate's verdict does not change (a
	// compile), while the gate runs: see runChecks. Nil for most kinds.
	prepare func(ctx context.Context, env *Env, s S)
}

func (k kindOf[S]) lane() lane { return k.in }

func (k kindOf[S]) plan(ch course.Check) (planned, prepared, error) {
	var s S
	if k.defaults != nil {
		s = k.defaults()
	}
	if err := ch.Decode(&s); err != nil {
		return nil, nil, err
	}
	if k.settle != nil {
		if err := k.settle(&s); err != nil {
			return nil, nil, ch.Errorf("%v", err)
		}
	}
	run := func(ctx context.Context, env *Env) CheckResult { return k.run(ctx, env, s) }
	if k.prepare == nil {
		return run, nil, nil
	}
	return run, func(ctx context.Context, env *Env) { k.prepare(ctx, env, s) }, nil
}

// kinds are the kinds of check of this build of gocourse, by name.
var kinds = map[string]kind{}

// register adds a kind of check; each kind's file calls it from its init.
func register[S any](k kindOf[S]) {
	if _, dup := kinds[k.name]; dup {
		panic("grader: check kind " + k.name + " registered twice")
	}
	kinds[k.name] = k
}

// A step is one check of an exercise, planned: its entry in exercise.yaml and
// what runs it.
type step struct {
	check course.Check
	lane  lane
	run   planned
	// prepare starts what may run before the gate's verdict (see kindOf); nil
	// when nothing may.
	prepare prepared
}

// plan settles the settings of every check of ex. The first problem is an
// *course.Error that names exercise.yaml and the check's line.
func plan(ex *course.Exercise) ([]step, error) {
	steps := make([]step, 0, len(ex.Checks))
	for _, ch := range ex.Checks {
		k, ok := kinds[ch.Kind]
		if !ok {
			return nil, ch.Errorf("unknown check kind %q", ch.Kind)
		}
		run, prepare, err := k.plan(ch)
		if err != nil {
			return nil, err
		}
		steps = append(steps, step{check: ch, lane: k.lane(), run: run, prepare: prepare})
	}
	return steps, nil
}

// Load reads the course catalog at root (course.Load) and settles the
// settings of every check of every exercise, so that a mistake in any
// exercise.yaml is found before anything runs, as one line naming the file
// and the line.
func Load(root string) (*course.Course, error) {
	c, err := course.Load(root)
	if err != nil {
		return nil, err
	}
	for _, ex := range c.Exercises() {
		if _, err := plan(ex); err != nil {
			return nil, err
		}
	}
	return c, nil
}
