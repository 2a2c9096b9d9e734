// Package firstanswer is about asking several replicas of a service at
// once, taking whichever answer comes first, and giving up at a deadline.
package firstanswer

import (
	"errors"
	"time"
)

// ErrTimeout is what First returns when no replica answers in time.
var ErrTimeout = errors.New("no replica answered in time")

// First asks every replica at the same moment and returns the first answer
// that arrives, as soon as it arrives. If no answer has arrived when
// patience has passed, First returns "" and ErrTimeout at that moment.
//
// The replicas that answer later, or after First has given up, must not be
// left stuck: every goroutine that First starts must be able to finish once
// its replica has answered, whether First is still listening or not.
//
// Each replica is a func that waits a while (as a server would) and then
// returns its answer. The replicas are safe to call at the same time.
func First(replicas []func() string, patience time.Duration) (string, error) {
	// Room for every answer: a replica's send never waits, so its
	// goroutine finishes even when nobody listens any more.
	answers := make(chan string, len(replicas))
	for _, ask := range replicas {
		go func() { answers <- ask() }()
	}
	select {
	case a := <-answers:
		return a, nil
	case <-time.After(patience):
		return "", ErrTimeout
	}
}
