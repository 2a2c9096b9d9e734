package ring

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
)

// observe runs the script in a synctest bubble and returns ch's state after
// every step. synctest.Wait returns once every other goroutine of the
// bubble is parked or finished, so each state is taken when nothing moves.
// A goroutine that has not finished by then is parked on ch; those that
// parked in the same queue are listed in the order they parked.
func observe(t *testing.T) (states []State, problems []string) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan string, 3)
		finished := make(chan string, len(Steps))
		type waiter struct{ name, queue string }
		var parked []waiter
		for i, s := range Steps {
			if s.Go == "" {
				s.Do(ch)
			} else {
				go func() {
					s.Do(ch)
					finished <- s.Go
				}()
				queue := "sendq"
				if strings.Contains(s.What, "receives") {
					queue = "recvq"
				}
				parked = append(parked, waiter{s.Go, queue})
			}
			synctest.Wait()
		drain:
			for {
				select {
				case name := <-finished:
					parked = slices.DeleteFunc(parked, func(w waiter) bool { return w.name == name })
				default:
					break drain
				}
			}
			var st State
			for _, w := range parked {
				if w.queue == "sendq" {
					st.SendQ = append(st.SendQ, w.name)
				} else {
					st.RecvQ = append(st.RecvQ, w.name)
				}
			}
			f := readFields(ch)
			st.QCount, st.SendX, st.RecvX = f.qcount, f.sendx, f.recvx
			if f.nsendq != len(st.SendQ) || f.nrecvq != len(st.RecvQ) {
				problems = append(problems, fmt.Sprintf("step %d: the channel's queues hold %d senders and %d receivers, but %v and %v are unfinished",
					i+1, f.nsendq, f.nrecvq, st.SendQ, st.RecvQ))
			}
			states = append(states, st)
		}
	})
	return states, problems
}

func TestPredictedStates(t *testing.T) {
	real, problems := observe(t)
	for _, p := range problems {
		t.Errorf("the course's test itself is confused (please report it): %s", p)
	}
	if len(After) != len(Steps) {
		t.Fatalf("After has %d states; the script has %d steps: one state per step, in order", len(After), len(Steps))
	}
	for i, want := range real {
		got := After[i]
		var wrong []string
		if got.QCount != want.QCount {
			wrong = append(wrong, "QCount")
		}
		if got.SendX != want.SendX {
			wrong = append(wrong, "SendX")
		}
		if got.RecvX != want.RecvX {
			wrong = append(wrong, "RecvX")
		}
		if !slices.Equal(got.SendQ, want.SendQ) {
			wrong = append(wrong, "SendQ")
		}
		if !slices.Equal(got.RecvQ, want.RecvQ) {
			wrong = append(wrong, "RecvQ")
		}
		if len(wrong) == 0 {
			continue
		}
		prev := "the empty channel: QCount 0, SendX 0, RecvX 0, nobody parked"
		if i > 0 {
			prev = fmt.Sprintf("%+v, as you rightly wrote", real[i-1])
		}
		t.Fatalf("step %d, %s: your %s %s wrong.\nBefore it, ch was %s.\n%s",
			i+1, Steps[i].What, strings.Join(wrong, " and "), isAre(len(wrong)), prev, advice(Steps[i]))
	}
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func advice(s Step) string {
	switch {
	case strings.Contains(s.What, "closes"):
		return "What does close do to the goroutines parked in the queues?"
	case strings.Contains(s.What, "receives"):
		return "Go through \"A receive, case by case\" in order: is a sender parked? Is the buffer empty?"
	default:
		return "Go through \"A send, case by case\" in order: is a receiver parked? Is there room?"
	}
}
