package grader

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocourse/gocourse/course"
)

// typical are exercises of each kind: implement, fix, timing, predict, and one
// with a larger program under the simulator.
var typical = []string{
	"01-goroutines/say-hello",
	"12-closing/close-once",
	"14-timers/whole-deadline",
	"04-hchan/next-op",
	"17-worker-pools/bounded",
}

// BenchmarkCheck times a whole check of typical exercises' reference solutions,
// as gocourse check runs it, with a warm build cache (one check before timing),
// and splits it: each check's time, and each check's steps (Options.Phase). Every
// metric is the median over the b.N checks, in milliseconds:
//
//	go test ./grader -run '^$' -bench Check -benchtime 10x
func BenchmarkCheck(b *testing.B) {
	c, err := course.Load("..")
	if err != nil {
		b.Fatal(err)
	}
	for _, id := range typical {
		ex, err := c.Exercise(id)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.ReplaceAll(id, "/", "_"), func(b *testing.B) {
			var mu sync.Mutex
			samples := map[string][]time.Duration{}
			add := func(name string, d time.Duration) {
				mu.Lock()
				samples[name] = append(samples[name], d)
				mu.Unlock()
			}
			opts := Options{Solution: true}
			if res := Check(context.Background(), c, ex, opts); res.Status != Pass {
				b.Fatalf("the solution of %s does not pass: %+v", id, res.Checks)
			}
			opts.Phase = func(check, phase string, d time.Duration) { add(check+"."+phase, d) }
			for b.Loop() {
				t0 := time.Now()
				res := Check(context.Background(), c, ex, opts)
				add("total", time.Since(t0))
				if res.Status != Pass {
					b.Fatalf("the solution of %s does not pass: %+v", id, res.Checks)
				}
				for _, ch := range res.Checks {
					add(ch.Name, time.Duration(ch.Duration)*time.Millisecond)
				}
			}
			names := make([]string, 0, len(samples))
			for name := range samples {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				b.ReportMetric(float64(median(samples[name]).Microseconds())/1000, name+"-ms")
			}
		})
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
