package merge

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// feed returns a channel that a goroutine of its own fills with values and
// then closes, as a producer does.
func feed(values ...int) <-chan int {
	ch := make(chan int)
	go func() {
		for _, v := range values {
			ch <- v
		}
		close(ch)
	}()
	return ch
}

// collect receives from out until it is closed.
func collect(out <-chan int) []int {
	var got []int
	for v := range out {
		got = append(got, v)
	}
	return got
}

// check merges a and b and compares what comes out with what went in; then
// it looks for goroutines started since the call that are still alive.
func check(t *testing.T, a, b []int) {
	t.Helper()
	before := goleak.IgnoreCurrent()
	got := collect(Merge(feed(a...), feed(b...)))
	want := slices.Concat(a, b)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("Merge(%v, %v) passed on %v (sorted); want every value exactly once: %v.\n%s",
			a, b, got, want, diagnose(got, want))
	}
	if err := goleak.Find(before); err != nil {
		t.Fatalf("Merge(%v, %v) passed on every value and closed its output, but a goroutine it started\n"+
			"is still alive. What goleak found:\n%s", a, b, firstLines(err.Error(), 6))
	}
}

// firstLines keeps a long leak report readable.
func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "\n") + "\n\t..."
}

func diagnose(got, want []int) string {
	var lost []int
	rest := slices.Clone(got)
	for _, w := range want {
		if i := slices.Index(rest, w); i >= 0 {
			rest = slices.Delete(rest, i, i+1)
		} else {
			lost = append(lost, w)
		}
	}
	switch {
	case len(lost) > 0 && len(rest) == 0:
		return fmt.Sprintf("Values %v were lost: the output was closed while one input still had values to give.\n"+
			"A closed input only means that THAT input is done; the other may still be sending.", lost)
	case len(rest) > 0:
		return fmt.Sprintf("Values %v were passed on but never sent: a receive from a closed channel gives the zero value.", rest)
	}
	return ""
}

// TestMergeTiny is small enough for the simulator to try every schedule.
func TestMergeTiny(t *testing.T) {
	check(t, []int{1}, []int{2})
}

func TestMergeBothHaveValues(t *testing.T) {
	for range 200 { // many rounds: the bug needs an unlucky schedule
		check(t, []int{1, 2, 3}, []int{10, 20})
	}
}

func TestMergeOneIsEmpty(t *testing.T) {
	for range 50 {
		check(t, nil, []int{10, 20, 30})
		check(t, []int{1, 2}, nil)
	}
}

func TestMergeBothEmpty(t *testing.T) {
	check(t, nil, nil)
}
