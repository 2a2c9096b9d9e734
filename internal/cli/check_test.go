package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fatih/color"
)

// TestCheckGivesTheGraderTheCommand holds the check command to handing the
// grader the command line the learner ran gocourse with: the grader's advice
// names it, whatever it is.
func TestCheckGivesTheGraderTheCommand(t *testing.T) {
	root := gitCourse(t)
	if err := os.Remove(filepath.Join(root, "exercises", "01-a", "x", "a.go")); err != nil {
		t.Fatal(err)
	}
	defer func(was string) { program = was }(program)
	program = "go run ./cmd/gocourse"
	var out, errOut bytes.Buffer
	cmd := NewRoot(&IO{In: strings.NewReader(""), Out: &out, Err: &errOut})
	cmd.SetArgs([]string{"--course", root, "check", "01-a/x"})
	cmd.Execute()
	if want := "(go run ./cmd/gocourse reset 01-a/x restores the starter)"; !strings.Contains(out.String()+errOut.String(), want) {
		t.Errorf("check said:\n%s%s\nwant it to say %q", out.String(), errOut.String(), want)
	}
}

// TestWriteGradesLeavesColourAlone holds writeGrades to its own output: a
// machine format is written without colour, and the program's colour setting
// is as it was afterwards.
func TestWriteGradesLeavesColourAlone(t *testing.T) {
	defer func(was bool) { color.NoColor = was }(color.NoColor)
	for _, was := range []bool{false, true} {
		color.NoColor = was
		var out bytes.Buffer
		if err := writeGrades(&IO{Out: &out, Err: &out}, "json", "", "", nil, false); err != nil {
			t.Fatal(err)
		}
		if color.NoColor != was {
			t.Errorf("color.NoColor %v after writing json, was %v", color.NoColor, was)
		}
	}
}
