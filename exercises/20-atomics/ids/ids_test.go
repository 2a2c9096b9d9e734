package ids

import (
	"slices"
	"sync"
	"testing"

	"go.uber.org/goleak"
)

// take calls Next n times in each of g goroutines and returns every id.
func take(gen *Generator, goroutines, n int) []int {
	got := make([][]int, goroutines)
	var wg sync.WaitGroup
	for i := range goroutines {
		wg.Go(func() {
			for range n {
				got[i] = append(got[i], gen.Next())
			}
		})
	}
	wg.Wait()
	all := slices.Concat(got...)
	slices.Sort(all)
	return all
}

func check(t *testing.T, goroutines, n int, all []int) {
	t.Helper()
	for i, id := range all {
		if id != i+1 {
			if i > 0 && all[i-1] == id {
				t.Fatalf("%d goroutines took %d ids each, and id %d was handed out twice.\n"+
					"Two calls read the same last id before either wrote the next one.", goroutines, n, id)
			}
			t.Fatalf("%d goroutines took %d ids each; the ids are not 1 to %d: %v", goroutines, n, len(all), all)
		}
	}
}

func TestTwoGoroutines(t *testing.T) {
	defer goleak.VerifyNone(t)
	var g Generator
	check(t, 2, 2, take(&g, 2, 2))
}

func TestManyGoroutines(t *testing.T) {
	defer goleak.VerifyNone(t)
	var g Generator
	check(t, 8, 500, take(&g, 8, 500))
	if id := g.Next(); id != 4001 {
		t.Errorf("after 4000 ids, Next() = %d; want 4001", id)
	}
}
