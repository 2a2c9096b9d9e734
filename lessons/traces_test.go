package lessons

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim/harness"
	"github.com/gocourse/gocourse/timeline"
)

var update = flag.Bool("update", false, "rewrite the generated trace blocks of the lessons")

// traceMarker introduces a generated picture in a lesson:
//
//	<!-- gocourse trace examples/NAME [--seed N | --replay TOKEN] [--max-steps N] [--signal SIG@T ...] -->
//
// followed by a fenced block that holds what `gocourse trace` draws for that run.
// Lessons without a marker have nothing to check.
var traceMarker = regexp.MustCompile(`(?m)^<!-- gocourse trace (\S+)((?: --[\w-]+ \S+)*) -->\n` + "```" + `text\n((?s:.*?))` + "```\n")

// TestTraces keeps every generated picture in the lessons equal to what the
// simulator draws for its example now. go test ./lessons -run Traces -update
// rewrites them.
func TestTraces(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every traced example under the simulator")
	}
	lessons, _ := filepath.Glob("*/README.md")
	for _, lesson := range lessons {
		// One subtest per lesson: go test ./lessons -run Traces/03-channels -update
		// rewrites that lesson's pictures alone.
		t.Run(filepath.Dir(lesson), func(t *testing.T) { checkTraces(t, lesson) })
	}
}

// checkTraces compares (or, with -update, rewrites) the generated pictures of one
// lesson.
func checkTraces(t *testing.T, lesson string) {
	src, err := os.ReadFile(lesson)
	if err != nil {
		t.Fatal(err)
	}
	changed := false
	out := traceMarker.ReplaceAllFunc(src, func(block []byte) []byte {
		m := traceMarker.FindSubmatch(block)
		example, args, have := string(m[1]), string(m[2]), string(m[3])
		want, err := drawTrace(filepath.Join(filepath.Dir(lesson), example), args)
		if err != nil {
			t.Errorf("%s: trace %s: %v", lesson, example, err)
			return block
		}
		if want == have {
			return block
		}
		if !*update {
			t.Errorf("%s: the trace of %s is out of date (go test ./lessons -run Traces -update rewrites it); the simulator draws:\n%s", lesson, example, want)
			return block
		}
		changed = true
		head := block[:bytes.Index(block, []byte("```text\n"))+len("```text\n")]
		return append(append(append([]byte{}, head...), want...), "```\n"...)
	})
	if changed {
		if err := os.WriteFile(lesson, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// drawTrace runs an example once under the simulator and draws it as
// `gocourse trace` does.
func drawTrace(dir, args string) (string, error) {
	h := harness.Config{Mode: "run", Seed: 1}
	fields := strings.Fields(args)
	for i := 0; i+1 < len(fields); i += 2 {
		switch fields[i] {
		case "--seed":
			seed, err := strconv.ParseUint(fields[i+1], 10, 64)
			if err != nil {
				return "", err
			}
			h.Seed = seed
		case "--replay":
			h.Replay = fields[i+1]
		case "--signal": // a signal delivered at a virtual time, as gocourse trace --signal
			h.Signals = append(h.Signals, fields[i+1])
		case "--max-steps":
			n, err := strconv.Atoi(fields[i+1])
			if err != nil {
				return "", err
			}
			h.MaxSteps = n
		default:
			return "", fmt.Errorf("unknown flag %s (a trace marker takes --seed, --replay, --max-steps and --signal)", fields[i])
		}
	}
	rep, err := runUnderSim(dir, h)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	timeline.Text(&b, rep.Result.Trace)
	return b.String(), nil
}
