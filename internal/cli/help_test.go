package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Every command a learner can type explains itself with an example.
func TestEveryCommandHasAnExample(t *testing.T) {
	root := NewRoot(&IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	var walk func(cmd *cobra.Command)
	n := 0
	walk = func(cmd *cobra.Command) {
		if cmd.Hidden {
			return
		}
		n++
		if strings.TrimSpace(cmd.Example) == "" {
			t.Errorf("%q has no Example", cmd.CommandPath())
		}
		if cmd.Short == "" {
			t.Errorf("%q has no Short description", cmd.CommandPath())
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 15 {
		t.Errorf("only %d commands found", n)
	}
}

func TestAnchor(t *testing.T) {
	for heading, want := range map[string]string{
		"Why main must wait":           "why-main-must-wait",
		"Keeping `main` alive, again!": "keeping-main-alive-again",
		"sync.WaitGroup: Add and Done": "syncwaitgroup-add-and-done",
	} {
		if got := anchor(heading); got != want {
			t.Errorf("anchor(%q) = %q, want %q", heading, got, want)
		}
	}
}
