package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/gocourse/gocourse/course"
)

// BenchmarkCheckCommand measures `gocourse check ID` as a learner runs it: a
// process of its own (start, the catalog and progress, the grader, the text
// report), on an exercise whose solution is in place, with the build cache
// warm (one check before timing). The program is built from this checkout
// first. Each iteration is one check; it reports the median, fastest and
// slowest wall time, and the median CPU time of the process and every process
// it started (user+sys, from the kernel's accounting of the waited-for tree).
// The exercise is 01-goroutines/say-hello, or $GOCOURSE_BENCH_EXERCISE;
// $GOCOURSE_BENCH_PROGRAM names another build of gocourse to time instead
// (an earlier commit's, to compare in the same minutes):
//
//	go test ./internal/cli -run '^$' -bench CheckCommand -benchtime 10x
func BenchmarkCheckCommand(b *testing.B) {
	id := os.Getenv("GOCOURSE_BENCH_EXERCISE")
	if id == "" {
		id = "01-goroutines/say-hello"
	}
	root := copyRealCourse(b)
	c, err := course.Load(root)
	if err != nil {
		b.Fatal(err)
	}
	ex, err := c.Exercise(id)
	if err != nil {
		b.Skip(err)
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range ex.Files {
		src, err := os.ReadFile(filepath.Join(repo, filepath.FromSlash(ex.SolutionPath()), f))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(ex.Path()), f), src, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	exe := os.Getenv("GOCOURSE_BENCH_PROGRAM")
	if exe == "" {
		exe = filepath.Join(b.TempDir(), "gocourse")
		build := exec.Command("go", "build", "-o", exe, "./cmd/gocourse")
		build.Dir = repo
		if out, err := build.CombinedOutput(); err != nil {
			b.Fatalf("go build ./cmd/gocourse: %v\n%s", err, out)
		}
	}
	check := func() (wall, cpu time.Duration) {
		cmd := exec.Command(exe, "check", id)
		cmd.Dir = root
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		t0 := time.Now()
		err := cmd.Run()
		wall = time.Since(t0)
		if err != nil {
			b.Fatalf("gocourse check %s: %v\n%s", id, err, out.Bytes())
		}
		return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	check() // the build cache holds this exercise from here on
	var walls, cpus []time.Duration
	for b.Loop() {
		wall, cpu := check()
		walls = append(walls, wall)
		cpus = append(cpus, cpu)
	}
	slices.Sort(walls)
	slices.Sort(cpus)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(walls[len(walls)/2]), "median-ms")
	b.ReportMetric(ms(walls[0]), "fastest-ms")
	b.ReportMetric(ms(walls[len(walls)-1]), "slowest-ms")
	b.ReportMetric(ms(cpus[len(cpus)/2]), "cpu-ms")
	b.ReportMetric(0, "ns/op")
}
