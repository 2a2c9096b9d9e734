package whichcase

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
)

// runs is how many times each select runs. When two cases are ready, each
// has the same chance, so with 100 runs the chance of never seeing one of
// them is 2^-100.
const runs = 100

func TestPredictions(t *testing.T) {
	scenarios := []struct {
		name    string
		run     func() string
		predict []string
	}{
		{"OneReady", OneReady, OneReadyRuns},
		{"BothReady", BothReady, BothReadyRuns},
		{"FullBuffer", FullBuffer, FullBufferRuns},
		{"NoReceiver", NoReceiver, NoReceiverRuns},
		{"ParkedReceiver", ParkedReceiver, ParkedReceiverRuns},
		{"QuitOrWork", QuitOrWork, QuitOrWorkRuns},
		{"NilCase", NilCase, NilCaseRuns},
		{"Timeout", Timeout, TimeoutRuns},
		{"ClosedZero", ClosedZero, ClosedZeroRuns},
	}
	for _, sc := range scenarios {
		if len(sc.predict) == 0 {
			t.Errorf("%s: no answer yet: list in %sRuns the labels that select can return", sc.name, sc.name)
			continue
		}
		seen := map[string]int{}
		for range runs {
			synctest.Test(t, func(t *testing.T) {
				seen[sc.run()]++
			})
		}
		var observed []string
		for label := range seen {
			observed = append(observed, label)
		}
		slices.Sort(observed)
		for _, label := range observed {
			if !slices.Contains(sc.predict, label) {
				t.Errorf("%s: you predicted %q, but the select returned %q (%d of %d runs).%s",
					sc.name, sc.predict, label, seen[label], runs, why(sc.name))
			}
		}
		for _, label := range sc.predict {
			if seen[label] == 0 {
				t.Errorf("%s: you predicted %q, but in %d runs it never returned %q; it returned %s.%s",
					sc.name, sc.predict, runs, label, counts(seen), why(sc.name))
			}
		}
	}
}

func counts(seen map[string]int) string {
	var parts []string
	for label, n := range seen {
		parts = append(parts, fmt.Sprintf("%q %d times", label, n))
	}
	slices.Sort(parts)
	return strings.Join(parts, ", ")
}

// why points to the rule behind each select.
func why(name string) string {
	switch name {
	case "BothReady", "QuitOrWork":
		return "\n\tWhen several cases are ready, select picks one at random, uniformly: the order they are written in\n\tgives no priority, and neither does a closed channel (see \"Which case wins\")."
	case "NoReceiver", "ParkedReceiver", "FullBuffer":
		return "\n\tA send case is ready when a receiver is already parked on the channel, or the buffer has room (see \"Non-blocking operations with default\")."
	case "NilCase":
		return "\n\tA case on a nil channel is never ready (see \"Nil channels switch cases off\")."
	case "ClosedZero":
		return "\n\tA closed channel first gives up what is left in its buffer; after that, every receive returns at once with the zero value and ok == false (see \"Closed channels in a select\")."
	}
	return ""
}
