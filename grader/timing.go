package grader

import (
	"context"

	"github.com/gocourse/gocourse/sim/harness"
)

func init() {
	register(kindOf[timingSettings]{name: "timing", in: realLane, defaults: defaultTiming, settle: (*timingSettings).settle, run: timingCheck{}.Check,
		prepare: func(ctx context.Context, env *Env, c timingSettings) { prebuildTests(ctx, env, c.testSettings) }})
}

// timingSettings are the settings of a "timing" check: those of a test check
// for the real half, and the exploration of a sim check for the simulated one.
type timingSettings struct {
	testSettings        `yaml:",inline"`
	harness.Exploration `yaml:",inline"`
	Exhaustive          bool `yaml:"exhaustive"`
}

func defaultTiming() timingSettings {
	return timingSettings{Exploration: harness.DefaultExploration()}
}

func (s *timingSettings) settle() error {
	if err := s.testSettings.settle(); err != nil {
		return err
	}
	sim := s.sim()
	if err := sim.settle(); err != nil {
		return err
	}
	s.Exploration = sim.Exploration
	return nil
}

// sim returns the settings of the simulated half: the race detector only when
// the check asks for it, as a sim check.
func (s *timingSettings) sim() *simSettings {
	return &simSettings{Race: s.Race, Timeout: s.Timeout, Run: s.Run, Exploration: s.Exploration, Exhaustive: s.Exhaustive}
}

// timingCheck holds a program to exact times. Its tests (run: picks them) assert
// durations inside synctest.Test, so they run in a fake clock for real, and in the
// simulator's virtual clock on every schedule explored: an answer that is off by one
// tick fails both. The check passes only when both worlds agree.
type timingCheck struct{}

func (timingCheck) Check(ctx context.Context, env *Env, c timingSettings) CheckResult {
	real := realTest{}.Check(ctx, env, c.testSettings)
	if real.Status != Pass {
		real.Name = "timing"
		real.Message = "for real, under testing/synctest: " + real.Message
		return real
	}
	simulated := simCheck{}.Check(ctx, env, *c.sim())
	simulated.Name = "timing"
	if simulated.Status == Pass {
		simulated.Message = "exact times hold for real (synctest) and in virtual time (" + simulated.Message + ")"
	} else {
		simulated.Message = "in virtual time, under the simulator: " + simulated.Message
	}
	return simulated
}
