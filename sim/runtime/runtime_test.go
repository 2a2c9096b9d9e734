package runtime_test

import (
	"fmt"
	"os"
	"os/exec"
	stdruntime "runtime"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/runtime"
)

func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func TestScheduling(t *testing.T) {
	r := sim.Run(func() {
		out := sim.Stdout()
		fmt.Fprint(out, runtime.NumGoroutine(), " ")
		done := sim.MakeChan[bool](0)
		sim.Go(func() { done.Send(true) })
		fmt.Fprint(out, runtime.NumGoroutine(), " ")
		runtime.Gosched()
		done.Recv()
		fmt.Fprint(out, runtime.NumCPU(), " ", runtime.GOMAXPROCS(0), " ", runtime.GOMAXPROCS(1), " ", runtime.GOMAXPROCS(0), " ")
		runtime.SetDefaultGOMAXPROCS()
		fmt.Fprint(out, runtime.GOMAXPROCS(0))
		runtime.LockOSThread()
		runtime.UnlockOSThread()
	}, sim.Options{Strategy: sim.DFS(0)})
	if r.Failed() || r.Output != "1 2 4 4 4 1 4" {
		t.Fatalf("%q\n%v", r.Output, r)
	}
	// The setting belongs to the run.
	r = sim.Run(func() { fmt.Fprint(sim.Stdout(), runtime.GOMAXPROCS(0)) }, sim.Options{})
	if r.Output != "4" {
		t.Fatalf("next run starts with GOMAXPROCS %s", r.Output)
	}
}

func TestGoexitEndsTheGoroutine(t *testing.T) {
	r := sim.Run(func() {
		done := sim.MakeChan[bool](0)
		sim.Go(func() {
			defer done.Close()
			runtime.Goexit()
			fmt.Fprint(sim.Stdout(), "not reached")
		})
		done.Recv()
	}, sim.Options{})
	if r.Failed() || r.Output != "" {
		t.Fatalf("%v", r)
	}
}

// Caller and Callers see the caller's frames, as the real ones do.
func TestCallerPassesThrough(t *testing.T) {
	_, file, line, ok := runtime.Caller(0)
	_, rfile, rline, rok := stdruntime.Caller(0)
	if file != rfile || line != rline-1 || ok != rok {
		t.Errorf("Caller(0) = %s:%d, real %s:%d", file, line, rfile, rline)
	}
	pcs := make([]uintptr, 4)
	n := runtime.Callers(1, pcs)
	f, _ := runtime.CallersFrames(pcs[:n]).Next()
	if !strings.HasSuffix(f.Function, "TestCallerPassesThrough") {
		t.Errorf("Callers(1) starts at %s", f.Function)
	}
	if fn := runtime.FuncForPC(f.PC); fn == nil || fn.Name() != f.Function {
		t.Errorf("FuncForPC: %v", fn)
	}
	var err runtime.Error
	if msg := panicOf(func() {
		defer func() { err, _ = recover().(runtime.Error); panic(err) }()
		var m map[string]int
		m["x"] = 1
	}); err == nil || msg != "assignment to entry in nil map" {
		t.Errorf("runtime.Error: %v %q", err, msg)
	}
}

// Finalizers are checked like the real ones, whose errors are fatal (a
// child process shows the real message), and never run in a run.
func TestSetFinalizer(t *testing.T) {
	cases := []struct {
		name string
		f    func(func(any, any))
		want string
	}{
		{"nil", func(set func(any, any)) { set(nil, nil) }, "runtime.SetFinalizer: first argument is nil"},
		{"value", func(set func(any, any)) { set(1, nil) }, "runtime.SetFinalizer: first argument is int, not pointer"},
		{"not a func", func(set func(any, any)) { set(new(int), 3) }, "runtime.SetFinalizer: second argument is int, not a function"},
		{"wrong param", func(set func(any, any)) { set(new(int), func(*string) {}) }, "runtime.SetFinalizer: cannot pass *int to finalizer func(*string)"},
		{"variadic", func(set func(any, any)) { set(new(int), func(...*int) {}) }, "runtime.SetFinalizer: cannot pass *int to finalizer func(...*int) because dotdotdot"},
	}
	if name := os.Getenv("SIMRUNTIME_FINALIZER"); name != "" {
		for _, c := range cases {
			if c.name == name {
				c.f(stdruntime.SetFinalizer)
			}
		}
		os.Exit(0)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestSetFinalizer$")
			cmd.Env = append(os.Environ(), "SIMRUNTIME_FINALIZER="+c.name)
			out, _ := cmd.CombinedOutput()
			if first, _, _ := strings.Cut(string(out), "\n"); first != "fatal error: "+c.want {
				t.Fatalf("real: %q", first)
			}
			r := sim.Run(func() { c.f(runtime.SetFinalizer) }, sim.Options{})
			if r.Message != "fatal error: "+c.want {
				t.Fatalf("sim: %v", r)
			}
		})
	}
	r := sim.Run(func() {
		runtime.SetFinalizer(new([64]byte), func(*[64]byte) { fmt.Fprint(sim.Stdout(), "finalized") })
		runtime.SetFinalizer(new([64]byte), func(any) {})
		p := new(int)
		runtime.AddCleanup(p, func(int) { fmt.Fprint(sim.Stdout(), "cleaned") }, 0)
		runtime.GC()
		runtime.GC()
	}, sim.Options{})
	if r.Failed() || r.Output != "" {
		t.Fatalf("%v", r)
	}
}
