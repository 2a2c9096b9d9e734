// Mutant: a timeout per replica instead of one deadline for all, and the
// replicas asked one after another: slow, and the deadline comes too late.
package firstanswer

import (
	"errors"
	"time"
)

var ErrTimeout = errors.New("no replica answered in time")

func First(replicas []func() string, patience time.Duration) (string, error) {
	for _, ask := range replicas {
		answer := make(chan string, 1)
		go func() { answer <- ask() }()
		select {
		case a := <-answer:
			return a, nil
		case <-time.After(patience):
		}
	}
	return "", ErrTimeout
}
