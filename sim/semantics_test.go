package sim_test

import (
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
)

func say(format string, args ...any) { fmt.Fprintf(sim.Stdout(), format, args...) }

// outcomes explores every schedule of body (DFS with no preemption bound)
// and returns the set of "outcome|output" it can end with.
func outcomes(t *testing.T, body func()) []string {
	t.Helper()
	set := map[string]bool{}
	rep := sim.Explore(body, sim.Config{
		Strategy:  sim.DFS(-1),
		Schedules: 100_000,
		KeepGoing: true,
		Each: func(r *sim.Result) {
			k := r.Outcome.String() + "|" + strings.TrimSpace(r.Output)
			if r.Outcome == sim.Panic {
				k += "|" + r.Panic.Message
			}
			set[k] = true
		},
	})
	if !rep.Exhausted {
		t.Fatalf("DFS not exhausted after %d schedules", rep.Schedules)
	}
	var out []string
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestOutcomeSets(t *testing.T) {
	tests := []struct {
		name string
		body func()
		want []string
	}{
		{"two senders race to one receiver", func() {
			ch := sim.MakeChan[int](0)
			sim.Go(func() { ch.Send(1) })
			sim.Go(func() { ch.Send(2) })
			say("%d%d", ch.Recv(), ch.Recv())
		}, []string{"pass|12", "pass|21"}},

		{"select among ready cases", func() {
			a, b := sim.MakeChan[string](1), sim.MakeChan[string](1)
			a.Send("a")
			b.Send("b")
			var v string
			switch sim.Select(false, sim.RecvCase(a, &v, nil), sim.RecvCase(b, &v, nil)) {
			case 0, 1:
				say("%s", v)
			}
		}, []string{"pass|a", "pass|b"}},

		{"select with default races a sender", func() {
			ch := sim.MakeChan[int](0)
			sim.Go(func() { ch.Send(1) })
			var v int
			if sim.Select(true, sim.RecvCase(ch, &v, nil)) == 0 {
				say("%d", v)
			} else {
				say("none")
			}
		}, []string{"leak|none", "pass|1"}},

		{"send, close and receive race", func() {
			ch := sim.MakeChan[int](1)
			sim.Go(func() { ch.Send(7) })
			sim.Go(func() { ch.Close() })
			v, ok := ch.Recv2()
			say("%d %v", v, ok)
		}, []string{"panic||send on closed channel", "panic|0 false|send on closed channel", "pass|7 true"}},

		{"lock order inversion with channel mutexes", func() {
			mu1, mu2 := sim.MakeChan[int](1), sim.MakeChan[int](1)
			done := sim.MakeChan[int](0)
			sim.Go(func() {
				mu1.Send(1)
				mu2.Send(1)
				mu2.Recv()
				mu1.Recv()
				done.Send(1)
			})
			mu2.Send(1)
			mu1.Send(1)
			mu1.Recv()
			mu2.Recv()
			done.Recv()
		}, []string{"deadlock|", "pass|"}},

		{"buffered channel keeps FIFO order per sender", func() {
			ch := sim.MakeChan[int](2)
			sim.Go(func() { ch.Send(1); ch.Send(2) })
			sim.Go(func() { ch.Send(3) })
			say("%d%d%d", ch.Recv(), ch.Recv(), ch.Recv())
		}, []string{"pass|123", "pass|132", "pass|312"}},

		{"blocked select woken by either case", func() {
			a, b := sim.MakeChan[int](0), sim.MakeChan[int](0)
			sim.Go(func() { a.Send(1) })
			sim.Go(func() { b.Send(2) })
			var v int
			sim.Select(false, sim.RecvCase(a, &v, nil), sim.RecvCase(b, &v, nil))
			say("%d", v)
		}, []string{"leak|1", "leak|2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := outcomes(t, tt.body)
			sort.Strings(tt.want)
			if !slices.Equal(got, tt.want) {
				t.Errorf("outcomes:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPanicMessages(t *testing.T) {
	tests := []struct {
		name string
		body func()
		want string
	}{
		{"send on closed channel", func() { c := sim.MakeChan[int](1); c.Close(); c.Send(1) }, "send on closed channel"},
		{"close of closed channel", func() { c := sim.MakeChan[int](0); c.Close(); c.Close() }, "close of closed channel"},
		{"close of nil channel", func() { var c *sim.Chan[int]; c.Close() }, "close of nil channel"},
		{"makechan: size out of range", func() { sim.MakeChan[int](-1) }, "makechan: size out of range"},
		{"parked sender panics on close", func() {
			c := sim.MakeChan[int](0)
			sim.Go(func() { c.Close() })
			c.Send(1)
		}, "send on closed channel"},
		{"select send on closed channel", func() {
			c := sim.MakeChan[int](0)
			c.Close()
			sim.Select(true, sim.SendCase(c, 1))
		}, "send on closed channel"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sim.Run(tt.body, sim.Options{})
			if r.Outcome != sim.Panic || r.Panic.Message != tt.want {
				t.Fatalf("got %v", r)
			}
			if _, ok := r.Panic.Value.(runtime.Error); !ok {
				t.Errorf("panic value %T is not a runtime.Error", r.Panic.Value)
			}
			if !strings.HasPrefix(r.Message, "panic: "+tt.want) {
				t.Errorf("message %q", r.Message)
			}
		})
	}
}

func TestRealPanicMessagesMatch(t *testing.T) {
	catch := func(f func()) (msg string) {
		defer func() { msg = fmt.Sprint(recover()) }()
		f()
		return
	}
	real := []string{
		catch(func() { c := make(chan int, 1); close(c); c <- 1 }),
		catch(func() { c := make(chan int); close(c); close(c) }),
		catch(func() { var c chan int; close(c) }),
		catch(func() { n := -1; _ = make(chan int, n) }),
	}
	want := []string{"send on closed channel", "close of closed channel", "close of nil channel", "makechan: size out of range"}
	if !slices.Equal(real, want) {
		t.Fatalf("the runtime says %q", real)
	}
}

func TestBlockForever(t *testing.T) {
	tests := []struct {
		name, state string
		body        func()
	}{
		{"nil send", "chan send (nil chan)", func() { var c *sim.Chan[int]; c.Send(1) }},
		{"nil receive", "chan receive (nil chan)", func() { var c *sim.Chan[int]; c.Recv() }},
		{"empty select", "select (no cases)", func() { sim.Select(false) }},
		{"select on nil channels", "select", func() {
			var c *sim.Chan[int]
			sim.Select(false, sim.RecvCase(c, nil, nil), sim.SendCase(c, 1))
		}},
		{"unbuffered send without receiver", "chan send", func() { sim.MakeChan[int](0).Send(1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sim.Run(tt.body, sim.Options{})
			if r.Outcome != sim.Deadlock || len(r.Goroutines) != 1 || r.Goroutines[0].State != tt.state {
				t.Fatalf("got %v", r)
			}
			if !strings.HasPrefix(r.Goroutines[0].Pos, "semantics_test.go:") {
				t.Errorf("position %q", r.Goroutines[0].Pos)
			}
		})
	}
}

func TestNilChannelLenCap(t *testing.T) {
	var c *sim.Chan[int]
	if c.Len() != 0 || c.Cap() != 0 {
		t.Fatal("nil channel len/cap")
	}
	r := sim.Run(func() {
		var v int
		if sim.Select(true, sim.RecvCase(c, &v, nil), sim.SendCase(c, 1)) != -1 {
			sim.Fail("nil cases proceeded")
		}
	}, sim.Options{})
	if r.Outcome != sim.Pass {
		t.Fatal(r)
	}
}

func TestDeadlockReportNamesGoroutines(t *testing.T) {
	r := sim.Run(func() {
		jobs := sim.MakeChan[int](0).Named("jobs")
		results := sim.MakeChan[int](0).Named("results")
		sim.Go(func() {
			for j := range jobs.Range() {
				results.Send(j * 2)
			}
		})
		jobs.Send(1)
		jobs.Send(2) // the worker is stuck sending its first result
		results.Recv()
	}, sim.Options{})
	if r.Outcome != sim.Deadlock {
		t.Fatal(r)
	}
	s := r.String()
	for _, want := range []string{
		"all goroutines are asleep - deadlock!",
		"goroutine 1 [chan send] on jobs at semantics_test.go:",
		"goroutine 2 [chan send] on results at semantics_test.go:",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q:\n%s", want, s)
		}
	}
}

func TestLeakReport(t *testing.T) {
	r := sim.Run(func() {
		ch := sim.MakeChan[int](0).Named("answer")
		sim.Go(func() { ch.Send(42) })
		sim.Go(func() {
			var v int
			sim.Select(false, sim.RecvCase(sim.MakeChan[int](0).Named("quit"), &v, nil), sim.SendCase(ch, 1))
		})
		// nobody receives
	}, sim.Options{Strategy: sim.DFS(0)})
	if r.Outcome != sim.Leak || len(r.Goroutines) != 2 {
		t.Fatal(r)
	}
	if got := r.Goroutines[1].WaitsOn; got != "<-quit, answer<-" {
		t.Errorf("select waits on %q", got)
	}
	t.Log(r)
}

func TestGoexitAndFail(t *testing.T) {
	r := sim.Run(func() {
		done := sim.MakeChan[int](0)
		sim.Go(func() {
			defer done.Close()
			runtime.Goexit()
		})
		done.Recv()
		sim.Errorf("bad value %d", 3)
		sim.FailNow("stop")
		say("unreachable")
	}, sim.Options{})
	if r.Outcome != sim.Failed || !slices.Equal(r.Failures, []string{"bad value 3", "stop"}) || r.Output != "" {
		t.Fatal(r)
	}
}

func TestPanicInGoroutine(t *testing.T) {
	r := sim.Run(func() {
		ch := sim.MakeChan[int](0)
		sim.Go(func() {
			var m map[string]int
			m["x"] = 1
		})
		ch.Recv()
	}, sim.Options{})
	if r.Outcome != sim.Panic || r.Panic.G != 2 || !strings.Contains(r.Panic.Message, "assignment to entry in nil map") {
		t.Fatal(r)
	}
	if !strings.Contains(r.Panic.Stack, "semantics_test.go") {
		t.Errorf("stack lacks the panic site:\n%s", r.Panic.Stack)
	}
}

func TestAbandonedGoroutinesUnwind(t *testing.T) {
	unwound := 0
	r := sim.Run(func() {
		ch := sim.MakeChan[int](0)
		for range 3 {
			sim.Go(func() {
				defer func() { unwound++ }()
				defer ch.Send(0) // would block again while unwinding
				ch.Recv()
			})
		}
		for len(ch.State().RecvQ) < 3 {
			sim.Gosched()
		}
		panic("boom")
	}, sim.Options{})
	if r.Outcome != sim.Panic || r.Panic.Message != "boom" {
		t.Fatal(r)
	}
	if unwound != 3 {
		t.Errorf("%d goroutines unwound, want 3", unwound)
	}
	if sim.Current() != nil {
		t.Error("Current() outside a run")
	}
}

func TestStepLimit(t *testing.T) {
	spin := func() {
		for {
			sim.Gosched()
		}
	}
	r := sim.Run(func() {
		sim.Go(spin)
		spin()
	}, sim.Options{MaxSteps: 1000})
	if r.Outcome != sim.StepLimit || len(r.Goroutines) != 2 || r.Goroutines[1].State != "runnable" {
		t.Fatal(r)
	}
	// A goroutine that runs on forever after the body returned outlives
	// the test: a leak, as goleak would say, not the body's livelock.
	r = sim.Run(func() { sim.Go(spin) }, sim.Options{MaxSteps: 1000})
	if r.Outcome != sim.Leak || len(r.Goroutines) != 1 || r.Goroutines[0].State != "runnable" ||
		!strings.Contains(r.Message, "1 goroutine still running after the body returned") {
		t.Fatal(r)
	}
}

func TestOutsideRun(t *testing.T) {
	c := sim.MakeChan[int](1)
	c.Send(1) // buffered: fine outside a run
	if c.Len() != 1 || c.Recv() != 1 {
		t.Fatal("buffered ops outside a run")
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "outside a run") {
			t.Fatalf("recovered %v", r)
		}
	}()
	c.Recv()
}

func TestReplayTokens(t *testing.T) {
	body := func() {
		ch := sim.MakeChan[int](0)
		for i := range 4 {
			sim.Go(func() { ch.Send(i) })
		}
		for range 4 {
			say("%d", ch.Recv())
		}
	}
	for seed := range uint64(20) {
		r := sim.Run(body, sim.Options{Seed: seed})
		for _, tok := range []string{r.Token, fmt.Sprintf("r1.%d", seed)} {
			st, err := sim.Replay(tok)
			if err != nil {
				t.Fatal(err)
			}
			r2 := sim.Run(body, sim.Options{Strategy: st})
			if r2.Output != r.Output || !slices.Equal(eventStrings(r2.Trace), eventStrings(r.Trace)) {
				t.Fatalf("token %s: output %q, want %q", tok, r2.Output, r.Output)
			}
		}
	}
	if _, err := sim.Replay("x9.1"); err == nil {
		t.Error("bad token accepted")
	}
}

func eventStrings(evs []sim.TraceEvent) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.String())
	}
	return out
}

func TestTraceFields(t *testing.T) {
	r := sim.Run(func() {
		c := sim.MakeChan[int](2).Named("q")
		c.Send(1)
		c.Send(2)
		sim.Go(func() { c.Send(3) })
		for len(c.State().SendQ) == 0 {
			sim.Gosched()
		}
		c.Recv()
	}, sim.Options{})
	// After the receive, the parked sender's value moved into the freed slot.
	var last sim.TraceEvent
	for _, e := range r.Trace {
		if e.Op == "recv" {
			last = e
		}
	}
	if last.Chan != "q" || last.QCount != 2 || last.SendX != 1 || last.RecvX != 1 || len(last.SendQ) != 0 || !strings.HasPrefix(last.Pos, "semantics_test.go:") {
		t.Fatalf("recv event %+v", last)
	}
	var park sim.TraceEvent
	for _, e := range r.Trace {
		if e.Op == "park" {
			park = e
		}
	}
	if park.G != 2 || !slices.Equal(park.SendQ, []int{2}) || park.Detail != "chan send" {
		t.Fatalf("park event %+v", park)
	}
}

func TestSelectDuplicateCases(t *testing.T) {
	// Either case may receive the value, as with the runtime's random
	// poll order.
	got := outcomes(t, func() {
		c := sim.MakeChan[int](0)
		sim.Go(func() { c.Send(1) })
		var a, b int
		switch sim.Select(false, sim.RecvCase(c, &a, nil), sim.RecvCase(c, &b, nil)) {
		case 0:
			say("first %d", a)
		case 1:
			say("second %d", b)
		}
	})
	if !slices.Equal(got, []string{"pass|first 1", "pass|second 1"}) {
		t.Fatalf("outcomes %q", got)
	}
}

// TestExploreKeepsDivergedFailure: a program that is not deterministic (here
// a counter that outlives the runs) fails in one run and passes in its
// replay; Explore still reports the failure it found, and says why it could
// not replay it.
func TestExploreKeepsDivergedFailure(t *testing.T) {
	runs := 0
	body := func() {
		runs++
		ch := sim.MakeChan[int](0)
		if runs == 3 {
			sim.Go(func() { ch.Send(1) }) // nobody receives: a leak, this once
		}
	}
	rep := sim.Explore(body, sim.Config{Strategy: sim.Random(1), Schedules: 10})
	if !rep.Failed() || rep.Failure.Outcome != sim.Leak || rep.Schedules != 3 {
		t.Fatalf("got %v", rep)
	}
	if !strings.Contains(rep.Failure.Diverged, "not deterministic") {
		t.Errorf("Diverged = %q", rep.Failure.Diverged)
	}
}

// TestRunningTime: time passes while goroutines run, as on real cores, at
// stepCost (10ns) per schedule point: a goroutine that spins until a short
// timer fires sees it fire, while a millisecond needs far more schedule
// points than a run of the lessons makes, unless every runnable goroutine
// does nothing but poll (sim.Polled): then it yields to the clock. In a
// synctest bubble
// (FreezeRunningTime) time moves only when every goroutine is blocked.
func TestRunningTime(t *testing.T) {
	spin := func(freeze bool) func() {
		return func() {
			if freeze {
				sim.FreezeRunningTime()
			}
			done := false
			sim.StartTimer(sim.Now()+300, func() { done = true })
			for !done {
				sim.Gosched()
			}
		}
	}
	r := sim.Run(spin(false), sim.Options{MaxSteps: 1000})
	if r.Outcome != sim.Pass || r.TimeNS != 300 || r.Steps > 40 {
		t.Fatalf("spinning for a 300ns timer: %v", r)
	}
	r = sim.Run(spin(true), sim.Options{MaxSteps: 1000})
	if r.Outcome != sim.StepLimit || r.TimeNS != 0 {
		t.Fatalf("spinning in a bubble: %v", r)
	}
	var seen int64
	r = sim.Run(func() {
		sim.StartTimer(sim.Now()+1_000_000, func() {})
		for range 1000 {
			sim.Gosched()
			sim.Stdout() // work between the polls: not a spin
		}
		seen = sim.Now()
	}, sim.Options{})
	if seen != 0 || r.TimeNS != 0 {
		t.Fatalf("a millisecond timer fired after 2000 schedule points of work: clock %d, %v", seen, r)
	}
	// Nothing but polls: the goroutine spins, and yields to the clock.
	r = sim.Run(func() {
		sim.StartTimer(sim.Now()+1_000_000, func() {})
		for range 1000 {
			sim.Gosched()
		}
		seen = sim.Now()
	}, sim.Options{})
	if seen != 1_000_000 {
		t.Fatalf("a goroutine that only polls did not see the millisecond timer fire: clock %d, %v", seen, r)
	}
}
