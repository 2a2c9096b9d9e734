package simrun

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gocourse/gocourse/sim/harness"
)

// BenchmarkRaceCost puts the speed of exploration with --race (a -race build,
// every schedule judged by ThreadSanitizer) beside the plain simulator on the
// same programs: schedules per second of the harness's run, build excluded.
// Run it once:
//
//	go test ./grader/simrun -run '^$' -bench RaceCost -benchtime 1x
func BenchmarkRaceCost(b *testing.B) {
	programs := []string{"racefree/mutexcounter", "racefree/kplusc", "racefree/ownership", "racefree/ctxcancel", "../../rewrite/testdata/corpus/workerpool"}
	h := harness.Config{Mode: "explore", Strategy: "pct", Depth: 3, Seed: 1, Schedules: 2000, TimeoutMS: 60000}
	for _, p := range programs {
		abs, _ := filepath.Abs(filepath.Join("testdata", p))
		b.Run(filepath.Base(p), func(b *testing.B) {
			for range b.N {
				for _, race := range []bool{false, true} {
					rep, err := Run(context.Background(), Config{Dir: abs, Harness: h, Race: race})
					if err != nil {
						b.Fatal(err)
					}
					if rep.Result != nil {
						b.Fatalf("race=%v: %v %s", race, rep.Result.Outcome, rep.Result.Message)
					}
					name := "plain"
					if race {
						name = "race"
					}
					secs := float64(rep.ElapsedNS) / 1e9
					b.ReportMetric(float64(rep.Schedules)/secs, name+"-sched/s")
					b.ReportMetric(float64(rep.BuildMS), name+"-build-ms")
				}
			}
		})
	}
}

// BenchmarkRaceTimeToFind puts the time explore --race takes to find each race
// of testdata/races beside a stress test of the same TestBug: the test binary
// built with -race once, then run with -test.count=N -test.failfast until the
// race detector fails a run or N runs pass. Run it once:
//
//	go test ./grader/simrun -run '^$' -bench RaceTimeToFind -benchtime 1x
func BenchmarkRaceTimeToFind(b *testing.B) {
	const stressRuns = 1000
	for _, r := range races {
		dir, _ := filepath.Abs(filepath.Join("testdata", "races", r.name))
		b.Run(r.name, func(b *testing.B) {
			for range b.N {
				rep, err := Run(context.Background(), Config{Dir: dir, Harness: raceHunt, Race: true})
				if err != nil {
					b.Fatal(err)
				}
				found := 0.0
				if rep.Result != nil {
					found = 1
				}
				b.ReportMetric(found, "sim-found")
				b.ReportMetric(float64(rep.Schedules), "sim-schedules")
				b.ReportMetric(float64(rep.RunMS), "sim-ms")

				bin := filepath.Join(b.TempDir(), "bug.test")
				build := exec.Command("go", "test", "-race", "-c", "-o", bin, ".")
				build.Dir = dir
				build.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
				if out, err := build.CombinedOutput(); err != nil {
					b.Fatalf("go test -race -c: %v\n%s", err, out)
				}
				start := time.Now()
				cmd := exec.Command(bin, "-test.run", "^TestBug$", "-test.count", "1000", "-test.failfast", "-test.v", "-test.timeout", "120s")
				cmd.Dir = dir
				out, err := cmd.CombinedOutput()
				elapsed := time.Since(start)
				passes := strings.Count(string(out), "--- PASS")
				stressFound := 0.0
				if err != nil && strings.Contains(string(out), "DATA RACE") {
					stressFound = 1
				}
				b.ReportMetric(stressFound, "stress-found")
				b.ReportMetric(float64(passes), "stress-runs-before")
				b.ReportMetric(float64(elapsed.Milliseconds()), "stress-ms")
				_ = stressRuns
			}
		})
	}
}
