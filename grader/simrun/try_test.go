package simrun

import (
	"os"
	"testing"

	"github.com/gocourse/gocourse/sim/harness"
)

func TestTryRace(t *testing.T) {
	rep := exploreRace(t, os.Getenv("TRYDIR"), raceHunt)
	if r := rep.Result; r != nil {
		t.Logf("%d schedules: %v %s %s diverged=%q", rep.Schedules, r.Outcome, r.Message, rep.Replay, r.Diverged)
	}
	_ = harness.Config{}
}
