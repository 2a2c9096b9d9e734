package grader

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestVetAnalyzers keeps vetAnalyzers the analyzers of the go command at hand.
func TestVetAnalyzers(t *testing.T) {
	out, err := exec.Command("go", "tool", "vet", "help").CombinedOutput()
	if err != nil {
		t.Skipf("go tool vet help: %v", err)
	}
	_, list, ok := strings.Cut(string(out), "Registered analyzers:")
	if !ok {
		t.Fatalf("go tool vet help lists no analyzers:\n%s", out)
	}
	var names []string // the block of lines after the heading, up to a blank line
	for _, line := range strings.Split(strings.TrimLeft(list, "\n"), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			break
		}
		names = append(names, f[0])
	}
	slices.Sort(names)
	if !slices.Equal(names, vetAnalyzers) {
		t.Errorf("go vet's analyzers:\n%v\nvetAnalyzers:\n%v", names, vetAnalyzers)
	}
}

// TestVetCheck shows a vet check fail at the line its analyzer reports, pass
// when the code is fixed, and refuse an analyzer go vet does not have.
func TestVetCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	if _, err := loadChecks(t, "  - kind: vet\n    analyzers: [copylock]\n"); err == nil || !strings.Contains(err.Error(), `line 5: analyzers: go vet has no analyzer "copylock"`) {
		t.Errorf("unknown analyzer: %v", err)
	}
	c, err := loadChecks(t, "  - kind: vet\n    analyzers: [copylocks]\n")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeExercise(t, c, "a_test.go", oneTest)
	const copies = "package x\n\nimport \"sync\"\n\nfunc f(mu sync.Mutex) {\n\tmu.Lock()\n}\n"
	for _, tt := range []struct {
		src    string
		status Status
	}{
		{copies, Fail},
		{strings.Replace(copies, "mu sync.Mutex", "mu *sync.Mutex", 1), Pass},
	} {
		os.WriteFile(filepath.Join(dir, "a.go"), []byte(tt.src), 0o644)
		res := Check(t.Context(), c, c.Exercises()[0], Options{})
		ch := res.Checks[0]
		if ch.Name != "vet" || ch.Status != tt.status {
			t.Fatalf("vet check: %+v, want %s", ch, tt.status)
		}
		if tt.status == Fail && (ch.Location == nil || ch.Location.Line != 5 || !strings.Contains(ch.Message, "passes lock by value")) {
			t.Errorf("vet failure: %+v", ch)
		}
	}
}
