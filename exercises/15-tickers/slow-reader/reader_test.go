package slowreader

import (
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// Inside synctest.Test the clock is fake: the times below are exact.

func TestSlowReader(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		gotAt, carries := SlowReader()
		if !slices.Equal(SlowGotAt, gotAt) {
			t.Errorf("SlowReader: you predicted the ticks are received at %v;\n\tthey are received at %v.\n\t"+
				"The first comes after one period. After that, the reader comes back every 2.4s, and a tick is\n\t"+
				"waiting for it each time: it never has to wait for the ticker again (see \"A slow reader loses ticks\").",
				SlowGotAt, gotAt)
		}
		if !slices.Equal(SlowCarries, carries) {
			dropped := []string{}
			for s := time.Second; s <= gotAt[len(gotAt)-1]; s += time.Second {
				if !slices.Contains(carries, s) {
					dropped = append(dropped, fmt.Sprint(s))
				}
			}
			t.Errorf("SlowReader: you predicted the ticks carry %v;\n\tthey carry %v.\n\t"+
				"A tick carries the time it was due. The ticker keeps ONE tick for a reader that is busy and drops\n\t"+
				"every tick that comes while that one is waiting: here the ticks due at %v were dropped.",
				SlowCarries, carries, dropped)
		}
	})
}

func TestResetLate(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		n, gotAt, carries := ResetLate()
		if ResetLenBefore != n {
			t.Errorf("ResetLate: you predicted len(t.C) = %d with a tick waiting; it is %d.\n\t"+
				"Since Go 1.23 a ticker's channel presents itself as unbuffered: len and cap are 0, whatever\n\t"+
				"the runtime keeps for the reader (see \"Under the hood\").", ResetLenBefore, n)
		}
		if ResetGotAt != gotAt || ResetCarries != carries {
			t.Errorf("ResetLate: you predicted the tick after Reset is received at %v carrying %v;\n\t"+
				"it is received at %v carrying %v.\n\t"+
				"Reset throws away the tick still waiting (due at 2s) and starts a new grid: the next tick is\n\t"+
				"due a whole new period after the call to Reset.",
				ResetGotAt, ResetCarries, gotAt, carries)
		}
	})
}
