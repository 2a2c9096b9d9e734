package context_test

import (
	stdcontext "context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	stdtime "time"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/context"
	"github.com/gocourse/gocourse/sim/time"
)

type keyT struct{}
type named string

func (n named) String() string { return "named:" + string(n) }

// Each scenario is written twice: on the real runtime inside a
// testing/synctest bubble (the judge), and under sim. The logs, with
// virtual times relative to the start, must be equal.
var scenarios = []struct {
	name string
	real func(log func(string, ...any))
	sim  func(log func(string, ...any))
}{
	{"names",
		func(log func(string, ...any)) {
			bg := stdcontext.Background()
			c1, cancel := stdcontext.WithCancel(bg)
			defer cancel()
			c2 := stdcontext.WithValue(c1, "k", named("v"))
			c3 := stdcontext.WithValue(c2, keyT{}, 3)
			c4, cancel4 := stdcontext.WithTimeout(stdcontext.WithoutCancel(c3), stdtime.Second)
			defer cancel4()
			c5, cancel5 := stdcontext.WithCancelCause(stdcontext.TODO())
			defer cancel5(nil)
			log("%v | %v | %v | %v | %v", bg, c1, c3, c4, c5)
		},
		func(log func(string, ...any)) {
			bg := context.Background()
			c1, cancel := context.WithCancel(bg)
			defer cancel()
			c2 := context.WithValue(c1, "k", named("v"))
			c3 := context.WithValue(c2, keyT{}, 3)
			c4, cancel4 := context.WithTimeout(context.WithoutCancel(c3), time.Second)
			defer cancel4()
			c5, cancel5 := context.WithCancelCause(context.TODO())
			defer cancel5(nil)
			log("%v | %v | %v | %v | %v", bg, c1, c3, c4, c5)
		}},
	{"timeouts fire at their virtual time, children first capped by parents",
		func(log func(string, ...any)) {
			start := stdtime.Now()
			parent, cancel := stdcontext.WithTimeoutCause(stdcontext.Background(), 2*stdtime.Second, errors.New("too slow"))
			defer cancel()
			child, cancelChild := stdcontext.WithTimeout(parent, 5*stdtime.Second)
			defer cancelChild()
			short, cancelShort := stdcontext.WithTimeout(child, stdtime.Second)
			defer cancelShort()
			d, ok := child.Deadline()
			log("child deadline %v %v", d.Sub(start), ok)
			<-short.Done()
			log("short done at %v: %v, cause %v; parent %v", stdtime.Since(start), short.Err(), stdcontext.Cause(short), parent.Err())
			<-child.Done()
			log("child done at %v: %v, cause %v, is %v", stdtime.Since(start), child.Err(), stdcontext.Cause(child), errors.Is(child.Err(), stdcontext.DeadlineExceeded))
			log("parent %v", parent.Err())
		},
		func(log func(string, ...any)) {
			start := time.Now()
			parent, cancel := context.WithTimeoutCause(context.Background(), 2*time.Second, errors.New("too slow"))
			defer cancel()
			child, cancelChild := context.WithTimeout(parent, 5*time.Second)
			defer cancelChild()
			short, cancelShort := context.WithTimeout(child, time.Second)
			defer cancelShort()
			d, ok := child.Deadline()
			log("child deadline %v %v", d.Sub(start), ok)
			short.Done().Recv()
			log("short done at %v: %v, cause %v; parent %v", time.Since(start), short.Err(), context.Cause(short), parent.Err())
			child.Done().Recv()
			log("child done at %v: %v, cause %v, is %v", time.Since(start), child.Err(), context.Cause(child), errors.Is(child.Err(), stdcontext.DeadlineExceeded))
			log("parent %v", parent.Err())
		}},
	{"cancel propagates, with causes, AfterFunc and WithoutCancel",
		func(log func(string, ...any)) {
			root, cancel := stdcontext.WithCancelCause(stdcontext.Background())
			kid, cancelKid := stdcontext.WithCancel(stdcontext.WithValue(root, "k", 1))
			defer cancelKid()
			free := stdcontext.WithoutCancel(kid)
			ran := make(chan string, 1)
			stop := stdcontext.AfterFunc(kid, func() { ran <- "after" })
			stop2 := stdcontext.AfterFunc(kid, func() { ran <- "never" })
			log("stop2 %v %v", stop2(), stop2())
			cancel(errors.New("shutdown"))
			<-kid.Done()
			log("%v %v %v %v", kid.Err(), stdcontext.Cause(kid), errors.Is(kid.Err(), stdcontext.Canceled), kid.Value("k"))
			log("%v stop %v", <-ran, stop())
			log("free %v %v %v %v", free.Err(), free.Done() == nil, stdcontext.Cause(free), free.Value("k"))
			late, cancelLate := stdcontext.WithCancel(kid)
			defer cancelLate()
			log("late %v", late.Err())
			past, cancelPast := stdcontext.WithDeadline(stdcontext.Background(), stdtime.Now().Add(-stdtime.Second))
			defer cancelPast()
			log("past %v", past.Err())
		},
		func(log func(string, ...any)) {
			root, cancel := context.WithCancelCause(context.Background())
			kid, cancelKid := context.WithCancel(context.WithValue(root, "k", 1))
			defer cancelKid()
			free := context.WithoutCancel(kid)
			ran := sim.MakeChan[string](1)
			stop := context.AfterFunc(kid, func() { ran.Send("after") })
			stop2 := context.AfterFunc(kid, func() { ran.Send("never") })
			log("stop2 %v %v", stop2(), stop2())
			cancel(errors.New("shutdown"))
			kid.Done().Recv()
			log("%v %v %v %v", kid.Err(), context.Cause(kid), errors.Is(kid.Err(), stdcontext.Canceled), kid.Value("k"))
			log("%v stop %v", ran.Recv(), stop())
			log("free %v %v %v %v", free.Err(), free.Done() == nil, context.Cause(free), free.Value("k"))
			late, cancelLate := context.WithCancel(kid)
			defer cancelLate()
			log("late %v", late.Err())
			past, cancelPast := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
			defer cancelPast()
			log("past %v", past.Err())
		}},
	{"panics",
		func(log func(string, ...any)) {
			log("%q %q %q", panicOf(func() { _ = stdcontext.WithValue(stdcontext.Background(), nil, 1) }),
				panicOf(func() { _ = stdcontext.WithValue(stdcontext.Background(), []int{}, 1) }),
				panicOf(func() { _, cancel := stdcontext.WithCancel(nil); cancel() }))
		},
		func(log func(string, ...any)) {
			log("%q %q %q", panicOf(func() { _ = context.WithValue(context.Background(), nil, 1) }),
				panicOf(func() { _ = context.WithValue(context.Background(), []int{}, 1) }),
				panicOf(func() { _, cancel := context.WithCancel(nil); cancel() }))
		}},
}

func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func TestAgainstRealInBubble(t *testing.T) {
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			var real []string
			synctest.Test(t, func(t *testing.T) {
				sc.real(func(f string, a ...any) { real = append(real, fmt.Sprintf(f, a...)) })
			})
			t.Logf("real: %q", real)
			for seed := range uint64(5) {
				var got []string
				r := sim.Run(func() {
					sc.sim(func(f string, a ...any) { got = append(got, fmt.Sprintf(f, a...)) })
				}, sim.Options{Seed: seed})
				if r.Failed() || !slices.Equal(got, real) {
					t.Fatalf("seed %d:\nsim:  %q\nreal: %q\n%v", seed, got, real, r)
				}
			}
		})
	}
}

// In every schedule (DFS, two preemptions), a goroutine watching a child
// context sees it cancelled with the parent's error once the parent is.
func TestCancelPropagatesInEverySchedule(t *testing.T) {
	n := 0
	rep := sim.Explore(func() {
		parent, cancel := context.WithCancel(context.Background())
		child, cancelChild := context.WithTimeout(parent, time.Hour)
		defer cancelChild()
		got := sim.MakeChan[error](0)
		sim.Go(func() {
			child.Done().Recv()
			got.Send(child.Err())
		})
		cancel()
		if err := got.Recv(); err != context.Canceled {
			sim.Errorf("child ended with %v", err)
		}
		if time.Since(sim.Epoch) != 0 {
			sim.Errorf("time moved")
		}
	}, sim.Config{Strategy: sim.DFS(2), Schedules: 100_000, Each: func(*sim.Result) { n++ }})
	if rep.Failure != nil || !rep.Exhausted {
		t.Fatalf("%v", rep)
	}
	t.Logf("%d schedules", n)
}

// A goroutine waiting on a context nobody cancels is a leak, reported with
// the context's Done channel and the line it waits at.
func TestLeakOnDoneOfContextNeverCancelled(t *testing.T) {
	r := sim.Run(func() {
		ctx, cancel := context.WithCancel(context.Background())
		_ = cancel // forgotten
		results := sim.MakeChan[int](0)
		sim.Go(func() {
			switch sim.Select(false, sim.RecvCase(ctx.Done(), nil, nil), sim.SendCase(results, 1)) {
			}
		})
		sim.Go(func() {
			ctx.Done().Recv()
		})
	}, sim.Options{})
	s := r.String()
	if r.Outcome != sim.Leak ||
		!strings.Contains(s, "goroutine 2 [select] on <-ctx#1.Done, results") && !strings.Contains(s, "goroutine 2 [select] on <-ctx#1.Done, chan#") ||
		!strings.Contains(s, "goroutine 3 [chan receive] on ctx#1.Done at context_test.go:") {
		t.Fatalf("got\n%s", s)
	}
}

func TestTimeoutAtExactVirtualTime(t *testing.T) {
	r := sim.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
		defer cancel()
		start := time.Now()
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			var now time.Time
			switch sim.Select(false, sim.RecvCase(ctx.Done(), nil, nil), sim.RecvCase(tick.C, &now, nil)) {
			case 0:
				fmt.Fprintf(sim.Stdout(), "done at %v: %v\n", time.Since(start), ctx.Err())
				return
			case 1:
				fmt.Fprintf(sim.Stdout(), "tick at %v, err %v\n", now.Sub(start), ctx.Err())
			}
		}
	}, sim.Options{Strategy: sim.DFS(0)})
	// At 1.5s the ticker and the deadline are due together: the tick was
	// started later, so it fires after the deadline's timer, but the
	// cancel runs on a goroutine of its own, as with the real runtime.
	if r.Failed() || !strings.HasPrefix(r.Output, "tick at 500ms, err <nil>\ntick at 1s, err <nil>\n") || !strings.HasSuffix(r.Output, "done at 1.5s: context deadline exceeded\n") {
		t.Fatalf("%q\n%v", r.Output, r)
	}
}

func TestTrace(t *testing.T) {
	r := sim.Run(func() {
		ctx, cancel := context.WithCancel(context.Background())
		ctx.Done()
		cancel()
	}, sim.Options{})
	var evs []string
	for _, e := range r.Trace {
		evs = append(evs, e.String())
	}
	all := strings.Join(evs, "\n")
	if !strings.Contains(all, "G1 cancel ctx#1 (context canceled)") || !strings.Contains(all, "G1 close ctx#1.Done") {
		t.Fatalf("trace:\n%s", all)
	}
}
