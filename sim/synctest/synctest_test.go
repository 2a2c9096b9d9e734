package synctest_test

import (
	stdcontext "context"
	"fmt"
	"slices"
	"strings"
	stdsync "sync"
	"testing"
	stdsynctest "testing/synctest"
	stdtime "time"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/context"
	"github.com/gocourse/gocourse/sim/synctest"
	simtesting "github.com/gocourse/gocourse/sim/testing"
	"github.com/gocourse/gocourse/sim/time"
)

// The examples of testing/synctest's documentation, written twice: on the
// real package (the judge) and on the drop-in. The logs must be equal.
var scenarios = []struct {
	name string
	real func(t *testing.T, log func(string, ...any))
	sim  func(t *simtesting.T, log func(string, ...any))
}{
	{"Wait lets the goroutine run",
		func(t *testing.T, log func(string, ...any)) {
			stdsynctest.Test(t, func(t *testing.T) {
				done := false
				go func() { done = true }()
				stdsynctest.Wait()
				log("%v", done)
			})
		},
		func(t *simtesting.T, log func(string, ...any)) {
			synctest.Test(t, func(t *simtesting.T) {
				done := false
				sim.Go(func() { done = true })
				synctest.Wait()
				log("%v", done)
			})
		}},
	{"time",
		func(t *testing.T, log func(string, ...any)) {
			stdsynctest.Test(t, func(t *testing.T) {
				start := stdtime.Now()
				go func() {
					stdtime.Sleep(1 * stdtime.Second)
					log("goroutine at %v", stdtime.Since(start))
				}()
				stdtime.Sleep(2 * stdtime.Second)
				log("main at %v, %v", stdtime.Since(start), start)
			})
		},
		func(t *simtesting.T, log func(string, ...any)) {
			synctest.Test(t, func(t *simtesting.T) {
				start := time.Now()
				sim.Go(func() {
					time.Sleep(1 * time.Second)
					log("goroutine at %v", time.Since(start))
				})
				time.Sleep(2 * time.Second)
				log("main at %v, %v", time.Since(start), start)
			})
		}},
	{"context.AfterFunc",
		func(t *testing.T, log func(string, ...any)) {
			stdsynctest.Test(t, func(t *testing.T) {
				ctx, cancel := stdcontext.WithCancel(stdcontext.Background())
				called := false
				stdcontext.AfterFunc(ctx, func() { called = true })
				stdsynctest.Wait()
				log("before cancel: %v", called)
				cancel()
				stdsynctest.Wait()
				log("after cancel: %v", called)
			})
		},
		func(t *simtesting.T, log func(string, ...any)) {
			synctest.Test(t, func(t *simtesting.T) {
				ctx, cancel := context.WithCancel(context.Background())
				called := false
				context.AfterFunc(ctx, func() { called = true })
				synctest.Wait()
				log("before cancel: %v", called)
				cancel()
				synctest.Wait()
				log("after cancel: %v", called)
			})
		}},
	{"context.WithTimeout",
		func(t *testing.T, log func(string, ...any)) {
			stdsynctest.Test(t, func(t *testing.T) {
				const timeout = 5 * stdtime.Second
				ctx, cancel := stdcontext.WithTimeout(stdcontext.Background(), timeout)
				defer cancel()
				stdtime.Sleep(timeout - stdtime.Nanosecond)
				stdsynctest.Wait()
				log("before timeout: %v", ctx.Err())
				stdtime.Sleep(stdtime.Nanosecond)
				stdsynctest.Wait()
				log("after timeout: %v", ctx.Err())
			})
		},
		func(t *simtesting.T, log func(string, ...any)) {
			synctest.Test(t, func(t *simtesting.T) {
				const timeout = 5 * time.Second
				ctx, cancel := context.WithTimeout(context.Background(), timeout)
				defer cancel()
				time.Sleep(timeout - time.Nanosecond)
				synctest.Wait()
				log("before timeout: %v", ctx.Err())
				time.Sleep(time.Nanosecond)
				synctest.Wait()
				log("after timeout: %v", ctx.Err())
			})
		}},
	{"cleanups run in the bubble, when f returns",
		func(t *testing.T, log func(string, ...any)) {
			stdsynctest.Test(t, func(t *testing.T) {
				start := stdtime.Now()
				t.Cleanup(func() { log("cleanup at %v", stdtime.Since(start)) })
				stdtime.Sleep(stdtime.Second)
				log("f returns")
			})
			log("Test returns")
		},
		func(t *simtesting.T, log func(string, ...any)) {
			synctest.Test(t, func(t *simtesting.T) {
				start := time.Now()
				t.Cleanup(func() { log("cleanup at %v", time.Since(start)) })
				time.Sleep(time.Second)
				log("f returns")
			})
			log("Test returns")
		}},
}

func TestAgainstReal(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var real []string
			var mu stdsync.Mutex // the real bubble's goroutines log concurrently (go test -race)
			sc.real(t, func(f string, a ...any) {
				mu.Lock()
				defer mu.Unlock()
				real = append(real, fmt.Sprintf(f, a...))
			})
			for seed := range uint64(5) {
				var got []string
				r := sim.Run(func() {
					sc.sim(simtesting.New("TestX"), func(f string, a ...any) { got = append(got, fmt.Sprintf(f, a...)) })
				}, sim.Options{Seed: seed})
				if r.Failed() || !slices.Equal(got, real) {
					t.Fatalf("seed %d:\nsim:  %q\nreal: %q\n%v", seed, got, real, r)
				}
			}
		})
	}
}

// Goroutines left blocked in the bubble when f returns make Test panic with
// the runtime's words, and each is reported with where it waits. Time has
// stopped: the sleeper never wakes.
func TestBlockedGoroutinesRemain(t *testing.T) {
	r := sim.Run(func() {
		synctest.Test(simtesting.New("TestLeaky"), func(t *simtesting.T) {
			ch := sim.MakeChan[int](0).Named("results")
			sim.Go(func() { ch.Send(1) })
			sim.Go(func() { time.Sleep(time.Hour) })
		})
	}, sim.Options{})
	s := r.String()
	if r.Outcome != sim.Panic || r.Message != "panic: deadlock: main bubble goroutine has exited but blocked goroutines remain" ||
		!strings.Contains(s, "goroutine 3 [chan send] on results at synctest_test.go:") ||
		!strings.Contains(s, "goroutine 4 [sleep] at synctest_test.go:") || r.TimeNS != 0 {
		t.Fatalf("%s", s)
	}
	// Goroutines that finish after f returns are waited for.
	r = sim.Run(func() {
		synctest.Test(simtesting.New("TestFine"), func(t *simtesting.T) {
			ch := sim.MakeChan[int](1)
			sim.Go(func() { sim.Gosched(); ch.Send(1) })
		})
	}, sim.Options{})
	if r.Failed() {
		t.Fatalf("%v", r)
	}
}

func TestFailureFailsTheTest(t *testing.T) {
	r := sim.Run(func() {
		outer := simtesting.New("TestOuter")
		synctest.Test(outer, func(t *simtesting.T) { t.Errorf("inner failure") })
		fmt.Fprint(sim.Stdout(), "not reached")
	}, sim.Options{})
	if r.Outcome != sim.Failed || r.Output != "" || !strings.Contains(r.String(), "TestOuter: inner failure") {
		t.Fatalf("%v", r)
	}
}

// Wait does not move time, and it returns only when no goroutine can run.
func TestWaitIsDurable(t *testing.T) {
	rep := sim.Explore(func() {
		steps := 0
		sim.Go(func() {
			for range 3 {
				steps++
				sim.Gosched()
			}
		})
		sim.Go(func() { time.Sleep(time.Second); steps = -100 })
		synctest.Wait()
		if steps != 3 || time.Since(sim.Epoch) != 0 {
			sim.Errorf("Wait returned with steps=%d at %v", steps, time.Since(sim.Epoch))
		}
		time.Sleep(2 * time.Second)
	}, sim.Config{Strategy: sim.DFS(2), Schedules: 50_000})
	if rep.Failure != nil || !rep.Exhausted {
		t.Fatalf("%v", rep)
	}
}

func TestWaitTwice(t *testing.T) {
	r := sim.Run(func() {
		never := sim.MakeChan[int](0)
		sim.Go(func() { synctest.Wait() })
		sim.Go(func() { never.Recv() })
		sim.Gosched()
		sim.Gosched()
		synctest.Wait()
	}, sim.Options{Strategy: sim.DFS(0)})
	if !strings.HasPrefix(r.Message, "panic: wait already in progress") {
		t.Fatalf("%v", r)
	}
}
