package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestExitStatus holds the exit status to what went wrong: 2 for a command
// line gocourse cannot run as typed, whatever cobra's words for it, and 1 for
// a command that ran and failed.
func TestExitStatus(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"no-such-command"}, 2},
		{[]string{"--no-such-flag"}, 2},
		{[]string{"list", "--no-such-flag"}, 2},
		{[]string{"hint", "a", "b"}, 2},
		{[]string{"explore", "--schedules", "many", "."}, 2},
		{[]string{"grade", "--format", "nonsense", "--submission", "."}, 2},
		{[]string{"--course", "/nonexistent/course", "list"}, 1},
		{[]string{"--help"}, 0},
		// The grader's launcher, typed by hand: not the grader's call.
		{[]string{"sandbox-launch"}, 2},
	} {
		var out, errOut bytes.Buffer
		got := Main(tt.args, &IO{In: strings.NewReader(""), Out: &out, Err: &errOut})
		if got != tt.want {
			t.Errorf("gocourse %s: exit status %d, want %d (stderr %q)", strings.Join(tt.args, " "), got, tt.want, errOut.String())
		}
	}
}
