package rewrite_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/grader/rewrite"
)

// With GoVersion, every rewritten file keeps the module's language version
// through its build constraint (and'ed with one it has), and a channel range
// loop of a file older than go1.23 does not range over a function.
func TestGoVersionKeepsTheFileVersion(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/v\n\ngo 1.26\n",
		"a.go": `package main

func main() {
	c := make(chan int, 1)
	c <- 1
	close(c)
	for v := range c {
		_ = v
	}
}
`,
		"b.go": `//go:build linux || darwin

package main

func b(c chan int) {
	for range c {
	}
}
`,
		"c.go": `//go:build go1.23

package main

func d(c chan int) {
	for v := range c {
		_ = v
	}
}
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ov, err := rewrite.Package(dir, rewrite.Options{GoVersion: "1.21"})
	if err != nil {
		t.Fatal(err)
	}
	got := func(name string) string { return string(ov.Files[filepath.Join(dir, name)]) }
	for _, c := range []struct{ file, want string }{
		{"a.go", "//go:build go1.21\n\n//line "},
		{"b.go", "//go:build (linux || darwin) && go1.21\n"},
		{"c.go", "//go:build go1.23 && go1.21\n"},
	} {
		if !strings.Contains(got(c.file), c.want) {
			t.Errorf("%s lacks %q:\n%s", c.file, c.want, got(c.file))
		}
	}
	for _, name := range []string{"a.go", "b.go"} {
		if strings.Contains(got(name), ".Range()") || !strings.Contains(got(name), ".Recv2()") {
			t.Errorf("%s (go1.21) ranges over a function:\n%s", name, got(name))
		}
	}
	if !strings.Contains(got("c.go"), ".Range()") {
		t.Errorf("c.go (go1.23) should keep range over Range():\n%s", got("c.go"))
	}
	// Without GoVersion the files are left at the module's version.
	ov, err = rewrite.Package(dir, rewrite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(ov.Files[filepath.Join(dir, "a.go")]), "//go:build") {
		t.Errorf("a build line without GoVersion:\n%s", ov.Files[filepath.Join(dir, "a.go")])
	}
}
