package grader

import (
	"context"

	"github.com/gocourse/gocourse/course"
)

func init() { Register("timing", timingCheck{}) }

// timingCheck holds a program to exact times. Its tests (run: picks them) assert
// durations inside synctest.Test, so they run in a fake clock for real, and in the
// simulator's virtual clock on every schedule explored: an answer that is off by one
// tick fails both. The check passes only when both worlds agree.
type timingCheck struct{}

func (timingCheck) Check(ctx context.Context, env *Env, c course.Check) CheckResult {
	real := realTest{}.Check(ctx, env, c)
	if real.Status != Pass {
		real.Name = "timing"
		real.Message = "for real, under testing/synctest: " + real.Message
		return real
	}
	simulated := simCheck{}.Check(ctx, env, c)
	simulated.Name = "timing"
	if simulated.Status == Pass {
		simulated.Message = "exact times hold for real (synctest) and in virtual time (" + simulated.Message + ")"
	} else {
		simulated.Message = "in virtual time, under the simulator: " + simulated.Message
	}
	return simulated
}
