package time_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	stdtime "time"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/time"
)

// Each scenario is written twice: once on the real runtime inside a
// testing/synctest bubble (the judge), once under sim. Both log virtual
// times relative to the start; the logs must be equal.

type scenario struct {
	name string
	real func(log func(string, ...any))
	sim  func(log func(string, ...any))
}

var scenarios = []scenario{
	{"sleepers wake in order",
		func(log func(string, ...any)) {
			start := stdtime.Now()
			done := make(chan bool)
			for _, d := range []int{3, 1, 2} {
				go func() {
					stdtime.Sleep(stdtime.Duration(d) * stdtime.Second)
					log("%d woke at %v", d, stdtime.Since(start))
					done <- true
				}()
			}
			<-done
			<-done
			<-done
		},
		func(log func(string, ...any)) {
			start := time.Now()
			done := sim.MakeChan[bool](0)
			for _, d := range []int{3, 1, 2} {
				sim.Go(func() {
					time.Sleep(time.Duration(d) * time.Second)
					log("%d woke at %v", d, time.Since(start))
					done.Send(true)
				})
			}
			done.Recv()
			done.Recv()
			done.Recv()
		}},
	{"slow ticker reader drops ticks",
		func(log func(string, ...any)) {
			start := stdtime.Now()
			tk := stdtime.NewTicker(stdtime.Second)
			stdtime.Sleep(3500 * stdtime.Millisecond)
			log("len %d cap %d", len(tk.C), cap(tk.C))
			t1 := <-tk.C
			log("tick %v at %v", t1.Sub(start), stdtime.Since(start))
			t2 := <-tk.C
			log("tick %v at %v", t2.Sub(start), stdtime.Since(start))
			tk.Stop()
		},
		func(log func(string, ...any)) {
			start := time.Now()
			tk := time.NewTicker(time.Second)
			time.Sleep(3500 * time.Millisecond)
			log("len %d cap %d", tk.C.Len(), tk.C.Cap())
			t1 := tk.C.Recv()
			log("tick %v at %v", t1.Sub(start), time.Since(start))
			t2 := tk.C.Recv()
			log("tick %v at %v", t2.Sub(start), time.Since(start))
			tk.Stop()
		}},
	{"timer stop and reset leave no stale value",
		func(log func(string, ...any)) {
			start := stdtime.Now()
			tm := stdtime.NewTimer(stdtime.Second)
			stdtime.Sleep(2 * stdtime.Second)
			log("stop %v", tm.Stop())
			select {
			case <-tm.C:
				log("stale")
			default:
				log("none")
			}
			log("reset %v", tm.Reset(stdtime.Second))
			stdtime.Sleep(5 * stdtime.Second)
			log("reset %v", tm.Reset(stdtime.Second))
			v := <-tm.C
			log("fired %v at %v", v.Sub(start), stdtime.Since(start))
			log("stop %v", tm.Stop())
		},
		func(log func(string, ...any)) {
			start := time.Now()
			tm := time.NewTimer(time.Second)
			time.Sleep(2 * time.Second)
			log("stop %v", tm.Stop())
			if sim.Select(true, sim.RecvCase(tm.C, nil, nil)) == 0 {
				log("stale")
			} else {
				log("none")
			}
			log("reset %v", tm.Reset(time.Second))
			time.Sleep(5 * time.Second)
			log("reset %v", tm.Reset(time.Second))
			v := tm.C.Recv()
			log("fired %v at %v", v.Sub(start), time.Since(start))
			log("stop %v", tm.Stop())
		}},
	{"select with time.After timeout",
		func(log func(string, ...any)) {
			start := stdtime.Now()
			ch := make(chan int, 1)
			go func() { stdtime.Sleep(2 * stdtime.Second); ch <- 1 }()
			select {
			case <-ch:
				log("got")
			case v := <-stdtime.After(stdtime.Second):
				log("timeout at %v", v.Sub(start))
			}
			log("got %d at %v", <-ch, stdtime.Since(start))
		},
		func(log func(string, ...any)) {
			start := time.Now()
			ch := sim.MakeChan[int](1)
			sim.Go(func() { time.Sleep(2 * time.Second); ch.Send(1) })
			var v time.Time
			switch sim.Select(false, sim.RecvCase(ch, nil, nil), sim.RecvCase(time.After(time.Second), &v, nil)) {
			case 0:
				log("got")
			case 1:
				log("timeout at %v", v.Sub(start))
			}
			log("got %d at %v", ch.Recv(), time.Since(start))
		}},
	{"AfterFunc runs on its own goroutine",
		func(log func(string, ...any)) {
			start := stdtime.Now()
			done := make(chan bool)
			stdtime.AfterFunc(1500*stdtime.Millisecond, func() { log("f at %v", stdtime.Since(start)); done <- true })
			stop := stdtime.AfterFunc(stdtime.Second, func() { log("never") })
			log("stopped %v", stop.Stop())
			<-done
		},
		func(log func(string, ...any)) {
			start := time.Now()
			done := sim.MakeChan[bool](0)
			time.AfterFunc(1500*time.Millisecond, func() { log("f at %v", time.Since(start)); done.Send(true) })
			stop := time.AfterFunc(time.Second, func() { log("never") })
			log("stopped %v", stop.Stop())
			done.Recv()
		}},
}

func TestAgainstSynctest(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var real, simulated []string
			var mu sync.Mutex
			synctest.Test(t, func(t *testing.T) {
				sc.real(func(f string, a ...any) {
					mu.Lock()
					defer mu.Unlock()
					real = append(real, fmt.Sprintf(f, a...))
				})
			})
			r := sim.Run(func() {
				if !time.Now().Equal(stdtime.Date(2000, 1, 1, 0, 0, 0, 0, stdtime.UTC)) {
					sim.Fail("the clock does not start at 2000-01-01")
				}
				sc.sim(func(f string, a ...any) { simulated = append(simulated, fmt.Sprintf(f, a...)) })
			}, sim.Options{})
			if r.Outcome != sim.Pass {
				t.Fatal(r)
			}
			t.Logf("%q", real)
			if !slices.Equal(real, simulated) {
				t.Errorf("\nreal (synctest): %q\nsim:             %q", real, simulated)
			}
		})
	}
}

func TestLeakedSenderAfterTimeout(t *testing.T) {
	fetch := func() int {
		ch := sim.MakeChan[int](0) // the bug: unbuffered, so the late sender blocks forever
		sim.Go(func() {
			time.Sleep(2 * time.Second)
			ch.Send(42)
		})
		var v int
		switch sim.Select(false, sim.RecvCase(ch, &v, nil), sim.RecvCase(time.After(time.Second), nil, nil)) {
		case 0:
			return v
		}
		return -1
	}
	start := stdtime.Now()
	rep := sim.Explore(func() { fetch() }, sim.Config{Strategy: sim.PCT(3, 1), Schedules: 1000})
	if rep.Failure == nil || rep.Failure.Outcome != sim.Leak {
		t.Fatalf("no leak found: %v", rep)
	}
	if el := stdtime.Since(start); el > stdtime.Second {
		t.Errorf("took %v", el)
	}
	g := rep.Failure.Goroutines
	if len(g) != 1 || g[0].ID != 2 || g[0].State != "chan send" || !strings.HasPrefix(g[0].Pos, "time_test.go:") {
		t.Fatalf("report: %v", rep.Failure)
	}
	if rep.Failure.TimeNS != int64(2*time.Second) {
		t.Errorf("virtual time %v", time.Duration(rep.Failure.TimeNS))
	}
	st, err := sim.Replay(rep.Token)
	if err != nil {
		t.Fatal(err)
	}
	if r := sim.Run(func() { fetch() }, sim.Options{Strategy: st}); r.Outcome != sim.Leak {
		t.Fatalf("replay: %v", r)
	}
	t.Log(rep)
}

func TestSleepingGoroutinesFinishAfterBody(t *testing.T) {
	r := sim.Run(func() {
		sim.Go(func() { time.Sleep(time.Hour) })
	}, sim.Options{})
	if r.Outcome != sim.Pass || r.TimeNS != int64(time.Hour) {
		t.Fatal(r)
	}
	r = sim.Run(func() {
		sim.Go(func() {
			for range time.Tick(time.Minute).Range() {
			}
		})
	}, sim.Options{LeakWait: time.Hour})
	if r.Outcome != sim.Leak || r.Goroutines[0].State != "chan receive" {
		t.Fatal(r)
	}
}

func TestDeadlockAfterTimers(t *testing.T) {
	r := sim.Run(func() {
		ch := sim.MakeChan[int](0)
		sim.Go(func() { time.Sleep(time.Second) })
		ch.Recv()
	}, sim.Options{})
	if r.Outcome != sim.Deadlock || r.TimeNS != int64(time.Second) {
		t.Fatal(r)
	}
}

func TestOutsideRunUsesRealClock(t *testing.T) {
	if d := time.Since(time.Now()); d < 0 || d > time.Second {
		t.Fatal(d)
	}
	if time.Now().Year() < 2025 {
		t.Fatal("virtual clock outside a run")
	}
}
