package mergeclosed

import (
	"slices"
	"testing"

	"go.uber.org/goleak"
)

// send starts a producer goroutine that sends vals on ch, then closes it.
func send(ch chan<- int, vals []int) {
	go func() {
		for _, v := range vals {
			ch <- v
		}
		close(ch)
	}()
}

func check(t *testing.T, a, b []int) {
	t.Helper()
	chA, chB := make(chan int), make(chan int)
	send(chA, a)
	send(chB, b)
	var got []int
	for v := range Merge(chA, chB) {
		got = append(got, v)
		if len(got) > len(a)+len(b) {
			t.Fatalf("Merge(a sends %v, b sends %v) passed on more values than the inputs sent: %v...\n"+
				"A receive from a closed channel never waits: it gives the zero value, at once, every time.\n"+
				"Receive with v, ok := <-ch, and stop receiving from an input once ok is false.", a, b, got)
		}
	}
	var fromA, fromB []int
	for _, v := range got {
		if slices.Contains(a, v) {
			fromA = append(fromA, v)
		} else {
			fromB = append(fromB, v)
		}
	}
	if !slices.Equal(fromA, a) || !slices.Equal(fromB, b) {
		t.Fatalf("Merge(a sends %v, b sends %v) passed on %v before closing its channel.\n"+
			"Every value of both inputs must come out, each input's in order; the merged channel\n"+
			"closes only after BOTH inputs are closed. %s",
			a, b, got, missing(a, b, fromA, fromB))
	}
}

func missing(a, b, fromA, fromB []int) string {
	if len(fromB) < len(b) {
		return "Values of b are missing: was the closing of a counted more than once?"
	}
	if len(fromA) < len(a) {
		return "Values of a are missing: was the closing of b counted more than once?"
	}
	return ""
}

func TestMergeBoth(t *testing.T) {
	defer goleak.VerifyNone(t)
	check(t, []int{1, 2}, []int{10, 20})
}

func TestMergeOneEmpty(t *testing.T) {
	defer goleak.VerifyNone(t)
	check(t, nil, []int{10, 20, 30})
}

func TestMergeManyTimes(t *testing.T) {
	defer goleak.VerifyNone(t)
	for range 200 {
		check(t, []int{1}, []int{10, 20, 30})
	}
}
