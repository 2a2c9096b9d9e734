package stopornot

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

type check struct {
	what      string
	predicted any
	real      any
	why       string
}

func compare(t *testing.T, checks ...check) {
	t.Helper()
	for _, c := range checks {
		if fmt.Sprint(c.predicted) != fmt.Sprint(c.real) {
			t.Errorf("%s: you predicted %v; it is %v.\n\t%s", c.what, c.predicted, c.real, c.why)
		}
	}
}

const pending = "Stop and Reset report whether the timer was still pending. Since Go 1.23, a timer whose time has come\n\tbut whose value nobody has received still counts as pending (see \"Go 1.23 changed timers\")."

func TestStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		compare(t, check{"StopPending: Stop returns", StopPendingReturns, StopPending(), pending})
		stopped, got := StopFired()
		compare(t,
			check{"StopFired: Stop returns", StopFiredReturns, stopped, pending},
			check{"StopFired: a receive after Stop gets a value", StopFiredGetValue, got,
				"After Stop returns, no value from before the Stop can be received: no stale values since Go 1.23."},
		)
		compare(t, check{"StopReceived: Stop returns", StopReceivedReturns, StopReceived(),
			"The value was received: the timer is no longer pending."})
	})
}

func TestReset(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		was, at := ResetFired()
		compare(t,
			check{"ResetFired: Reset returns", ResetFiredReturns, was, pending},
			check{"ResetFired: the receive returns at", ResetFiredReceivedAt, at,
				"After Reset, only the new deadline delivers a value: Reset at 2s to 1s fires at 3s. The value of 1s is gone."},
		)
		was, at = ResetStopped()
		compare(t,
			check{"ResetStopped: Reset returns", ResetStoppedReturns, was, pending},
			check{"ResetStopped: the receive returns at", ResetStoppedReceivedAt, at,
				"Reset restarts a stopped timer: d from the moment of the Reset."},
		)
	})
}

func TestAfterFunc(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		stopped, ran := StopAfterFunc()
		compare(t,
			check{"StopAfterFunc: Stop returns", StopAfterFuncReturns, stopped,
				"For AfterFunc, false means f has been started already, in its own goroutine (see \"AfterFunc\")."},
			check{"StopAfterFunc: f ran", StopAfterFuncRan, ran, "f runs when the time has come, whether or not anyone stops the timer later."},
		)
	})
}

var _ = time.Second
