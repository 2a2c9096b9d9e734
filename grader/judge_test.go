package grader

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"time"

	"github.com/gocourse/gocourse/grader/simrun"
)

// events builds a go test -json stream: each entry is "Action Test [Output]".
func events(lines ...string) []byte {
	var b strings.Builder
	for _, l := range lines {
		parts := strings.SplitN(l, " ", 3)
		ev := map[string]string{"Action": parts[0], "Package": "x"}
		if len(parts) > 1 && parts[1] != "-" {
			ev["Test"] = parts[1]
		}
		if len(parts) > 2 {
			ev["Output"] = parts[2] + "\n"
		}
		data, _ := json.Marshal(ev)
		b.Write(data)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

func TestJudge(t *testing.T) {
	env := &Env{Dir: "/w/exercises/l/x", Root: "/w", Tests: []string{"TestA", "TestB"}}
	check := testSettings{CPU: []int{1, 2}, Timeout: time.Second}
	tests := []struct {
		name   string
		stream []byte
		pass   bool
		want   string
	}{
		{"all pass on every cpu", events("pass TestA", "pass TestB", "pass TestA", "pass TestB", "pass -"), true, ""},
		{"one cpu value missing", events("pass TestA", "pass TestB", "pass TestA"), false, "TestB passed 1 of 2 runs"},
		{"no events at all", events(), false, "TestA never finished"},
		{"forged pass in output", events("output TestA --- PASS: TestA (0.00s)", "output - ok  	x	0.1s", "pass TestB", "pass TestB"), false, "TestA never finished"},
		{"stray non-JSON lines are not results", append([]byte("--- PASS: TestA\nok x\n"), events("pass TestB", "pass TestB")...), false, "TestA never finished"},
		{"a subtest pass is not its parent's", events("pass TestA/sub", "pass TestA/sub", "pass TestB", "pass TestB"), false, "TestA never finished"},
		{"failure shows the test's message", events("output TestA     x_test.go:9: got 3, want 4", "fail TestA", "pass TestB", "pass TestB"), false, "TestA failed:\n  x_test.go:9: got 3, want 4"},
		{"skip is not a pass", events("skip TestA", "skip TestA", "pass TestB", "pass TestB"), false, "TestA was skipped"},
		{"timeout names the stuck goroutine", events(
			"output TestA panic: test timed out after 1s",
			"output TestA goroutine 7 [chan send]:",
			"output TestA x.Send()",
			"output TestA 	/w/exercises/l/x/x.go:12 +0x1d",
			"pass TestB", "pass TestB", "fail -"), false,
			"TestA: timed out after 1s: something blocks forever (a deadlock, or a goroutine waiting for a value that never comes)\n  goroutine 7 [chan send] at exercises/l/x/x.go:12"},
		{"race names both accesses", events(
			"output TestA WARNING: DATA RACE",
			"output TestA Write at 0x00c000012345 by goroutine 8:",
			"output TestA   x.inc()",
			"output TestA       /w/exercises/l/x/x.go:7 +0x44",
			"output TestA ",
			"output TestA Previous read at 0x00c000012345 by goroutine 7:",
			"output TestA   x.inc()",
			"output TestA       /w/exercises/l/x/x.go:6 +0x3a",
			"fail TestA", "pass TestB", "pass TestB"), false,
			"TestA: data race: write by goroutine 8 at exercises/l/x/x.go:7; previous read by goroutine 7 at exercises/l/x/x.go:6"},
		{"leak after passing tests", withReport(events("pass TestA", "pass TestB", "pass TestA", "pass TestB", "fail -"),
			&binaryReport{Code: 1, Goleak: "found unexpected goroutines:\n[Goroutine 9 in state chan receive, with x.Run.func1 on top of the stack:\n\t/w/exercises/l/x/x.go:20 +0x1d"}), false,
			`goroutine leak, found by goleak: 1 goroutine(s) were still running after the tests finished (the first blocked in "chan receive"), started or blocked at exercises/l/x/x.go:20`},
		{"leak goleak saw and the profile did not", withReport(events("pass TestA", "pass TestB", "pass TestA", "pass TestB", "fail -"),
			leakReport(0, "", "found unexpected goroutines:\n[Goroutine 9 in state sleep, with time.Sleep on top of the stack:\n\t/w/exercises/l/x/x.go:20 +0x1d")), false,
			"goroutine leak, found by goleak: 1 goroutine(s) were still running after the tests finished (the first blocked in \"sleep\"), started or blocked at exercises/l/x/x.go:20\n(Go's goroutine leak profile found none of them blocked forever"},
		{"leak profile names the goroutine blocked forever", withReport(events("pass TestA", "pass TestB", "pass TestA", "pass TestB", "fail -"),
			leakReport(1, "goroutine 21 [chan send (leaked)]:\nx.leak.func1()\n\t/w/exercises/l/x/x.go:16 +0x3d\ncreated by x.leak in goroutine 20\n\t/w/exercises/l/x/x.go:15 +0x9a", "")), false,
			"goroutine leak, found by Go's goroutine leak profile: 1 goroutine is blocked forever, waiting on something that no running goroutine can reach, so nothing can ever wake them:\n  goroutine 21 [chan send] at exercises/l/x/x.go:16, started at exercises/l/x/x.go:15"},
		{"leak profile speaks after a failed test too", withReport(events("output TestA     x_test.go:9: got 3, want 4", "fail TestA", "pass TestB", "pass TestA", "pass TestB", "fail -"),
			leakReport(1, "goroutine 21 [chan receive (leaked)]:\n\t/w/exercises/l/x/x.go:16 +0x3d", "")), false,
			"TestA failed:\n  x_test.go:9: got 3, want 4\ngoroutine leak, found by Go's goroutine leak profile: 1 goroutine is blocked forever"},
		{"the watch's deadlock names the running test", withReport(events("run TestA", "pass TestA", "run TestB", "output TestB     x_test.go:5: waiting"),
			&binaryReport{Code: 1, Deadlock: &leakFound{1, "goroutine 21 [chan receive (leaked)]:\nx.wait()\n\t/w/exercises/l/x/x.go:16 +0x3d"}}), false,
			"TestB: deadlock: 1 goroutine of your code is blocked forever on something no running goroutine can reach (Go's goroutine leak profile saw it while the test ran, so the test was stopped instead of left to time out):\n  goroutine 21 [chan receive] at exercises/l/x/x.go:16\n  before that, the test said:\n  x_test.go:5: waiting"},
		{"deadlock words printed by the program are not read", events("run TestA", "pass TestA", "pass TestA", "run TestB", "output TestB gocourse-deadlock: 1", "pass TestB", "pass TestB", "pass -"), true, ""},
		{"leak markers printed by the program are not read", events("pass TestA", "pass TestB", "pass TestA", "pass TestB",
			"output - gocourse-leak-profile: 1",
			"output - goroutine 21 [chan send (leaked)]:",
			"pass -"), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := parseTestJSON(tt.stream)
			if i := strings.Index(string(tt.stream), reportSep); i >= 0 {
				tr = parseTestJSON(tt.stream[:i])
				tr.report = parseReport(tt.stream[i+len(reportSep):])
				if d := tr.report.Deadlock; d != nil {
					tr.deadlocks[tr.unfinished()] = d
				}
			}
			res := env.judge(tr, check, true, true)
			if (res.Status == Pass) != tt.pass {
				t.Fatalf("status %s, want pass=%v; message:\n%s", res.Status, tt.pass, res.Message)
			}
			if !strings.Contains(res.Message, tt.want) {
				t.Errorf("message:\n%s\nwant it to contain:\n%s", res.Message, tt.want)
			}
		})
	}
}

// reportSep separates a test's event stream from the report withReport adds.
const reportSep = "\x00report\x00"

// withReport appends to an event stream the report the generated TestMain
// would send on its descriptor.
func withReport(stream []byte, rep *binaryReport) []byte {
	data, _ := json.Marshal(rep)
	return append(append(stream, reportSep...), data...)
}

// leakReport is a report of a failed leak check: n goroutines blocked forever
// with their stacks, and goleak's error.
func leakReport(n int, stacks, goleak string) *binaryReport {
	rep := &binaryReport{Code: 1, Goleak: goleak}
	rep.LeakProfile = &leakFound{n, stacks}
	return rep
}

func TestTestFuncs(t *testing.T) {
	src := `package x
import "testing"
func TestA(t *testing.T) {}
func Testify(t *testing.T) {}
func TestMain(m *testing.M) {}
func Test(t *testing.T) {}
func Test_b(t *testing.T) {}
func Test1(t *testing.T) {}
func Testé(t *testing.T) {}
func helper() {}
type T struct{}
func (T) TestC(t *testing.T) {}
`
	f := mustParse(t, src)
	got := strings.Join(simrun.TestFuncs(f), ",")
	if got != "TestA,Test,Test_b,Test1" {
		t.Errorf("testFuncs = %s", got)
	}
}

func mustParse(t *testing.T, src string) *ast.File {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "x_test.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// The runtime's and synctest's words for a leak and a deadlock are
// translated into the lessons'.
func TestBubbleWords(t *testing.T) {
	for crash, want := range map[string]string{
		"panic: deadlock: main bubble goroutine has exited but blocked goroutines remain [recovered, repanicked]": "That is a goroutine leak",
		"fatal error: all goroutines in bubble are blocked":                                                       "That is a deadlock",
		"panic: runtime error: index out of range [3] with length 3":                                              "",
	} {
		got := bubbleWords(crash)
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("bubbleWords(%q) = %q, want it to say %q", crash, got, want)
		}
	}
}

// TestMergeReruns holds a rerun's results to the tests it ran: they replace
// the earlier run's, and the tests it did not run keep theirs.
func TestMergeReruns(t *testing.T) {
	tests := []string{"TestA", "TestB", "TestC"}
	first := parseTestJSON(events(
		"run TestA", "pass TestA",
		"run TestB", "output TestB panic: boom", "fail TestB", "fail -"))
	if got := first.ender(tests); got != "TestB" {
		t.Fatalf("ender = %q, want TestB", got)
	}
	rest := first.unreported(tests, 2)
	if strings.Join(rest, ",") != "TestA,TestC" {
		t.Fatalf("unreported = %v, want TestA (one cpu of two) and TestC (never ran)", rest)
	}
	again := parseTestJSON(events("run TestA", "pass TestA", "run TestC", "fail TestC", "run TestA", "pass TestA", "pass TestC"))
	again.exitCode = 1
	first.merge(again, rest)
	if first.passes["TestA"] != 2 || first.fails["TestC"] != 1 || first.passes["TestC"] != 1 || !first.crashed("TestB") || first.exitCode != 1 {
		t.Errorf("merged: passes %v fails %v exit %d", first.passes, first.fails, first.exitCode)
	}
	if rest := first.unreported(tests, 2); len(rest) != 0 {
		t.Errorf("after the rerun, %v still unreported", rest)
	}
	// A runtime fatal error ends the binary with no fail event: a test that
	// passed on one -cpu value and crashed on the next is its end all the same.
	fatal := parseTestJSON(events("run TestA", "pass TestA", "run TestB", "pass TestB",
		"run TestA", "output TestA fatal error: concurrent map writes"))
	if got := fatal.ender(tests); got != "TestA" {
		t.Errorf("ender = %q after a fatal error in TestA's second run, want TestA", got)
	}
}
