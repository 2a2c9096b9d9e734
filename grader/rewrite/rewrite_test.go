package rewrite_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/grader/rewrite"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

// dirs returns the package directories under testdata/kind.
func dirs(t *testing.T, kind string) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join("testdata", kind))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, filepath.Join("testdata", kind, e.Name()))
		}
	}
	return out
}

// render prints an overlay as a txtar-like archive, with the package
// directory written as $DIR so that goldens do not depend on the checkout.
func render(ov *rewrite.Overlay) []byte {
	var b bytes.Buffer
	for _, p := range ov.Paths() {
		rel, _ := filepath.Rel(ov.Dir, p)
		fmt.Fprintf(&b, "-- %s --\n", rel)
		b.Write(bytes.ReplaceAll(ov.Files[p], []byte(ov.Dir), []byte("$DIR")))
		if !bytes.HasSuffix(ov.Files[p], []byte("\n")) {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", path, diff(string(want), string(got)))
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, a, b)
		}
	}
	return "(equal)"
}

// TestGolden rewrites every package under testdata/golden and compares the
// overlay with NAME.golden.
func TestGolden(t *testing.T) {
	for _, dir := range dirs(t, "golden") {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ov, err := rewrite.Package(dir, rewrite.Options{Tests: true})
			if err != nil {
				t.Fatalf("Package: %v", err)
			}
			golden(t, dir+".golden", render(ov))
		})
	}
}

// TestRefuse checks that every package under testdata/refuse is refused with
// the messages of NAME.golden, one per line.
func TestRefuse(t *testing.T) {
	for _, dir := range dirs(t, "refuse") {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ov, err := rewrite.Package(dir, rewrite.Options{Tests: true})
			if err == nil {
				t.Fatalf("Package rewrote it:\n%s", render(ov))
			}
			var list rewrite.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T %v, want an ErrorList", err, err)
			}
			for _, e := range list {
				if strings.Contains(e.Error(), "\n") {
					t.Errorf("message is not one line: %q", e.Error())
				}
			}
			golden(t, dir+".golden", []byte(list.Lines()))
		})
	}
}

// goTool runs the go command in the module's root.
func goTool(t *testing.T, args ...string) ([]byte, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = filepath.Join("..", "..")
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.Bytes(), err
}

// simReady reports whether the drop-in packages a rewritten file imports
// exist yet; it names the first one missing.
func simReady(ov *rewrite.Overlay) (bool, string) {
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	for _, p := range ov.Paths() {
		for _, line := range strings.Split(string(ov.Files[p]), "\"") {
			rest, ok := strings.CutPrefix(line, rewrite.DefaultSimPath+"/")
			if !ok {
				continue
			}
			matches, _ := filepath.Glob(filepath.Join(root, "sim", rest, "*.go"))
			if len(matches) == 0 {
				return false, "sim/" + rest
			}
		}
	}
	return true, ""
}

// TestGoldenCompiles type-checks the rewritten golden packages against
// package sim with the go command (go vet -overlay).
func TestGoldenCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	all := &rewrite.Overlay{Files: map[string][]byte{}}
	var pkgs []string
	for _, dir := range dirs(t, "golden") {
		ov, err := rewrite.Package(dir, rewrite.Options{Tests: true})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if ok, missing := simReady(ov); !ok {
			t.Logf("%s: skipped, %s does not exist yet", dir, missing)
			continue
		}
		for p, b := range ov.Files {
			all.Files[p] = b
		}
		pkgs = append(pkgs, "./"+filepath.ToSlash(filepath.Join("grader", "rewrite", dir)))
	}
	if len(pkgs) == 0 {
		t.Skip("no golden package can be built yet")
	}
	js, err := all.Write(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := goTool(t, append([]string{"vet", "-overlay", js}, pkgs...)...)
	if err != nil {
		t.Fatalf("go vet of the rewritten packages: %v\n%s", err, out)
	}
}

// identLines maps each line of a file, as the compiler would report it
// (line directives honoured), to the identifiers on it.
func identLines(t *testing.T, name string, src []byte) map[string]map[int][]string {
	t.Helper()
	fset := token.NewFileSet()
	f := fset.AddFile(name, -1, len(src))
	var s scanner.Scanner
	s.Init(f, src, nil, 0)
	out := map[string]map[int][]string{}
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if tok != token.IDENT {
			continue
		}
		p := fset.Position(pos)
		if out[p.Filename] == nil {
			out[p.Filename] = map[int][]string{}
		}
		out[p.Filename][p.Line] = append(out[p.Filename][p.Line], lit)
	}
}

// renamed are identifiers the rewriter may drop from a line.
var renamed = map[string]bool{
	"make": true, "close": true, "len": true, "cap": true, "chan": true,
	"Print": true, "Println": true, "Printf": true, "Stdout": true, "os": true,
	"Fatal": true, "Fatalf": true, "Fatalln": true,
}

// checkLines verifies that every identifier of the original file is, in the
// rewritten file, on the line the compiler attributes to the original file
// and line: that line directives keep file:line true.
func checkLines(t *testing.T, ov *rewrite.Overlay) {
	t.Helper()
	for _, p := range ov.Paths() {
		orig, err := os.ReadFile(p)
		if err != nil {
			continue // an added file
		}
		want := identLines(t, p, orig)[p]
		got := identLines(t, p+".rewritten", ov.Files[p])[p]
		for line, ids := range want {
			have := map[string]int{}
			for _, id := range got[line] {
				have[id]++
			}
			for _, id := range ids {
				if renamed[id] {
					continue
				}
				if have[id] == 0 {
					t.Errorf("%s:%d: identifier %s is not on this line in the rewritten file (has %v)", filepath.Base(p), line, id, got[line])
					break
				}
			}
		}
	}
}

// TestLines checks line fidelity for every golden package.
func TestLines(t *testing.T) {
	for _, dir := range dirs(t, "golden") {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ov, err := rewrite.Package(dir, rewrite.Options{Tests: true})
			if err != nil {
				t.Fatalf("Package: %v", err)
			}
			checkLines(t, ov)
		})
	}
}

// driver is the test file added to each corpus package: it runs main under
// the simulator over many schedules and compares each run's output with the
// output of the real program.
const driver = `package main

import (
	"testing"

	gocoursesim "github.com/gocourse/gocourse/sim"
)

const want = %q

func TestCorpusUnderSim(t *testing.T) {
	for seed := uint64(1); seed <= 25; seed++ {
		r := gocoursesim.Run(main, gocoursesim.Options{Seed: seed, Reset: %s})
		if r.Failed() {
			t.Fatalf("seed %%d: %%s", seed, r)
		}
		if r.Output != want {
			t.Fatalf("seed %%d: output under sim:\n%%s\nwant (go run):\n%%s", seed, r.Output, want)
		}
	}
}
`

// TestCorpus runs every program under testdata/corpus for real and under
// the simulator, and requires the same output.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs programs")
	}
	bin := t.TempDir()
	all := &rewrite.Overlay{Files: map[string][]byte{}}
	var pkgs []string
	var names, resets []string
	for _, dir := range dirs(t, "corpus") {
		ov, err := rewrite.Package(dir, rewrite.Options{Tests: true})
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		checkLines(t, ov)
		if ok, missing := simReady(ov); !ok {
			t.Logf("%s: skipped, %s does not exist yet", dir, missing)
			continue
		}
		for p, b := range ov.Files {
			all.Files[p] = b
		}
		pkgs = append(pkgs, "./"+filepath.ToSlash(filepath.Join("grader", "rewrite", dir)))
		names = append(names, filepath.Base(dir))
		resets = append(resets, ov.Reset)
	}
	if len(pkgs) == 0 {
		t.Skip("no corpus program can run under sim yet")
	}
	out, err := goTool(t, append([]string{"build", "-o", bin + string(filepath.Separator)}, pkgs...)...)
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for i, name := range names {
		cmd := exec.Command(filepath.Join(bin, name))
		real, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		abs, _ := filepath.Abs(filepath.Join("testdata", "corpus", name, "zz_corpus_test.go"))
		all.Files[abs] = []byte(fmt.Sprintf(driver, real, resets[i]))
		_ = i
	}
	js, err := all.Write(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err = goTool(t, append([]string{"test", "-count=1", "-overlay", js}, pkgs...)...)
	if err != nil {
		t.Fatalf("go test under sim: %v\n%s", err, out)
	}
	t.Logf("%d programs agree with go run\n%s", len(pkgs), out)
}

// TestInputOverlay rewrites a package whose files come partly from
// Options.Overlay (a replaced file, an added one, a hidden one), outside any
// module.
func TestInputOverlay(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("main.go", "package main\n\nfunc main() { _ = 1 }\n")
	write("hidden.go", "package main\n\nimport \"C\"\n")
	opts := rewrite.Options{Tests: true, Overlay: map[string][]byte{
		filepath.Join(dir, "main.go"):       []byte("package main\n\nfunc main() { c := make(chan int, 1); c <- 1; <-c; helper() }\n"),
		filepath.Join(dir, "added.go"):      []byte("package main\n\nfunc helper() { close(make(chan bool)) }\n"),
		filepath.Join(dir, "hidden.go"):     nil,
		filepath.Join(dir, "x_test.go"):     []byte("package main\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) { helper() }\n"),
		filepath.Join(dir, "other", "a.go"): []byte("package other\n"),
	}}
	ov, err := rewrite.Package(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	main := string(ov.Files[filepath.Join(dir, "main.go")])
	if !strings.Contains(main, "c.Send(1); c.Recv()") {
		t.Errorf("main.go not rewritten from the overlay:\n%s", main)
	}
	if added := string(ov.Files[filepath.Join(dir, "added.go")]); !strings.Contains(added, "sim.MakeChan[bool](0).Close()") {
		t.Errorf("added.go:\n%s", added)
	}
	if _, ok := ov.Files[filepath.Join(dir, "hidden.go")]; ok {
		t.Errorf("hidden.go was rewritten")
	}
	if _, ok := ov.Files[filepath.Join(dir, "x_test.go")]; !ok {
		t.Errorf("x_test.go was not rewritten; have %v", ov.Paths())
	}
}

// TestInputOverlayInModule rewrites a package of a module whose overlaid
// files all exist on disk: the overlay reaches the go command as its -overlay
// flag (a go.mod that would not load, a file that would not compile, a
// replaced file) and the rewriter sees the overlay's contents.
func TestInputOverlayInModule(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module broken\n\ngo 1.26\n\nrequire example.com/nowhere v1.0.0\n")
	write("main.go", "package main\n\nfunc main() {}\n")
	write("hidden.go", "package main\n\nthis does not compile\n")
	write("main_test.go", "package main\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) { t.Fatal(\"on disk\") }\n")
	opts := rewrite.Options{Tests: true, Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"), Overlay: map[string][]byte{
		filepath.Join(dir, "go.mod"):       []byte("module m\n\ngo 1.26\n"),
		filepath.Join(dir, "main.go"):      []byte("package main\n\nfunc main() { c := make(chan int, 1); c <- 1; <-c }\n"),
		filepath.Join(dir, "hidden.go"):    []byte("//go:build ignore\n\npackage ignored\n"),
		filepath.Join(dir, "main_test.go"): []byte("package main\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) { close(make(chan bool)) }\n"),
	}}
	ov, err := rewrite.Package(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if main := string(ov.Files[filepath.Join(dir, "main.go")]); !strings.Contains(main, "c.Send(1); c.Recv()") {
		t.Errorf("main.go not rewritten from the overlay:\n%s", main)
	}
	if test := string(ov.Files[filepath.Join(dir, "main_test.go")]); !strings.Contains(test, "sim.MakeChan[bool](0).Close()") {
		t.Errorf("main_test.go not rewritten from the overlay:\n%s", test)
	}
	if _, ok := ov.Files[filepath.Join(dir, "hidden.go")]; ok {
		t.Errorf("hidden.go was rewritten")
	}
}

// TestPanicLine runs a program that panics under the simulator and checks
// that the panic's stack names the learner's file and line.
func TestPanicLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	dir := filepath.Join("testdata", "lines", "panicker")
	src, err := os.ReadFile(filepath.Join(dir, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	line := 0
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, "PANIC HERE") {
			line = i + 1
		}
	}
	ov, err := rewrite.Package(dir, rewrite.Options{Tests: true})
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(filepath.Join(dir, "zz_lines_test.go"))
	ov.Files[abs] = []byte(fmt.Sprintf(`package main

import (
	"strings"
	"testing"

	gocoursesim "github.com/gocourse/gocourse/sim"
)

func TestPanics(t *testing.T) {
	r := gocoursesim.Run(main, gocoursesim.Options{Seed: 1, Reset: %s})
	if r.Panic == nil {
		t.Fatalf("no panic: %%s", r)
	}
	if want := "panicker/main.go:%d"; !strings.Contains(r.Panic.Stack, want) {
		t.Fatalf("stack does not name %%s:\n%%s", want, r.Panic.Stack)
	}
	if !strings.Contains(r.Panic.Message, "assignment to entry in nil map") {
		t.Fatalf("panic message %%q", r.Panic.Message)
	}
}
`, ov.Reset, line))
	js, err := ov.Write(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := goTool(t, "test", "-count=1", "-overlay", js, "./"+filepath.ToSlash(filepath.Join("grader", "rewrite", dir)))
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}
