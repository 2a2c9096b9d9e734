package sync_test

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"sort"
	"strings"
	stdsync "sync"
	"testing"
	"time"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/sync"
	simtime "github.com/gocourse/gocourse/sim/time"
)

// say writes to the run's output (or stdout outside a run).
func say(format string, args ...any) { fmt.Fprintf(sim.Stdout(), format, args...) }

// panicOf runs f and returns the message it panicked with, or "".
func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

// run runs body once under sim and fails the test unless it passes.
func run(t *testing.T, body func()) *sim.Result {
	t.Helper()
	r := sim.Run(body, sim.Options{Seed: 1})
	if r.Failed() {
		t.Fatalf("run failed:\n%v", r)
	}
	return r
}

// outcomes explores every schedule of body with at most two preemptions
// (DFS) and returns the set of "outcome|output|panic" it can end with.
func outcomes(t *testing.T, body func()) []string {
	t.Helper()
	set := map[string]bool{}
	rep := sim.Explore(body, sim.Config{
		Strategy:  sim.DFS(2),
		Schedules: 200_000,
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

// Deterministic programs, written once against the real package and once
// against the drop-in, print the same and panic with the same words.
func TestDifferential(t *testing.T) {
	tests := []struct {
		name string
		real func(say func(string, ...any))
		sim  func(say func(string, ...any))
	}{
		{"waitgroup counts down",
			func(say func(string, ...any)) {
				var wg stdsync.WaitGroup
				var mu stdsync.Mutex
				n := 0
				for i := range 5 {
					wg.Add(1)
					go func() { defer wg.Done(); mu.Lock(); n += i; mu.Unlock() }()
				}
				wg.Wait()
				wg.Go(func() { n *= 2 })
				wg.Wait()
				say("n=%d", n)
			},
			func(say func(string, ...any)) {
				var wg sync.WaitGroup
				var mu sync.Mutex
				n := 0
				for i := range 5 {
					wg.Add(1)
					sim.Go(func() { defer wg.Done(); mu.Lock(); n += i; mu.Unlock() })
				}
				wg.Wait()
				wg.Go(func() { n *= 2 })
				wg.Wait()
				say("n=%d", n)
			}},
		{"negative waitgroup counter",
			func(say func(string, ...any)) {
				var wg stdsync.WaitGroup
				wg.Add(1)
				say("%q ", panicOf(func() { wg.Add(-2) }))
				say("%q", panicOf(func() { var wg stdsync.WaitGroup; wg.Done() }))
			},
			func(say func(string, ...any)) {
				var wg sync.WaitGroup
				wg.Add(1)
				say("%q ", panicOf(func() { wg.Add(-2) }))
				say("%q", panicOf(func() { var wg sync.WaitGroup; wg.Done() }))
			}},
		{"trylock",
			func(say func(string, ...any)) {
				var mu stdsync.Mutex
				var rw stdsync.RWMutex
				say("%v %v ", mu.TryLock(), mu.TryLock())
				mu.Unlock()
				say("%v ", mu.TryLock())
				say("%v %v %v ", rw.TryRLock(), rw.TryRLock(), rw.TryLock())
				rw.RUnlock()
				rw.RUnlock()
				say("%v %v %v", rw.TryLock(), rw.TryRLock(), rw.TryLock())
			},
			func(say func(string, ...any)) {
				var mu sync.Mutex
				var rw sync.RWMutex
				say("%v %v ", mu.TryLock(), mu.TryLock())
				mu.Unlock()
				say("%v ", mu.TryLock())
				say("%v %v %v ", rw.TryRLock(), rw.TryRLock(), rw.TryLock())
				rw.RUnlock()
				rw.RUnlock()
				say("%v %v %v", rw.TryLock(), rw.TryRLock(), rw.TryLock())
			}},
		{"once and its panics",
			func(say func(string, ...any)) {
				var once stdsync.Once
				say("%q ", panicOf(func() { once.Do(func() { panic("boom") }) }))
				once.Do(func() { say("again ") })
				f := stdsync.OnceFunc(func() { panic("once") })
				say("%q %q ", panicOf(f), panicOf(f))
				calls := 0
				v := stdsync.OnceValue(func() int { calls++; return 42 })
				say("%d %d %d ", v(), v(), calls)
				vs := stdsync.OnceValues(func() (int, error) { calls++; return 7, os.ErrNotExist })
				a, err := vs()
				b, _ := vs()
				say("%d %d %v %d ", a, b, err, calls)
				pv := stdsync.OnceValue(func() int { panic(fmt.Errorf("bad %d", 1)) })
				say("%q %q", panicOf(func() { pv() }), panicOf(func() { pv() }))
			},
			func(say func(string, ...any)) {
				var once sync.Once
				say("%q ", panicOf(func() { once.Do(func() { panic("boom") }) }))
				once.Do(func() { say("again ") })
				f := sync.OnceFunc(func() { panic("once") })
				say("%q %q ", panicOf(f), panicOf(f))
				calls := 0
				v := sync.OnceValue(func() int { calls++; return 42 })
				say("%d %d %d ", v(), v(), calls)
				vs := sync.OnceValues(func() (int, error) { calls++; return 7, os.ErrNotExist })
				a, err := vs()
				b, _ := vs()
				say("%d %d %v %d ", a, b, err, calls)
				pv := sync.OnceValue(func() int { panic(fmt.Errorf("bad %d", 1)) })
				say("%q %q", panicOf(func() { pv() }), panicOf(func() { pv() }))
			}},
		{"map",
			func(say func(string, ...any)) {
				var m stdsync.Map
				v, ok := m.Load("a")
				say("%v %v ", v, ok)
				m.Store("a", 1)
				v, loaded := m.LoadOrStore("a", 2)
				say("%v %v ", v, loaded)
				v, loaded = m.LoadOrStore("b", 3)
				say("%v %v ", v, loaded)
				v, loaded = m.Swap("a", 10)
				say("%v %v ", v, loaded)
				v, loaded = m.Swap("c", 5)
				say("%v %v ", v, loaded)
				say("%v %v ", m.CompareAndSwap("a", 1, 11), m.CompareAndSwap("a", 10, 11))
				say("%v %v %v ", m.CompareAndDelete("b", 4), m.CompareAndDelete("b", 3), m.CompareAndDelete("zz", nil))
				v, loaded = m.LoadAndDelete("c")
				say("%v %v ", v, loaded)
				m.Delete("nothing")
				sum := 0
				m.Range(func(k, v any) bool { sum += v.(int); return true })
				say("sum=%d ", sum)
				say("%q ", panicOf(func() { m.Store([]int{1}, 1) }))
				m.Store("s", []int{1})
				say("%q ", panicOf(func() { m.CompareAndSwap("s", []int{1}, 2) }))
				m.Clear()
				n := 0
				m.Range(func(k, v any) bool { n++; return true })
				say("n=%d", n)
			},
			func(say func(string, ...any)) {
				var m sync.Map
				v, ok := m.Load("a")
				say("%v %v ", v, ok)
				m.Store("a", 1)
				v, loaded := m.LoadOrStore("a", 2)
				say("%v %v ", v, loaded)
				v, loaded = m.LoadOrStore("b", 3)
				say("%v %v ", v, loaded)
				v, loaded = m.Swap("a", 10)
				say("%v %v ", v, loaded)
				v, loaded = m.Swap("c", 5)
				say("%v %v ", v, loaded)
				say("%v %v ", m.CompareAndSwap("a", 1, 11), m.CompareAndSwap("a", 10, 11))
				say("%v %v %v ", m.CompareAndDelete("b", 4), m.CompareAndDelete("b", 3), m.CompareAndDelete("zz", nil))
				v, loaded = m.LoadAndDelete("c")
				say("%v %v ", v, loaded)
				m.Delete("nothing")
				sum := 0
				m.Range(func(k, v any) bool { sum += v.(int); return true })
				say("sum=%d ", sum)
				say("%q ", panicOf(func() { m.Store([]int{1}, 1) }))
				m.Store("s", []int{1})
				say("%q ", panicOf(func() { m.CompareAndSwap("s", []int{1}, 2) }))
				m.Clear()
				n := 0
				m.Range(func(k, v any) bool { n++; return true })
				say("n=%d", n)
			}},
		{"cond broadcast wakes every waiter",
			func(say func(string, ...any)) {
				var mu stdsync.Mutex
				c := stdsync.NewCond(&mu)
				ready, woken := false, 0
				var wg stdsync.WaitGroup
				for range 3 {
					wg.Go(func() {
						mu.Lock()
						for !ready {
							c.Wait()
						}
						woken++
						mu.Unlock()
					})
				}
				mu.Lock()
				ready = true
				c.Broadcast()
				mu.Unlock()
				wg.Wait()
				say("woken=%d", woken)
			},
			func(say func(string, ...any)) {
				var mu sync.Mutex
				c := sync.NewCond(&mu)
				ready, woken := false, 0
				var wg sync.WaitGroup
				for range 3 {
					wg.Go(func() {
						mu.Lock()
						for !ready {
							c.Wait()
						}
						woken++
						mu.Unlock()
					})
				}
				mu.Lock()
				ready = true
				c.Broadcast()
				mu.Unlock()
				wg.Wait()
				say("woken=%d", woken)
			}},
		{"pool",
			func(say func(string, ...any)) {
				p := stdsync.Pool{New: func() any { return "new" }}
				say("%v ", p.Get())
				var empty stdsync.Pool
				say("%v", empty.Get())
			},
			func(say func(string, ...any)) {
				p := sync.Pool{New: func() any { return "new" }}
				say("%v ", p.Get())
				var empty sync.Pool
				say("%v", empty.Get())
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want strings.Builder
			tt.real(func(f string, a ...any) { fmt.Fprintf(&want, f, a...) })
			for seed := range uint64(5) {
				r := sim.Run(func() { tt.sim(say) }, sim.Options{Seed: seed})
				if r.Failed() || r.Output != want.String() {
					t.Fatalf("seed %d:\nsim:  %q\nreal: %q\n%v", seed, r.Output, want.String(), r)
				}
			}
		})
	}
}

// The runtime's fatal errors are not panics: the real ones kill the
// process, so they are compared with a child process, and under sim they
// end the run whatever the program defers or recovers.
func TestFatalErrors(t *testing.T) {
	cases := []struct {
		name string
		real func()
		sim  func()
		want string
	}{
		{"mutex", func() { var mu stdsync.Mutex; mu.Unlock() }, func() { var mu sync.Mutex; mu.Unlock() },
			"fatal error: sync: unlock of unlocked mutex"},
		{"rwmutex", func() { var rw stdsync.RWMutex; rw.Unlock() }, func() { var rw sync.RWMutex; rw.Unlock() },
			"fatal error: sync: Unlock of unlocked RWMutex"},
		{"rwmutex read", func() { var rw stdsync.RWMutex; rw.RUnlock() }, func() { var rw sync.RWMutex; rw.RUnlock() },
			"fatal error: sync: RUnlock of unlocked RWMutex"},
		{"rwmutex read while writing", func() { var rw stdsync.RWMutex; rw.Lock(); rw.RUnlock() }, func() { var rw sync.RWMutex; rw.Lock(); rw.RUnlock() },
			"fatal error: sync: RUnlock of unlocked RWMutex"},
	}
	if name := os.Getenv("SIMSYNC_FATAL"); name != "" {
		for _, c := range cases {
			if c.name == name {
				defer func() { recover() }() // cannot stop a fatal error
				c.real()
			}
		}
		os.Exit(0)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestFatalErrors$")
			cmd.Env = append(os.Environ(), "SIMSYNC_FATAL="+c.name)
			out, _ := cmd.CombinedOutput()
			if first, _, _ := strings.Cut(string(out), "\n"); first != c.want {
				t.Fatalf("real program printed %q, want %q", first, c.want)
			}
			r := sim.Run(func() {
				defer func() { recover(); say("recovered") }()
				c.sim()
			}, sim.Options{})
			if r.Outcome != sim.Panic || r.Message != c.want || r.Output != "" {
				t.Fatalf("sim: %v (output %q), want %q", r, r.Output, c.want)
			}
		})
	}
}

// Every schedule of a program that locks correctly gives the one right
// answer; without the lock, DFS finds the lost update.
func TestMutualExclusion(t *testing.T) {
	counter := func(lock bool) func() {
		return func() {
			var mu sync.Mutex
			var wg sync.WaitGroup
			n := 0
			for range 3 {
				wg.Go(func() {
					if lock {
						mu.Lock()
						defer mu.Unlock()
					}
					v := n
					sim.Gosched()
					n = v + 1
				})
			}
			wg.Wait()
			say("%d", n)
		}
	}
	if got := outcomes(t, counter(true)); !slices.Equal(got, []string{"pass|3"}) {
		t.Errorf("with the lock: %v", got)
	}
	if got := outcomes(t, counter(false)); !slices.Contains(got, "pass|1") || !slices.Contains(got, "pass|3") {
		t.Errorf("without the lock: %v", got)
	}
}

func TestRWMutexAllowsReadersTogether(t *testing.T) {
	got := outcomes(t, func() {
		var rw sync.RWMutex
		var wg sync.WaitGroup
		readers, most := 0, 0
		for range 2 {
			wg.Go(func() {
				rw.RLock()
				readers++
				most = max(most, readers)
				sim.Gosched()
				readers--
				rw.RUnlock()
			})
		}
		wg.Go(func() {
			rw.Lock()
			if readers != 0 {
				say("writer with readers! ")
			}
			rw.Unlock()
		})
		wg.Wait()
		say("%d", most)
	})
	if !slices.Equal(got, []string{"pass|1", "pass|2"}) {
		t.Errorf("got %v", got)
	}
}

// Classic bugs, found by search, reported with the runtime's wait reasons
// and the place in the program.
func TestClassicBugs(t *testing.T) {
	tests := []struct {
		name     string
		body     func()
		strategy sim.Strategy
		outcome  sim.Outcome
		want     []string
	}{
		{"WaitGroup.Add inside the goroutine", func() {
			var wg sync.WaitGroup
			done := 0
			for range 2 {
				sim.Go(func() {
					wg.Add(1)
					defer wg.Done()
					done++
				})
			}
			wg.Wait()
			if done != 2 {
				sim.Errorf("Wait returned with %d of 2 workers done", done)
			}
		}, sim.DFS(1), sim.Failed, []string{"Wait returned with 0 of 2 workers done"}},

		{"recursive RLock with a pending writer", func() {
			var rw sync.RWMutex
			var wg sync.WaitGroup
			wg.Go(func() {
				rw.RLock()
				defer rw.RUnlock()
				sim.Gosched()
				rw.RLock() // a writer may be waiting by now
				rw.RUnlock()
			})
			wg.Go(func() {
				rw.Lock()
				rw.Unlock()
			})
			wg.Wait()
		}, sim.DFS(2), sim.Deadlock, []string{
			"[sync.WaitGroup.Wait] on waitgroup#1 at sync_test.go:",
			"[sync.RWMutex.RLock] on rwmutex#1 at sync_test.go:",
			"[sync.RWMutex.Lock] on rwmutex#1 at sync_test.go:"}},

		{"AB-BA locking", func() {
			var a, b sync.Mutex
			var wg sync.WaitGroup
			wg.Go(func() { a.Lock(); b.Lock(); b.Unlock(); a.Unlock() })
			wg.Go(func() { b.Lock(); a.Lock(); a.Unlock(); b.Unlock() })
			wg.Wait()
		}, sim.DFS(1), sim.Deadlock, []string{
			"[sync.Mutex.Lock] on mutex#2 at sync_test.go:",
			"[sync.Mutex.Lock] on mutex#1 at sync_test.go:"}},

		{"AB-BA locking (PCT)", func() {
			var a, b sync.Mutex
			var wg sync.WaitGroup
			wg.Go(func() { a.Lock(); b.Lock(); b.Unlock(); a.Unlock() })
			wg.Go(func() { b.Lock(); a.Lock(); a.Unlock(); b.Unlock() })
			wg.Wait()
		}, sim.PCT(2, 1), sim.Deadlock, []string{"[sync.Mutex.Lock] on mutex#"}},

		{"lost Cond signal: waiting without checking the condition", func() {
			var mu sync.Mutex
			c := sync.NewCond(&mu)
			sim.Go(func() {
				mu.Lock()
				c.Signal() // nobody waits yet: lost
				mu.Unlock()
			})
			mu.Lock()
			c.Wait()
			mu.Unlock()
		}, sim.DFS(1), sim.Deadlock, []string{"goroutine 1 [sync.Cond.Wait] on cond#1 at sync_test.go:"}},

		{"WaitGroup reused before Wait returned", func() {
			var wg sync.WaitGroup
			wg.Add(1)
			sim.Go(func() {
				wg.Done()
				wg.Add(1) // a new round, before the waiter has run
				wg.Done()
			})
			wg.Wait()
		}, sim.DFS(1), sim.Panic, []string{"panic: sync: WaitGroup is reused before previous Wait has returned"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			rep := sim.Explore(tt.body, sim.Config{Strategy: tt.strategy, Schedules: 100_000})
			if rep.Failure == nil {
				t.Fatalf("not found: %v", rep)
			}
			report := rep.Failure.String()
			if rep.Failure.Outcome != tt.outcome {
				t.Fatalf("found %v, want %v:\n%s", rep.Failure.Outcome, tt.outcome, report)
			}
			for _, w := range tt.want {
				if !strings.Contains(report, w) {
					t.Errorf("report lacks %q:\n%s", w, report)
				}
			}
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("took %v", el)
			}
			st, err := sim.Replay(rep.Token)
			if err != nil {
				t.Fatal(err)
			}
			if r := sim.Run(tt.body, sim.Options{Strategy: st}); r.Outcome != tt.outcome || r.Message != rep.Failure.Message {
				t.Errorf("token %s replays as %v", rep.Token, r)
			}
		})
	}
}

// A package-level lock left locked by a run that deadlocked starts the
// next run unlocked, with no stale waiters, as in a new process.
var (
	pkgMu   sync.Mutex
	pkgWG   sync.WaitGroup
	pkgOnce sync.Once
)

func TestPackageLevelStateIsPerRun(t *testing.T) {
	r := sim.Run(func() {
		pkgMu.Lock()
		pkgWG.Add(1)
		pkgOnce.Do(func() { say("once") })
		sim.Go(func() { pkgMu.Lock() })
		pkgWG.Wait()
	}, sim.Options{})
	if r.Outcome != sim.Deadlock || r.Output != "once" {
		t.Fatalf("first run: %v", r)
	}
	r = run(t, func() {
		pkgMu.Lock()
		pkgMu.Unlock()
		pkgWG.Wait()
		pkgOnce.Do(func() { say("once") })
	})
	if r.Output != "once" {
		t.Fatalf("second run printed %q", r.Output)
	}
}

// State set up outside any run (an init function) is kept.
var initOnce sync.Once

func init() { initOnce.Do(func() {}) }

func TestStateFromInitIsKept(t *testing.T) {
	for range 2 {
		r := run(t, func() { initOnce.Do(func() { say("again") }) })
		if r.Output != "" {
			t.Fatalf("init's Once ran again")
		}
	}
}

func TestTrace(t *testing.T) {
	r := run(t, func() {
		var mu sync.Mutex
		var wg sync.WaitGroup
		mu.Lock()
		wg.Go(func() { mu.Lock(); mu.Unlock() })
		sim.Gosched()
		mu.Unlock()
		wg.Wait()
	})
	var ops []string
	for _, e := range r.Trace {
		if e.Chan != "" {
			ops = append(ops, fmt.Sprintf("G%d %s %s", e.G, e.Op, e.Chan))
		}
	}
	got := strings.Join(ops, "\n")
	for _, w := range []string{"G1 lock mutex#1", "G1 add waitgroup#1", "park mutex#1", "G1 unlock mutex#1", "G2 lock mutex#1", "G2 done waitgroup#1"} {
		if !strings.Contains(got, w) {
			t.Errorf("trace lacks %q:\n%s", w, got)
		}
	}
}

// A waiter passed over for more than 1ms of virtual time makes the mutex
// hand the lock over in FIFO order (starvation mode), as the real Mutex
// does: the holder cannot take it back at once. In normal mode the last
// Lock would barge in ahead of the woken waiter when nothing preempts it.
func TestStarvationMode(t *testing.T) {
	got := outcomes(t, func() {
		var mu sync.Mutex
		mu.Lock()
		sim.Go(func() { mu.Lock(); say("waiter "); mu.Unlock() })
		simtime.Sleep(2 * time.Millisecond) // the waiter parks, and waits 2ms
		mu.Unlock()
		mu.Lock()
		simtime.Sleep(1) // the waiter runs: the lock is taken, it has starved
		say("b1 ")
		mu.Unlock() // hands the lock to the waiter
		mu.Lock()
		say("b2")
		mu.Unlock()
	})
	// "waiter b1 b2": the waiter took the lock before the holder's second
	// Lock. Never "b1 b2 waiter".
	if !slices.Equal(got, []string{"pass|b1 waiter b2", "pass|waiter b1 b2"}) {
		t.Errorf("got %v", got)
	}
}

func TestOutsideARun(t *testing.T) {
	var mu sync.Mutex
	mu.Lock()
	if mu.TryLock() {
		t.Fatal("TryLock of a locked mutex")
	}
	mu.Unlock()
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Wait()
	if msg := panicOf(func() { mu.Lock(); mu.Lock() }); !strings.Contains(msg, "outside a sim run") {
		t.Fatalf("blocking outside a run: %q", msg)
	}
}
