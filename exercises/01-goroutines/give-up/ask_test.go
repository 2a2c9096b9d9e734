package giveup

import (
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// TestAskInTime: the answer is there at once and patience is an hour.
func TestAskInTime(t *testing.T) {
	defer goleak.VerifyNone(t)
	got, ok := Ask(func() string { return "42" }, time.Hour)
	if got != "42" || !ok {
		t.Fatalf(`Ask(answers "42" at once, patience 1h) = %q, %v; want "42", true`, got, ok)
	}
}

// TestAskGivesUp: ask does not answer until Ask has given up; then it
// answers. Afterwards no goroutine started by Ask may be left.
func TestAskGivesUp(t *testing.T) {
	before := goleak.IgnoreCurrent()
	release := make(chan struct{})
	asked := make(chan struct{})
	answered := make(chan struct{})
	ask := func() string {
		close(asked)
		<-release // answer only after Ask has given up
		defer close(answered)
		return "too late"
	}

	got, ok := Ask(ask, 10*time.Millisecond)
	close(release)
	if got != "" || ok {
		t.Fatalf(`Ask(answers only after Ask returns, patience 10ms) = %q, %v; want "", false`, got, ok)
	}
	select {
	case <-asked:
	case <-time.After(5 * time.Second):
		t.Fatalf("Ask gave up without ever calling ask")
	}
	select {
	case <-answered:
	case <-time.After(5 * time.Second):
		t.Fatalf("ask was released but did not return within 5s")
	}

	// ask has returned. Its goroutine must now be able to finish.
	if err := findLeaks(before); err != nil {
		t.Fatalf("ask answered late, and the goroutine that ran it never finished: it is parked\n"+
			"on a send that no receiver will ever take, because Ask stopped listening when it gave up.\n"+
			"That goroutine leaks (see \"A first select\"). What goleak found:\n%v", err)
	}
}

// TestAskManyTimes: giving up many times must not pile up goroutines.
func TestAskManyTimes(t *testing.T) {
	before := goleak.IgnoreCurrent()
	release := make(chan struct{})
	for range 100 {
		if _, ok := Ask(func() string { <-release; return "late" }, time.Millisecond); ok {
			t.Fatalf("Ask returned true although ask had not answered")
		}
	}
	close(release)
	if err := findLeaks(before); err != nil {
		t.Fatalf("after 100 late answers, goroutines started by Ask are still parked.\n"+
			"Each time Ask gave up, one more goroutine was left waiting to send. The first of them:\n%s",
			firstLines(err.Error(), 8))
	}
}

// firstLines keeps a long leak report readable.
func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) <= n {
		return s
	}
	return strings.Join(lines[:n], "\n") + "\n\t..."
}

// findLeaks asks goleak for goroutines started since before, giving a
// goroutine that is about to finish a few seconds to do so, even on a busy
// machine (goleak.Find alone retries for about a second).
func findLeaks(before goleak.Option) error {
	var err error
	for range 3 {
		if err = goleak.Find(before); err == nil {
			return nil
		}
	}
	return err
}
