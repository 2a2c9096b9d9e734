// Mutant: an unbuffered channel for the answers. The first answer is taken;
// every later one waits forever on its send: the goroutines leak.
package firstanswer

import (
	"errors"
	"time"
)

var ErrTimeout = errors.New("no replica answered in time")

func First(replicas []func() string, patience time.Duration) (string, error) {
	answers := make(chan string)
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
