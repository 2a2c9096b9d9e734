// Package lessons holds the course's lessons. Its test keeps every lesson honest: each
// example program runs, and where the lesson shows its output (output.txt beside it),
// it prints exactly that.
package lessons

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestExamplesPrintWhatTheLessonsShow(t *testing.T) {
	mains, err := filepath.Glob("*/examples/*/main.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(mains) == 0 {
		t.Fatal("no lesson examples found")
	}
	bin := t.TempDir()
	for _, main := range mains {
		dir := filepath.Dir(main)
		want, err := os.ReadFile(filepath.Join(dir, "output.txt"))
		if os.IsNotExist(err) {
			continue // a nondeterministic example: the lesson shows no output for it
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.ToSlash(dir), func(t *testing.T) {
			t.Parallel()
			exe := filepath.Join(bin, filepath.Base(filepath.Dir(dir))+"-"+filepath.Base(dir))
			if out, err := exec.Command("go", "build", "-o", exe, "./"+dir).CombinedOutput(); err != nil {
				t.Fatalf("build: %v\n%s", err, out)
			}
			got, err := exec.Command(exe).Output()
			if err != nil {
				t.Fatalf("run: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s prints:\n%s\nbut %s/output.txt shows:\n%s", main, got, dir, want)
			}
		})
	}
}
