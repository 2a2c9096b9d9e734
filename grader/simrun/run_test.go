package simrun

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
)

func explore(t *testing.T, dir string, h harness.Config, files ...string) *Report {
	t.Helper()
	abs, _ := filepath.Abs(filepath.Join("testdata", dir))
	var full []string
	for _, f := range files {
		full = append(full, filepath.Join(abs, f))
	}
	rep, err := Run(context.Background(), Config{Dir: abs, Files: full, Harness: h})
	if err != nil {
		t.Fatalf("Run(%s): %v", dir, err)
	}
	return rep
}

// build builds the package in testdata/dir once for the test's runs (see
// Program): explore, then its replays, share it.
func build(t testing.TB, dir string, race bool) *Program {
	t.Helper()
	abs, _ := filepath.Abs(filepath.Join("testdata", dir))
	p, err := Build(context.Background(), Config{Dir: abs, Race: race})
	if err != nil {
		t.Fatalf("Build(%s): %v", dir, err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// runProgram runs a built program with the harness configuration h.
func runProgram(t testing.TB, p *Program, h harness.Config) *Report {
	t.Helper()
	rep, err := p.Run(context.Background(), h)
	if err != nil {
		t.Fatalf("Run(%s): %v", p.dir, err)
	}
	return rep
}

func TestExploreFindsDeadlockAndReplaysIt(t *testing.T) {
	prog := build(t, "deadlock", false)
	rep := runProgram(t, prog, harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 500})
	r := rep.Result
	if r == nil || r.Outcome != sim.Deadlock {
		t.Fatalf("want a deadlock, got %+v", rep)
	}
	if !rep.Main || rep.Target != "main" || rep.Replay == "" {
		t.Errorf("report: main=%v target=%q replay=%q", rep.Main, rep.Target, rep.Replay)
	}
	if len(r.Goroutines) != 2 || r.Goroutines[0].Pos != "main.go:20" || r.Goroutines[1].State != "chan receive" {
		t.Errorf("goroutines: %+v", r.Goroutines)
	}
	for range 3 {
		again := runProgram(t, prog, harness.Config{Replay: rep.Replay})
		a := again.Result
		if a.Outcome != r.Outcome || a.Output != r.Output || a.TimeNS != r.TimeNS || a.Steps != r.Steps || len(a.Trace) != len(r.Trace) {
			t.Fatalf("replay differs: %v %q %d steps vs %v %q %d steps", a.Outcome, a.Output, a.Steps, r.Outcome, r.Output, r.Steps)
		}
	}
}

func TestExploreTestsNamesTheFailingTest(t *testing.T) {
	prog := build(t, "leaktest", false)
	rep := runProgram(t, prog, harness.Config{Mode: "explore", Strategy: "dfs", Preemptions: 1, Schedules: 1000, Run: "."})
	r := rep.Result
	if r == nil || r.Outcome != sim.Leak || rep.Target != "TestThree" {
		t.Fatalf("want TestThree to leak, got target %q result %+v", rep.Target, r)
	}
	if !strings.HasPrefix(rep.Replay, "TestThree@") {
		t.Errorf("replay token %q does not name the test", rep.Replay)
	}
	again := runProgram(t, prog, harness.Config{Replay: rep.Replay})
	if again.Result.Outcome != sim.Leak || again.Target != "TestThree" {
		t.Errorf("replay: %s %+v", again.Target, again.Result)
	}
	pass := runProgram(t, prog, harness.Config{Mode: "explore", Strategy: "dfs", Preemptions: 2, Run: "TestOne"})
	if pass.Result != nil || !pass.Exhausted {
		t.Errorf("TestOne alone should pass exhaustively: %+v", pass)
	}
}

func TestOneFileOfAFolder(t *testing.T) {
	for _, f := range []string{"a.go", "b.go"} {
		rep := explore(t, "twofiles", harness.Config{Mode: "run"}, f)
		if rep.Result.Output != strings.TrimSuffix(f, ".go")+"\n" {
			t.Errorf("%s printed %q", f, rep.Result.Output)
		}
	}
}

func TestUnsupportedIsRefusedByName(t *testing.T) {
	abs, _ := filepath.Abs("testdata/reflectsel")
	_, err := Run(context.Background(), Config{Dir: abs, Harness: harness.Config{Mode: "run"}})
	var u *UnsupportedError
	if !errors.As(err, &u) || !strings.Contains(u.Msg, "main.go:8") || !strings.Contains(u.Msg, "reflect") {
		t.Fatalf("want an UnsupportedError naming main.go:8 and reflect, got %v", err)
	}
}

func TestExhaustivePass(t *testing.T) {
	rep := explore(t, "pingpong", harness.Config{Mode: "explore", Strategy: "dfs", Preemptions: 3, Schedules: 100000})
	if rep.Result != nil {
		t.Fatalf("pingpong is correct on every schedule; got %+v", rep.Result)
	}
	if !rep.Exhausted || rep.Schedules < 2 {
		t.Errorf("exhausted=%v after %d schedules", rep.Exhausted, rep.Schedules)
	}
}

func TestForgedReportIsRefused(t *testing.T) {
	abs, _ := filepath.Abs("testdata/forge")
	_, err := Run(context.Background(), Config{Dir: abs, Harness: harness.Config{Mode: "explore", Schedules: 10}})
	var exited *ExitError
	if !errors.As(err, &exited) || !strings.Contains(exited.Msg, "not written by its harness") {
		t.Fatalf("a program that writes its own report and exits: want an ExitError, got %v", err)
	}
}

// TestTestFilesOnly explores a folder that holds nothing but a test file.
func TestTestFilesOnly(t *testing.T) {
	rep := explore(t, "testonly", harness.Config{Mode: "explore", Strategy: "pct", Depth: 3, Seed: 1, Schedules: 1000})
	if rep.Result == nil || rep.Result.Outcome != sim.Deadlock || rep.Target != "TestOppositeOrders" {
		t.Fatalf("want TestOppositeOrders to deadlock, got target %q result %+v", rep.Target, rep.Result)
	}
}

// TestNetworkIsRefusedByName: a program that listens or dials would block in
// the real network, outside the scheduler: it is refused before it is built,
// each call named with its file:line.
func TestNetworkIsRefusedByName(t *testing.T) {
	abs, _ := filepath.Abs(filepath.Join("testdata", "network"))
	_, err := Run(context.Background(), Config{Dir: abs, Harness: harness.Config{Mode: "explore", Schedules: 1}})
	var unsupported *UnsupportedError
	if !errors.As(err, &unsupported) {
		t.Fatalf("want an UnsupportedError, got %v", err)
	}
	for _, want := range []string{"main.go:10:5: http.ListenAndServe uses the network", "main.go:12:5: ListenAndServe uses the network", "main.go:13:15: net.Dial uses the network"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal does not say %q:\n%v", want, err)
		}
	}
}

// Package-level initializers that wait (a WaitGroup, a channel receive, of one
// variable or two, of a channel type) run
// under the scheduler when the process starts, as init functions do, and
// give what the real program prints.
func TestInitializersThatWait(t *testing.T) {
	prog := `package main

import (
	"fmt"
	"sync"
)

var total = compute()

func compute() int {
	var wg sync.WaitGroup
	ch := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(i int) { defer wg.Done(); ch <- i }(i)
	}
	wg.Wait()
	close(ch)
	s := 0
	for v := range ch {
		s += v
	}
	return s
}

var first = <-produce()

func produce() chan int {
	c := make(chan int)
	go func() { c <- 42 }()
	return c
}

var pair, ok = <-pairs()

func pairs() chan string {
	c := make(chan string)
	go func() { c <- "two" }()
	return c
}

var results = start()

func start() <-chan int {
	c := make(chan int, 1)
	done := make(chan bool)
	go func() { c <- 7; done <- true }()
	<-done
	return c
}

func main() { fmt.Println(total, first, pair, ok, <-results) }
`
	dir := writeModule(t, map[string]string{"go.mod": "module example.com/inits\n\ngo 1.22\n", "main.go": prog})
	real := exec.Command("go", "run", ".")
	real.Dir = dir
	want, err := real.Output()
	if err != nil || string(want) != "6 42 two true 7\n" {
		t.Fatalf("go run: %v %q", err, want)
	}
	rep, err := Run(context.Background(), Config{Dir: dir, Harness: harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 20}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Result != nil || rep.First == nil || rep.First.Output != string(want) {
		t.Fatalf("want a pass printing %q, got %+v (first %+v)", want, rep.Result, rep.First)
	}
}

// An initializer explore cannot run under the scheduler (three variables)
// that waits ends the run with a message naming it, file:line.
func TestInitializerThatCannotBeWrappedIsNamed(t *testing.T) {
	dir := writeModule(t, map[string]string{"go.mod": "module example.com/init3\n\ngo 1.22\n", "main.go": `package main

import "fmt"

var a, b, c = three()

func three() (int, int, int) {
	ch := make(chan int)
	go func() { ch <- 1 }()
	return <-ch, 2, 3
}

func main() { fmt.Println(a, b, c) }
`})
	_, err := Run(context.Background(), Config{Dir: dir, Harness: harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 2}})
	var exited *ExitError
	if !errors.As(err, &exited) || !strings.Contains(exited.Msg, "the package-level initializer at main.go:5 waits") {
		t.Fatalf("want an error naming the initializer at main.go:5, got %v", err)
	}
}
