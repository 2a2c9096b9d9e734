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
}

func parseTestJSON(data []byte) *testRun {
	r := &testRun{passes: map[string]int{}, fails: map[string]int{}, skips: map[string]int{}, output: map[string][]string{}}
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
