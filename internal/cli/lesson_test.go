package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The pager is run through the shell, as git runs it; less is opened at the line of
// the exercise's section.
func TestPage(t *testing.T) {
	dir := t.TempDir()
	// A "less" that records its arguments and what it was given to show.
	less := filepath.Join(dir, "less")
	script := "#!/bin/sh\necho \"$@\" > " + filepath.Join(dir, "args") + "\ncat > " + filepath.Join(dir, "shown") + "\n"
	if err := os.WriteFile(less, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	text := "\x1b[1;36mBasics\x1b[0m\n\nintro\n\x1b[1;36mWaiting\x1b[0m\nbody\n"
	line := renderedLine(text, "Waiting")
	if line != 4 {
		t.Fatalf("renderedLine = %d, want 4", line)
	}
	t.Setenv("PAGER", less+" -R")
	var out bytes.Buffer
	if err := page(&IO{Out: &out, Err: &out}, []byte(text), line); err != nil {
		t.Fatalf("page: %v (%s)", err, out.String())
	}
	args, _ := os.ReadFile(filepath.Join(dir, "args"))
	if strings.TrimSpace(string(args)) != "-R +4" {
		t.Errorf("less got %q, want -R +4", args)
	}
	shown, _ := os.ReadFile(filepath.Join(dir, "shown"))
	if string(shown) != text {
		t.Errorf("less was shown %q", shown)
	}

	// Another pager gets the text alone.
	other := filepath.Join(dir, "more")
	os.WriteFile(other, []byte(strings.Replace(script, "args", "args2", 1)), 0o755)
	t.Setenv("PAGER", other)
	if err := page(&IO{Out: &out, Err: &out}, []byte(text), line); err != nil {
		t.Fatal(err)
	}
	if args, _ := os.ReadFile(filepath.Join(dir, "args2")); strings.TrimSpace(string(args)) != "" {
		t.Errorf("a pager that is not less got arguments %q", args)
	}

	// A pager that cannot run is an error, so that the lesson is printed instead.
	t.Setenv("PAGER", filepath.Join(dir, "nosuch"))
	if err := page(&IO{Out: &out, Err: &out}, []byte(text), line); err == nil {
		t.Error("a missing pager ran")
	}
}
