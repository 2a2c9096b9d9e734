package simrun

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
	"gopkg.in/yaml.v3"

	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
)

// publicDir holds the corpus of other authors' programs and packages; its
// README.md describes an entry.
const publicDir = "testdata/public"

// manifest is an entry's corpus.yaml.
type manifest struct {
	// From says where the driver takes the entry's code at test time: no
	// other author's code lives in this repository.
	From struct {
		// Goroot is a file or folder under $(go env GOROOT), such as
		// test/chan/sieve1.go: the driver copies it into a module of its
		// own whose go line is the distribution's (src/go.mod). A .txt file
		// is a txtar archive (the go command's script tests in
		// src/cmd/go/testdata/script): the driver extracts Files from it
		// (every file when Files is empty), and keeps the archive's go.mod
		// when it takes one.
		Goroot string `yaml:"goroot"`
		// Module is MODULE@VERSION[/PACKAGE], such as
		// golang.org/x/sync@v0.19.0/errgroup: the driver fetches the module
		// through the module proxy (go mod download), copies it whole, with
		// its own go.mod and go line, and explores PACKAGE.
		Module string `yaml:"module"`
		// Files are the files of a txtar archive, or of a goroot folder,
		// to take (every file when empty).
		Files []string `yaml:"files"`
		// Dir is the package to explore, a folder of the archive.
		Dir string `yaml:"dir"`
	} `yaml:"from"`
	Source  string `yaml:"source"`
	Licence string `yaml:"licence"`
	Kind    string `yaml:"kind"` // program or test
	// Verdict is what the real Go runtime gives: pass, panic, deadlock, fail
	// (a test fails) or exit (the program ends itself with a non-zero status).
	Verdict string `yaml:"verdict"`
	// Output holds strings that the program's output contains, in the real run
	// and in explore's (on a verdict other than pass, explore's failing run).
	Output []string `yaml:"output"`
	// Deterministic says that every real run gives the verdict and the output:
	// the driver confirms them by running the entry for real.
	Deterministic bool `yaml:"deterministic"`
	// Explore are the settings explore runs with (its flags).
	Explore struct {
		Strategy  string `yaml:"strategy"`
		Schedules int    `yaml:"schedules"`
		MaxSteps  int    `yaml:"max_steps"`
		Run       string `yaml:"run"`
		// Signals are delivered at a virtual time (--signal NAME@DURATION).
		Signals []string `yaml:"signals"`
		// LeaksFail is --leaks-fail.
		LeaksFail bool `yaml:"leaks_fail"`
		// Args are the program's arguments (explore DIR -- ARGS), in the
		// real run too.
		Args []string `yaml:"args"`
		// File, for a program, is the one file to build and explore
		// (explore FILE.go), as go run FILE.go does, whatever its build
		// constraints say.
		File string `yaml:"file"`
	} `yaml:"explore"`
	// Stdin is the program's standard input, in the real run and explore's
	// (--stdin); empty when not set.
	Stdin string `yaml:"stdin"`
	// Pending, when set, says why explore does not give the runtime's verdict
	// yet: the driver skips the entry with that reason.
	Pending string `yaml:"pending"`
	// Refused, when set, is what explore refuses the entry for, in its
	// words: explore gives no verdict, and the driver checks that it names
	// this construct rather than guess.
	Refused string `yaml:"refused"`
	// Unfinished says that main returns with goroutines still blocked or
	// sleeping: the process exits with them, and explore's pass lists them
	// as a note.
	Unfinished bool `yaml:"unfinished"`
	// Notes are for the reader.
	Notes string `yaml:"notes"`
}

func readManifest(t *testing.T, dir string) *manifest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "corpus.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("%s/corpus.yaml: %v", dir, err)
	}
	switch m.Kind {
	case "program", "test":
	default:
		t.Fatalf("%s/corpus.yaml: kind %q, want program or test", dir, m.Kind)
	}
	switch m.Verdict {
	case "pass", "panic", "deadlock", "fail", "exit":
	default:
		t.Fatalf("%s/corpus.yaml: verdict %q, want pass, panic, deadlock, fail or exit", dir, m.Verdict)
	}
	if m.Source == "" || m.Licence == "" {
		t.Fatalf("%s/corpus.yaml: source and licence are required", dir)
	}
	if (m.From.Goroot == "") == (m.From.Module == "") {
		t.Fatalf("%s/corpus.yaml: from names exactly one of goroot and module", dir)
	}
	// Only the manifest and notes: the code comes from m.From.
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".go") || e.Name() == "go.mod" {
			t.Fatalf("%s: holds %s; an entry is its manifest only, its code comes from its from: line", dir, e.Name())
		}
	}
	return &m
}

// materialize copies the entry's code from where its manifest takes it into a
// new temporary folder and returns the package folder to explore and run. It
// never writes GOROOT or the module cache. Without the module proxy a module
// entry fails, naming the module, rather than being skipped.
func materialize(t *testing.T, name string, m *manifest) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), name)
	if m.From.Goroot != "" {
		goroot := goEnv(t, "GOROOT")
		src := filepath.Join(goroot, filepath.FromSlash(m.From.Goroot))
		fi, err := os.Stat(src)
		if err != nil {
			t.Fatalf("from goroot: %v", err)
		}
		if err := os.MkdirAll(root, 0o755); err != nil {
			t.Fatal(err)
		}
		pkg := root
		files := []string{src}
		if strings.HasSuffix(src, ".txt") {
			files = nil
			pkg = filepath.Join(root, filepath.FromSlash(m.From.Dir))
			extractTxtar(t, src, root, m.From.Files)
		} else if fi.IsDir() {
			ents, err := os.ReadDir(src)
			if err != nil {
				t.Fatal(err)
			}
			files = files[:0]
			for _, e := range ents {
				if e.Type().IsRegular() && (len(m.From.Files) == 0 || slices.Contains(m.From.Files, e.Name())) {
					files = append(files, filepath.Join(src, e.Name()))
				}
			}
			if len(m.From.Files) > 0 && len(files) != len(m.From.Files) {
				t.Fatalf("from goroot %s: want the files %v, found %d of them", m.From.Goroot, m.From.Files, len(files))
			}
		}
		for _, f := range files {
			copyFile(t, f, filepath.Join(root, filepath.Base(f)))
		}
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			return pkg // the archive's own module
		}
		goLine := modGoLine(t, filepath.Join(goroot, "src", "go.mod"))
		gomod := "module gocourse.test/corpus/" + name + "\n\ngo " + goLine + "\n"
		if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte(gomod), 0o644); err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	modVer, pkg := m.From.Module, ""
	if at := strings.Index(modVer, "@"); at < 0 {
		t.Fatalf("from module %q: want MODULE@VERSION[/PACKAGE]", modVer)
	} else if slash := strings.Index(modVer[at:], "/"); slash >= 0 {
		modVer, pkg = modVer[:at+slash], modVer[at+slash+1:]
	}
	dir := downloadModule(t, modVer)
	if err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		dst := filepath.Join(root, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if d.Type().IsRegular() {
			copyFile(t, p, dst)
		}
		return nil
	}); err != nil {
		t.Fatalf("copying %s: %v", modVer, err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("from module %s: the module has no go.mod", modVer)
	}
	return filepath.Join(root, filepath.FromSlash(pkg))
}

// extractTxtar writes the files of a txtar archive under root: those named
// in only, or every file when only is empty.
func extractTxtar(t *testing.T, archive, root string, only []string) {
	t.Helper()
	ar, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, f := range only {
		want[f] = true
	}
	for _, f := range ar.Files {
		name := path.Clean(f.Name)
		if len(only) > 0 && !want[name] {
			continue
		}
		delete(want, name)
		dst := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for f := range want {
		t.Fatalf("%s has no file %s", archive, f)
	}
}

// downloadModule fetches MODULE@VERSION through the module proxy and returns
// its folder in the module cache (read only).
func downloadModule(t *testing.T, modVer string) string {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", modVer)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=")
	out, err := cmd.Output()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &info); jerr != nil || info.Error != "" || info.Dir == "" {
		t.Fatalf("go mod download %s (the corpus needs the module proxy): %v %s", modVer, err, info.Error)
	}
	return info.Dir
}

func goEnv(t *testing.T, key string) string {
	t.Helper()
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out))
}

// modGoLine returns the go line of a go.mod.
func modGoLine(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatalf("%s: no go line", path)
	return ""
}

// copyFile copies a file, writable by its owner (the module cache's are not).
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// exploreVerdict runs explore on the entry as the command does and returns its
// verdict in the manifest's words, with the failing run's output.
func exploreVerdict(t *testing.T, dir string, m *manifest) (verdict, output, msg string) {
	verdict, output, msg, _ = exploreReport(t, dir, m)
	return verdict, output, msg
}

// exploreReport is exploreVerdict with the runner's report (nil when explore
// refused the entry or the program ended the process).
func exploreReport(t *testing.T, dir string, m *manifest) (verdict, output, msg string, rep *Report) {
	t.Helper()
	h := harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 100, MaxSteps: 100_000, Run: m.Explore.Run,
		Signals: m.Explore.Signals, LeaksFail: m.Explore.LeaksFail, LeaksNote: !m.Explore.LeaksFail, Args: m.Explore.Args}
	if m.Explore.Strategy != "" {
		h.Strategy = m.Explore.Strategy
	}
	if m.Explore.Schedules > 0 {
		h.Schedules = m.Explore.Schedules
	}
	if m.Explore.MaxSteps > 0 {
		h.MaxSteps = m.Explore.MaxSteps
	}
	timeout := 5 * time.Minute
	h.TimeoutMS = timeout.Milliseconds()
	cfg := Config{Dir: dir, Harness: h, Timeout: timeout}
	if m.Explore.File != "" {
		cfg.Files = []string{filepath.Join(dir, m.Explore.File)}
	}
	if m.Stdin != "" {
		cfg.Stdin = []byte(m.Stdin)
	}
	rep, err := Run(context.Background(), cfg)
	var unsupported *UnsupportedError
	var exited *ExitError
	switch {
	case errors.As(err, &unsupported):
		return "unsupported", "", unsupported.Msg, nil
	case errors.As(err, &exited):
		return "exit", "", exited.Msg, nil
	case err != nil:
		t.Fatalf("explore: %v", err)
	}
	r := rep.Result
	if r == nil || r.Outcome == sim.Pass {
		return "pass", "", "", rep
	}
	if r.Outcome == sim.StepLimit {
		return "fail", r.Output, r.Message, rep
	}
	if r.Outcome == sim.Failed && strings.HasPrefix(r.Message, "exit status ") {
		// os.Exit with a non-zero status: explore's "fail" in the go
		// command's words.
		return "exit", r.Output, r.Message, rep
	}
	return r.Outcome.String(), r.Output, r.Message, rep
}

// unfinished returns the goroutines main left behind in explore's result (the
// first schedule's, when every schedule passed).
func unfinished(rep *Report) []sim.GoroutineInfo {
	if rep == nil {
		return nil
	}
	if rep.Result != nil {
		return rep.Result.Unfinished
	}
	if rep.First != nil {
		return rep.First.Unfinished
	}
	return nil
}

// realVerdict builds the entry with the go command and runs it, as go run or
// go test would, and returns the runtime's verdict and output.
func realVerdict(t *testing.T, dir string, m *manifest) (verdict, output string) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "entry")
	args := []string{"build", "-o", bin, "."}
	if m.Explore.File != "" {
		args[len(args)-1] = m.Explore.File
	}
	if m.Kind == "test" {
		args = []string{"test", "-c", "-o", bin, "."}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, "go", args...)
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	var runArgs []string
	if m.Kind == "test" {
		runArgs = []string{"-test.count=1"}
		if m.Explore.Run != "" {
			runArgs = append(runArgs, "-test.run="+m.Explore.Run)
		}
	}
	runArgs = append(runArgs, m.Explore.Args...)
	run := exec.CommandContext(ctx, bin, runArgs...)
	run.Dir = dir
	run.Stdin = strings.NewReader(m.Stdin)
	var out bytes.Buffer
	run.Stdout, run.Stderr = &out, &out
	err := run.Run()
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running %s: %v", dir, err)
		}
		code = ee.ExitCode()
	}
	s := out.String()
	switch {
	case code == 0:
		return "pass", s
	case strings.Contains(s, "all goroutines are asleep - deadlock!"):
		return "deadlock", s
	case strings.Contains(s, "\npanic: ") || strings.HasPrefix(s, "panic: "),
		strings.Contains(s, "\nfatal error: ") || strings.HasPrefix(s, "fatal error: "):
		return "panic", s // explore's result for a fatal error is a panic too
	case m.Kind == "test" && code == 1:
		return "fail", s
	}
	return "exit", s
}

// TestPublicCorpus runs explore on every entry of the public corpus and checks
// that it gives the verdict the real Go runtime gives; for a deterministic
// entry it confirms that verdict by running the entry for real.
func TestPublicCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every entry with the go command")
	}
	ents, err := os.ReadDir(publicDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		n++
		entry, _ := filepath.Abs(filepath.Join(publicDir, e.Name()))
		// One entry at a time, unlike the other corpora's tests: each logs
		// its CPU, which cpuTime reads for the whole process.
		t.Run(e.Name(), func(t *testing.T) {
			m := readManifest(t, entry)
			dir := materialize(t, e.Name(), m)
			if m.Deterministic {
				got, out := realVerdict(t, dir, m)
				if got != m.Verdict {
					t.Errorf("the real runtime gives %s, the manifest says %s:\n%s", got, m.Verdict, out)
				}
				for _, s := range m.Output {
					if !strings.Contains(out, s) {
						t.Errorf("the real output lacks %q:\n%s", s, out)
					}
				}
			}
			if m.Pending != "" {
				t.Skip("pending: " + m.Pending)
			}
			t0, cpu0 := time.Now(), cpuTime()
			got, out, msg, rep := exploreReport(t, dir, m)
			how := fmt.Sprintf(" (%.2f s of CPU)", (cpuTime() - cpu0).Seconds())
			if rep != nil {
				how = fmt.Sprintf(" (%.2f s of CPU; build %d ms, %d schedules in %d ms)", (cpuTime() - cpu0).Seconds(), rep.BuildMS, rep.Schedules, rep.RunMS)
				if n := len(unfinished(rep)); n > 0 {
					how += fmt.Sprintf("; note: %d goroutines still blocked when main or a test returned", n)
				}
			}
			t.Logf("explore: %s in %v%s", got, time.Since(t0).Round(time.Millisecond), how)
			if m.Refused != "" {
				if got != "unsupported" || !strings.Contains(msg, m.Refused) {
					t.Fatalf("explore gives %s (%s), want a refusal naming %q", got, msg, m.Refused)
				}
				return
			}
			if got != m.Verdict {
				t.Fatalf("explore gives %s, the real runtime %s: %s\n%s", got, m.Verdict, msg, out)
			}
			if m.Unfinished && (got != "pass" || len(unfinished(rep)) == 0) {
				t.Errorf("explore gives %s without a note of the goroutines main leaves behind", got)
			}
			if got == "pass" && rep != nil && rep.First != nil {
				out = rep.First.Output // what the first schedule printed
			}
			for _, s := range m.Output {
				if !strings.Contains(out+msg, s) {
					t.Errorf("explore's run (the failing one, or the first) lacks %q: %s\n%s", s, msg, out)
				}
			}
		})
	}
	if n < 40 {
		t.Errorf("the corpus has %d entries; it should have at least 40", n)
	}
}

// The go.mod of the module explored is never written: explore shows the go
// command its own copy, through the overlay.
func checkUnchanged(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s changed: %v\n%s", path, err, got)
	}
}

func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A module keeps its own language version: before go1.22 a loop has one
// variable for all its iterations, from go1.22 one per iteration; a range over
// a channel compiles before go1.23 (which ranges over functions).
func TestOlderGoLineKeepsItsLanguageVersion(t *testing.T) {
	const prog = `package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	ch := make(chan int, 3)
	for _, f := range fs {
		go func(f func() int) { ch <- f() }(f)
	}
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-ch
	}
	close(ch)
	for v := range ch {
		sum += v
	}
	panic(fmt.Sprint("sum=", sum))
}
`
	for _, tc := range []struct{ goLine, want string }{
		{"1.20", "sum=9"},
		{"1.21", "sum=9"},
		{"1.22", "sum=3"},
		{"1.25.1", "sum=3"},
	} {
		t.Run(tc.goLine, func(t *testing.T) {
			gomod := "module example.com/loops\n\ngo " + tc.goLine + "\n"
			dir := writeModule(t, map[string]string{"go.mod": gomod, "main.go": prog})
			rep, err := Run(context.Background(), Config{Dir: dir, Harness: harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 5, MaxSteps: 100_000}})
			if err != nil {
				t.Fatal(err)
			}
			if r := rep.Result; r == nil || r.Outcome != sim.Panic || !strings.Contains(r.Message, tc.want) {
				t.Errorf("want a panic with %s, got %+v", tc.want, r)
			}
			checkUnchanged(t, filepath.Join(dir, "go.mod"), []byte(gomod))
		})
	}
}

// Every package of the module that the target imports is rewritten, and reset
// with it before each schedule.
func TestModuleImportsAreRewritten(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.21\n",
		"group/group.go": `// Package group is a small errgroup.
package group

import (
	"context"
	"sync"
)

// Started counts the functions Go started.
var Started int

type Group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel func()
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	Started++
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() { g.err = err; g.cancel() })
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	g.cancel()
	return g.err
}
`,
		"sum/sum.go": `package sum

import (
	"context"

	"example.com/app/group"
)

func Squares(ctx context.Context, xs []int) (int, error) {
	g, ctx := group.WithContext(ctx)
	out := make(chan int, len(xs))
	for _, x := range xs {
		x := x
		g.Go(func() error {
			select {
			case out <- x * x:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}
	err := g.Wait()
	close(out)
	s := 0
	for v := range out {
		s += v
	}
	return s, err
}
`,
		"sum/sum_test.go": `package sum

import (
	"context"
	"testing"

	"example.com/app/group"
)

func TestSquares(t *testing.T) {
	s, err := Squares(context.Background(), []int{1, 2, 3})
	if s != 14 || err != nil {
		t.Fatal(s, err)
	}
	if group.Started != 3 {
		t.Fatalf("Started = %d: the package's state was not reset", group.Started)
	}
}
`,
	})
	rep, err := Run(context.Background(), Config{Dir: filepath.Join(dir, "sum"), Harness: harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 20, MaxSteps: 100_000}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Result != nil && rep.Result.Outcome != sim.Pass {
		t.Fatalf("want a pass, got %+v", rep.Result)
	}
	if rep.Schedules != 20 {
		t.Errorf("%d schedules, want 20", rep.Schedules)
	}
}

// A refusal names every construct, each with its file and line.
func TestRefusalListsEveryConstruct(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod": "module example.com/refused\n\ngo 1.22\n",
		"main.go": `package main

import (
	"fmt"
	"reflect"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	fmt.Printf("%T\n", a)
	reflect.ValueOf(b).Close()
	fmt.Printf("%v\n", b)
}
`,
	})
	_, err := Run(context.Background(), Config{Dir: dir, Harness: harness.Config{Mode: "explore", Strategy: "random", Seed: 1, Schedules: 1}})
	var unsupported *UnsupportedError
	if !errors.As(err, &unsupported) {
		t.Fatalf("want a refusal, got %v", err)
	}
	for _, line := range []string{"main.go:11:", "main.go:12:", "main.go:13:"} {
		if !strings.Contains(unsupported.Msg, line) {
			t.Errorf("the refusal does not name %s:\n%s", line, unsupported.Msg)
		}
	}
	if strings.Contains(unsupported.Msg, "more errors") {
		t.Errorf("the refusal leaves constructs out:\n%s", unsupported.Msg)
	}
}

// cpuTime is the CPU time, user and system, of this process and of the
// processes it has waited for (the go command, the programs): explore's cost
// on a machine whose load sets the wall-clock time.
func cpuTime() time.Duration {
	var self, kids syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	var total time.Duration
	for _, ru := range []syscall.Rusage{self, kids} {
		total += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return total
}
