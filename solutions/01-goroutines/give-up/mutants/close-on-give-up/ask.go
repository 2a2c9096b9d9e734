// Mutant: closes the answer channel on the receiving side when it gives
// up, so the late answer is a send on a closed channel, which panics.
package giveup

import "time"

// Ask calls ask in a new goroutine and waits for its answer, but for no
// longer than patience.
func Ask(ask func() string, patience time.Duration) (string, bool) {
	answer := make(chan string)
	go func() {
		answer <- ask()
	}()
	select {
	case a := <-answer:
		return a, true
	case <-time.After(patience):
		close(answer) // "nobody will listen any more"
		return "", false
	}
}
