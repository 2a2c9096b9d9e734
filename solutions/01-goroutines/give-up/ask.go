// Package giveup is about waiting for an answer, but not forever, without
// leaving a goroutine behind.
package giveup

import "time"

// Ask calls ask in a new goroutine and waits for its answer, but for no
// longer than patience. If the answer comes in time, Ask returns it and
// true. If patience runs out first, Ask returns "" and false at once,
// without waiting for ask.
//
// Ask must not leak: when ask answers after Ask has given up, the goroutine
// running ask must still be able to finish.
func Ask(ask func() string, patience time.Duration) (string, bool) {
	// Room for one value: the send below completes at once even when Ask
	// has stopped listening, so the goroutine always finishes. The channel
	// and the late answer are then garbage.
	answer := make(chan string, 1)
	go func() {
		answer <- ask()
	}()
	select {
	case a := <-answer:
		return a, true
	case <-time.After(patience):
		return "", false
	}
}
