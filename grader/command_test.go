package grader

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMessagesNameTheCommandAsRun holds the grader to the command line it is
// given: a learner who started gocourse with go run is told to run go run, not
// a gocourse that may not exist on their machine; with none given, gocourse.
func TestMessagesNameTheCommandAsRun(t *testing.T) {
	for _, tt := range []struct{ command, want string }{
		{"go run ./cmd/gocourse", "go run ./cmd/gocourse reset 01-basics/sum restores the starter"},
		{"../gocourse", "../gocourse reset 01-basics/sum restores the starter"},
		{"", "gocourse reset 01-basics/sum restores the starter"},
	} {
		c := trustCourse(t, "testdata/trust")
		ex := c.Exercises()[0]
		// The learner's own checkout, with the file they edit gone.
		if err := os.Remove(filepath.Join(c.Root, filepath.FromSlash(ex.Path()), "sum.go")); err != nil {
			t.Fatal(err)
		}
		res := Check(context.Background(), c, ex, Options{Command: tt.command})
		msg := res.Checks[0].Message
		if !strings.Contains(msg, "("+tt.want+")") {
			t.Errorf("Command %q: message %q, want it to say %q", tt.command, msg, tt.want)
		}
	}
}
