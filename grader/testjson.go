package grader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
)

// testEvent is one line of `go test -json` (cmd/test2json).
type testEvent struct {
	Action      string
	Package     string
	ImportPath  string
	Test        string
	Output      string
	FailedBuild string
}

// testRun is what the events of one `go test -json` run say, test by test. Only the
// events decide a result: output that a learner's program prints can show up inside
// Output fields but can never become an event of its own.
type testRun struct {
	runs     map[string]int      // top-level test -> run events
	order    []string            // top-level tests, in the order they first ran
	passes   map[string]int      // top-level test -> pass events
	fails    map[string]int      // top-level test -> fail events
	skips    map[string]int      // top-level test -> skip events
	output   map[string][]string // test ("" for the package) -> output lines
	build    []string            // build-output lines
	pkgFail  bool
	pkgPass  bool
	badLines int // lines that were not JSON events

	exitCode int           // the test binary's exit status
	killed   string        // why the sandbox stopped it, if it did
	report   *binaryReport // what the generated TestMain reported, if it did
	// deadlocks are the goroutines blocked forever that the generated
	// TestMain's watch saw, by the test it stopped ("" if none was running).
	deadlocks map[string]*leakFound
}

func parseTestJSON(data []byte) *testRun {
	r := &testRun{runs: map[string]int{}, passes: map[string]int{}, fails: map[string]int{}, skips: map[string]int{},
		output: map[string][]string{}, deadlocks: map[string]*leakFound{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var ev testEvent
		if err := json.Unmarshal(line, &ev); err != nil || ev.Action == "" {
			r.badLines++
			continue
		}
		top, _, _ := strings.Cut(ev.Test, "/")
		switch ev.Action {
		case "output":
			r.output[top] = append(r.output[top], strings.TrimRight(ev.Output, "\n"))
		case "run":
			if top == ev.Test && top != "" {
				if r.runs[top] == 0 {
					r.order = append(r.order, top)
				}
				r.runs[top]++
			}
		case "build-output":
			r.build = append(r.build, strings.TrimRight(ev.Output, "\n"))
		case "pass", "fail", "skip":
			if ev.Test == "" {
				r.pkgFail = r.pkgFail || ev.Action == "fail"
				r.pkgPass = r.pkgPass || ev.Action == "pass"
				continue
			}
			if top != ev.Test {
				continue // a subtest: its parent's event decides
			}
			switch ev.Action {
			case "pass":
				r.passes[top]++
			case "fail":
				r.fails[top]++
			case "skip":
				r.skips[top]++
			}
		}
	}
	return r
}

// unfinished returns the last test that started and has not ended: the one
// running when the binary stopped; "" when none was.
func (r *testRun) unfinished() string {
	for i := len(r.order) - 1; i >= 0; i-- {
		t := r.order[i]
		if r.runs[t] > r.passes[t]+r.fails[t]+r.skips[t] {
			return t
		}
	}
	return ""
}

// crashed reports whether test's output holds a panic or fatal error that
// ended the test binary (a timeout is told apart by explainTimeout).
func (r *testRun) crashed(test string) bool {
	if r.passes[test] > 0 && r.fails[test] == 0 && r.runs[test] <= r.passes[test]+r.skips[test] {
		return false // every run of it that started ended, and none failed
	}
	for _, l := range r.output[test] {
		if isCrash(l) {
			return true
		}
	}
	return false
}

// isCrash reports whether a line of output starts a panic or a fatal error
// that is not the testing package's timeout.
func isCrash(line string) bool {
	return (strings.HasPrefix(line, "panic: ") && !strings.HasPrefix(line, "panic: test timed out")) || strings.HasPrefix(line, "fatal error: ")
}

// ender returns the first of tests that ended the test binary before the
// other tests could run: it crashed, or the watch stopped it at a deadlock.
func (r *testRun) ender(tests []string) string {
	for _, t := range tests {
		if r.deadlocks[t] != nil || r.crashed(t) {
			return t
		}
	}
	return ""
}

// unreported returns the tests that have no result yet: not passed once per
// -cpu value (cpus of them), not failed, not skipped, and not the end of the
// binary.
func (r *testRun) unreported(tests []string, cpus int) []string {
	var rest []string
	for _, t := range tests {
		if r.passes[t] < cpus && r.fails[t] == 0 && r.skips[t] == 0 && r.deadlocks[t] == nil && !r.crashed(t) {
			rest = append(rest, t)
		}
	}
	return rest
}

// merge takes the results of tests from a later run of the same binary:
// what again says of them replaces what r said. The binary's own end (its
// exit, the sandbox's word, the report) is again's.
func (r *testRun) merge(again *testRun, tests []string) {
	for _, t := range tests {
		r.runs[t], r.passes[t], r.fails[t], r.skips[t] = again.runs[t], again.passes[t], again.fails[t], again.skips[t]
		r.output[t] = again.output[t]
		if d := again.deadlocks[t]; d != nil {
			r.deadlocks[t] = d
		}
	}
	if d := again.deadlocks[""]; d != nil {
		r.deadlocks[""] = d
	}
	r.output[""] = append(r.output[""], again.output[""]...)
	r.pkgFail, r.pkgPass = r.pkgFail || again.pkgFail, again.pkgPass
	r.badLines += again.badLines
	r.exitCode, r.killed, r.report = again.exitCode, again.killed, again.report
}
