package lostsignal

import (
	"testing"
	"time"

	"go.uber.org/goleak"
)

// waitReturns calls j.Wait in a goroutine and reports whether it returned
// within limit.
func waitReturns(j *Job, limit time.Duration) bool {
	returned := make(chan struct{})
	go func() {
		j.Wait()
		close(returned)
	}()
	select {
	case <-returned:
		return true
	case <-time.After(limit):
		return false
	}
}

const lost = "the job's work had returned, yet Wait did not return: the signal was lost.\n" +
	"A send in a select with default reaches a receiver only if one is parked at that very\n" +
	"moment; a Wait that arrives later finds nothing, and one signal value serves one\n" +
	"receiver only (see \"Closing as a broadcast\")."

// TestWaitRightAway: Wait is called at once, while the work may still run.
func TestWaitRightAway(t *testing.T) {
	defer goleak.VerifyNone(t)
	ran := false
	j := Start(func() { ran = true })
	if !waitReturns(j, 5*time.Second) {
		t.Fatal(lost)
	}
	if !ran {
		t.Fatal("Wait returned before the work had run")
	}
}

// TestWaitLate: Wait is called long after the work has finished.
func TestWaitLate(t *testing.T) {
	defer goleak.VerifyNone(t)
	finished := make(chan struct{})
	j := Start(func() { close(finished) })
	<-finished
	time.Sleep(100 * time.Millisecond) // the job's goroutine has long given its signal
	if !waitReturns(j, 5*time.Second) {
		t.Fatal(lost)
	}
}

// TestManyWaiters: three goroutines wait for the same job, and one of them
// waits twice.
func TestManyWaiters(t *testing.T) {
	defer goleak.VerifyNone(t)
	release := make(chan struct{})
	j := Start(func() { <-release })
	results := make(chan bool, 3)
	for range 3 {
		go func() { results <- waitReturns(j, 5*time.Second) }()
	}
	close(release)
	for range 3 {
		if !<-results {
			t.Fatal("three goroutines wait for one job; not all of them returned.\n" + lost)
		}
	}
	if !waitReturns(j, 5*time.Second) {
		t.Fatal("a second Wait, after the first ones returned, did not return.\n" + lost)
	}
}
