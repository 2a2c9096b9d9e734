package stopworkers

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// callStop calls stop in a goroutine and reports whether it returned within
// a few seconds, and the panic it raised, if any.
func callStop(stop func()) (returned bool, panicked any) {
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		stop()
	}()
	select {
	case p := <-done:
		return true, p
	case <-time.After(5 * time.Second):
		return false, nil
	}
}

func start(t *testing.T, n int) (chan int, func(), *sync.Mutex, *[]int) {
	jobs := make(chan int)
	var mu sync.Mutex
	var did []int
	stop := Start(n, jobs, func(j int) {
		mu.Lock()
		did = append(did, j)
		mu.Unlock()
	})
	return jobs, stop, &mu, &did
}

func TestStopStopsEveryWorker(t *testing.T) {
	defer goleak.VerifyNone(t)
	jobs, stop, mu, did := start(t, 3)
	for j := range 5 {
		jobs <- j
	}
	returned, p := callStop(stop)
	if p != nil {
		t.Fatalf("stop panicked: %v", p)
	}
	if !returned {
		t.Fatalf("stop did not return: it is still waiting for workers that were never told to stop.\n" +
			"A send on quit is received by ONE worker; a close is seen by all of them.")
	}
	// Every worker has returned, so nobody can be waiting for a job.
	select {
	case jobs <- 99:
		t.Fatalf("after stop returned, a worker still took a job: stop must tell every worker, and wait for them")
	default:
	}
	mu.Lock()
	defer mu.Unlock()
	if len(*did) != 5 {
		t.Fatalf("the workers did %d jobs before stop; want the 5 that were sent", len(*did))
	}
}

func TestStopTwice(t *testing.T) {
	defer goleak.VerifyNone(t)
	_, stop, _, _ := start(t, 2)
	for i := 1; i <= 2; i++ {
		returned, p := callStop(stop)
		if p != nil {
			t.Fatalf("call %d of stop panicked: %v.\nA channel can be closed once; make the close happen on the first call only.", i, p)
		}
		if !returned {
			t.Fatalf("call %d of stop did not return. After the first call there are no workers left to receive anything.", i)
		}
	}
}

func TestStopConcurrently(t *testing.T) {
	defer goleak.VerifyNone(t)
	_, stop, _, _ := start(t, 2)
	results := make(chan string, 2)
	for range 2 {
		go func() {
			returned, p := callStop(stop)
			switch {
			case p != nil:
				results <- fmt.Sprintf("panicked: %v", p)
			case !returned:
				results <- "did not return"
			default:
				results <- ""
			}
		}()
	}
	for range 2 {
		if r := <-results; r != "" {
			t.Fatalf("two goroutines called stop at the same time, and one call %s", r)
		}
	}
}

// TestStopWaitsForTheJobInProgress: a worker is in the middle of a job when
// stop is called, and the job goes on for an hour of the bubble's fake
// clock. stop must not return before the job has finished, however long it
// takes: how long is the test's to choose, not stop's to guess.
func TestStopWaitsForTheJobInProgress(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		jobs := make(chan int)
		release := make(chan struct{})
		var finished atomic.Bool
		stop := Start(1, jobs, func(int) {
			<-release
			finished.Store(true)
		})
		jobs <- 1 // a worker has taken it: it is in the job now
		start := time.Now()
		stopped := make(chan time.Duration)
		go func() {
			stop()
			stopped <- time.Since(start)
		}()
		select {
		case after := <-stopped:
			close(release)
			t.Fatalf("stop returned after %v while a worker was still in the middle of a job.\n"+
				"stop must wait until every worker has returned (a sync.WaitGroup), however long\n"+
				"the job takes: a pause is a guess at how long that is.", after)
		case <-time.After(time.Hour):
		}
		close(release)
		<-stopped
		if !finished.Load() {
			t.Fatalf("stop returned before the job in progress had finished")
		}
	})
}
