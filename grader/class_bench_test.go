package grader

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/gocourse/gocourse/course"
)

// BenchmarkClassKeys counts what grading a class costs in gradings: the
// class in $GOCOURSE_BENCH_CLASS (docs/bench/make-class.sh writes one) has
// workbooks × exercises results, and Grade grades each distinct key once
// (and every result without a key). It reports both, and the time to compute
// the keys, which is what a run that finds every result in its cache costs
// beyond reading them.
//
//	docs/bench/make-class.sh /tmp/class30 30
//	GOCOURSE_BENCH_CLASS=/tmp/class30 go test ./grader -run XXX -bench ClassKeys -benchtime 1x
func BenchmarkClassKeys(b *testing.B) {
	dir := os.Getenv("GOCOURSE_BENCH_CLASS")
	if dir == "" {
		b.Skip("GOCOURSE_BENCH_CLASS names no class")
	}
	c, err := course.Load("..")
	if err != nil {
		b.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var results, gradings int
	for range b.N {
		k, err := NewCache("")
		if err != nil {
			b.Fatal(err)
		}
		results, gradings = 0, 0
		seen := map[string]bool{}
		for _, e := range ents {
			if !e.IsDir() {
				continue
			}
			wb := filepath.Join(dir, e.Name())
			for _, ex := range c.Exercises() {
				results++
				key, ok := k.Key(context.Background(), c, ex, Options{Workbook: wb})
				if !ok || !seen[key] {
					gradings++
				}
				seen[key] = ok
			}
		}
	}
	b.ReportMetric(float64(results), "results")
	b.ReportMetric(float64(gradings), "gradings")
}
