// Package simrun runs a Go package under the simulator: it rewrites the package with
// grader/rewrite, adds a harness that calls the program's main function or its Test
// functions through package sim/harness, builds the result with -overlay (so the
// files on disk are never touched) and reads the harness's JSON report.
//
// It works on a folder anywhere on disk, with a go.mod of its own or none: package
// sim comes from the source embedded in the binary (see SimModule).
package simrun

import (
	"bytes"
	"context"
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"text/template"
	"time"

	"github.com/gocourse/gocourse/grader/gen"
	"github.com/gocourse/gocourse/grader/rewrite"
	"github.com/gocourse/gocourse/sim/harness"
	simtoken "github.com/gocourse/gocourse/sim/token"
)

// Config says what to run under the simulator.
type Config struct {
	// Dir is the package's folder.
	Dir string
	// Files, when set, restricts the package to these files (as go run a.go b.go
	// does); the others in Dir are hidden through the overlay.
	Files []string
	// Overlay replaces files of the package (absolute path -> file holding the new
	// content, "" to hide one), as the go command's -overlay does: the grader uses it
	// for the course's pristine tests and the reference solution.
	Overlay map[string]string
	// Harness is what the harness runs: mode, strategy, schedules, replay token...
	Harness harness.Config
	// Go is the go command; "go" when empty.
	Go string
	// Timeout bounds the whole run, build included; 10 minutes when zero.
	Timeout time.Duration
	// Race builds the program with -race and checks data races in every
	// schedule: a race ends the schedule with the outcome "race" (see
	// sim/race.md). The race detector needs cgo: a C compiler.
	Race bool
	// RunDir, when set, is where the built program, its report and its race log
	// go: a fresh folder inside RunDir, open to every user (the program may run as
	// another one), removed when Run returns. A sandbox that shows the program one
	// folder only passes that one. The rewritten sources (the course's tests
	// among them) stay in a private temporary folder either way; without RunDir
	// everything is there.
	RunDir string
	// NoVet builds a package's tests without go test's vet checks, for a caller
	// that has vetted the package's own files already (the grader's build
	// check): the rewritten package is the same code, and new code would be
	// vetted twice.
	NoVet bool
	// Stdin, when not nil, is the program's standard input, the same in
	// every run; without it the program reads nothing (EOF).
	Stdin []byte
	// Exec, when set, runs the built program in place of Run's own plain child
	// process: a caller that sandboxes learner code runs it here. Run then reads
	// the report the program wrote, as it does after its own run. An error from
	// Exec (the program could not be started, or the caller stopped it) ends Run
	// with that error, returned unchanged, so the caller can tell its own errors
	// apart with errors.As.
	Exec func(ctx context.Context, x Exec) (ExecResult, error)
}

// Exec is one run of the built program, as Run asks Config.Exec for it.
type Exec struct {
	// Path is the built program; it lives in Config.RunDir when that is set.
	Path string
	// Args are its arguments; Args[0] is its name.
	Args []string
	// Dir is the folder Run would run it in: the package's folder. A sandbox may
	// choose another (the program reads no file of its own there).
	Dir string
	// Env holds the variables Run sets for the program (GOMAXPROCS=1, GORACE
	// with -race, the harness's configuration, report path and token
	// descriptor), and only those: the runner adds them to its base
	// environment (Run's own adds them to its own environment), after it, so
	// that they win.
	Env []string
	// ExtraFiles must reach the program as its file descriptors 3, 4, ... in
	// this order, as exec.Cmd.ExtraFiles does: ExtraFiles[0] is the pipe that
	// hands it the report's token (see sim/token). Without it the program's
	// report is refused.
	ExtraFiles []*os.File
	// Race says that the program was built with -race: the race detector maps
	// more address space than the heap.
	Race bool
}

// ExecResult is how a run of the program ended.
type ExecResult struct {
	// Output is what the program printed on its standard error (and standard
	// output, when the runner keeps them together); its first lines go into the
	// errors Run returns when the program ended badly.
	Output []byte
	// ExitCode is the program's exit status; -1 when a signal ended it.
	ExitCode int
}

// status says how a run ended, in words, for messages.
func (r ExecResult) status() string {
	if r.ExitCode < 0 {
		return "killed by a signal"
	}
	return fmt.Sprintf("exit status %d", r.ExitCode)
}

// Report is the harness's report plus what the runner adds.
type Report struct {
	harness.Report
	Package string `json:"package"` // the package's folder
	Main    bool   `json:"main"`    // the target was package main's main function
	BuildMS int64  `json:"build_ms"`
	RunMS   int64  `json:"run_ms"`
}

// An UnsupportedError says that the program uses something the simulator cannot
// run faithfully; its message names the construct and file:line.
type UnsupportedError struct{ Msg string }

func (e *UnsupportedError) Error() string { return e.Msg }

// The go command registers every TestXxx, BenchmarkXxx and FuzzXxx function of a
// test file with the real testing package. Rewritten, they take the simulator's
// *testing.T, so the runner renames them and the harness calls them by the new name.
var hideTestFuncs = regexp.MustCompile(`(?m)^func (Test|Benchmark|Fuzz)([A-Z_0-9]\w*|)\(`)

const hiddenPrefix = "gocourseSim"

// harnessFile is the name of the generated test file that holds the harness.
const harnessFile = "zz_gocourse_harness_test.go"

// tokenFile is the generated file that makes the package import sim/token.
const tokenFile = "zz_gocourse_token.go"

// resetFile is the generated internal test file that registers the package's reset.
const resetFile = "zz_gocourse_reset_test.go"

// Run rewrites, builds and runs the package under the simulator.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	cfg = cfg.withDefaults()
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	p, err := Build(ctx, cfg)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	return p.run(ctx, cfg.Harness)
}

func (cfg Config) withDefaults() Config {
	if cfg.Go == "" {
		cfg.Go = "go"
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Minute
	}
	return cfg
}

// A Program is a package rewritten and built under the simulator once, which
// Run runs with as many harness configurations as its caller needs (explore,
// then replay; several strategies): the build is most of the cost of a run.
// Close removes it.
type Program struct {
	cfg       Config
	dir       string // the package's folder
	main      bool   // the target is package main's main function
	bin       string // the built program
	runFolder string // where the program, its report and race log live
	buildMS   int64
	cleanup   []string // folders Close removes
}

// Close removes the built program and its folders.
func (p *Program) Close() error {
	var first error
	for _, dir := range p.cleanup {
		if err := os.RemoveAll(dir); err != nil && first == nil {
			first = err
		}
	}
	p.cleanup = nil
	return first
}

// Run runs the built program with the harness configuration h (cfg.Harness is
// not used), within cfg.Timeout, and reads its report.
func (p *Program) Run(ctx context.Context, h harness.Config) (*Report, error) {
	ctx, cancel := context.WithTimeout(ctx, p.cfg.Timeout)
	defer cancel()
	return p.run(ctx, h)
}

// Build rewrites and builds the package under the simulator (cfg.Harness is
// not used: Program.Run takes it), within cfg.Timeout.
func Build(ctx context.Context, cfg Config) (_ *Program, err error) {
	cfg = cfg.withDefaults()
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, err
	}
	simDir, err := SimModule()
	if err != nil {
		return nil, fmt.Errorf("preparing the simulator's source: %w", err)
	}
	tmp, err := os.MkdirTemp("", "gocourse-sim-")
	if err != nil {
		return nil, err
	}
	prog := &Program{cfg: cfg, dir: dir, cleanup: []string{tmp}}
	defer func() {
		if err != nil {
			prog.Close()
		}
	}()
	base, mod, err := baseOverlay(cfg, dir, simDir)
	if err != nil {
		return nil, err
	}
	pkg, err := inspect(dir, base)
	if err != nil {
		return nil, err
	}
	if pkg.main {
		// The harness runs main alone: the package's own tests are not built
		// (they may import what a module-less folder cannot provide).
		tests, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
		for _, t := range tests {
			base[t] = nil
		}
	}
	env := append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=readonly", "CGO_ENABLED=0")
	files, err := rewriteFiles(ctx, cfg, dir, tmp, base, pkg, mod, env)
	if err != nil {
		return nil, err
	}
	overlayPath, err := writeOverlay(tmp, files)
	if err != nil {
		return nil, err
	}
	if err := prog.compile(ctx, tmp, overlayPath, pkg.main, env); err != nil {
		return nil, err
	}
	return prog, nil
}

// baseOverlay returns the overlay the rewriter loads the package in dir
// through: the caller's replacements, hidden files (nil), and a go.mod that
// can import package sim (with the module's own files, mod).
func baseOverlay(cfg Config, dir, simDir string) (map[string][]byte, *modFiles, error) {
	base := map[string][]byte{}
	for path, src := range cfg.Overlay {
		if src == "" {
			base[path] = nil
			continue
		}
		data, err := os.ReadFile(src)
		if err != nil {
			return nil, nil, err
		}
		base[path] = data
	}
	if len(cfg.Files) > 0 {
		keep := map[string]bool{}
		for _, f := range cfg.Files {
			keep[filepath.Base(f)] = true
		}
		all, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range all {
			if !keep[filepath.Base(f)] {
				base[f] = nil
				continue
			}
			if _, ok := base[f]; ok {
				continue
			}
			// go run a.go builds the files it is given whatever their
			// build constraints say (a generator's //go:build ignore).
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, nil, err
			}
			if stripped, ok := dropBuildConstraints(data); ok {
				base[f] = stripped
			}
		}
	}
	mod, err := moduleFiles(dir, simDir)
	if err != nil {
		return nil, nil, err
	}
	base[mod.gomodPath] = mod.gomod
	if mod.gosum != nil {
		base[mod.gosumPath] = mod.gosum
	}
	return base, mod, nil
}

// rewriteFiles rewrites the package in dir (seen through base) to sim Go and
// returns every file of the build's overlay: the rewritten files, the rest
// of base, and the files a run generates (the harness, the token, the reset).
// A package the go command cannot build as it is gets the go command's own
// message (a BuildError); a construct the rewriter refuses, an
// UnsupportedError.
func rewriteFiles(ctx context.Context, cfg Config, dir, tmp string, base map[string][]byte, pkg *pkgInfo, mod *modFiles, env []string) (map[string][]byte, error) {
	// go/packages cannot hide a file, but it skips one whose build constraint
	// never holds; the build's overlay hides it below.
	load := map[string][]byte{}
	for path, data := range base {
		if data == nil {
			data = []byte("//go:build ignore\n\npackage ignored\n")
		}
		load[path] = data
	}
	over, err := rewrite.Package(dir, rewrite.Options{Tests: !pkg.main, Env: env, Overlay: load, GoVersion: mod.goVersion, ModuleImports: true})
	if err != nil {
		if msg := buildError(ctx, cfg.Go, dir, tmp, base, env); msg != "" {
			return nil, &BuildError{Msg: msg}
		}
		var list rewrite.ErrorList
		var one *rewrite.Error
		if errors.As(err, &list) || errors.As(err, &one) {
			return nil, &UnsupportedError{Msg: err.Error()}
		}
		return nil, err
	}
	files := map[string][]byte{}
	for path, data := range over.Files {
		if strings.HasSuffix(path, "_test.go") {
			data = hideTestFuncs.ReplaceAll(data, []byte("func "+hiddenPrefix+"$1$2("))
		}
		files[path] = data
	}
	for path, data := range base {
		if _, rewritten := files[path]; !rewritten || data == nil {
			files[path] = data
		}
	}
	if err := pkg.generatedFiles(files, dir, over.Reset); err != nil {
		return nil, err
	}
	return files, nil
}

// compile builds the program's test binary from the overlay at overlayPath,
// in the caller's run folder when it gives one (where its sandbox lets the
// program reach the binary, its report and its race log), else in tmp.
func (prog *Program) compile(ctx context.Context, tmp, overlayPath string, main bool, env []string) error {
	cfg := prog.cfg
	runFolder := tmp
	if cfg.RunDir != "" {
		var err error
		if runFolder, err = os.MkdirTemp(cfg.RunDir, "sim-"); err != nil {
			return err
		}
		prog.cleanup = append(prog.cleanup, runFolder)
		if err := os.Chmod(runFolder, 0o777); err != nil {
			return err
		}
	}
	bin := filepath.Join(runFolder, "sim.test")
	t0 := time.Now()
	// -w: no DWARF tables, which nothing reads (the simulator's traces and
	// panics name file:line from the binary's own); the link is the build's
	// largest step, and this makes it cheaper.
	args := []string{"test", "-c", "-o", bin, "-overlay", overlayPath, "-ldflags=-w"}
	if main || cfg.NoVet {
		// A program is built as go build and go run build it: without
		// the vet checks go test adds for a package's tests.
		args = append(args, "-vet=off")
	}
	buildEnv := env
	if cfg.Race {
		args = append(args, "-race")
		buildEnv = append(env[:len(env):len(env)], "CGO_ENABLED=1")
	}
	build := exec.CommandContext(ctx, cfg.Go, append(args, ".")...)
	build.Dir = prog.dir
	build.Env = buildEnv
	if out, err := build.CombinedOutput(); err != nil {
		if ctx.Err() != nil {
			return &TimeoutError{Msg: fmt.Sprintf("the build did not finish within %s", cfg.Timeout)}
		}
		return &BuildError{Msg: "building the program under the simulator failed:\n" + strings.TrimSpace(relPaths(string(out), prog.dir))}
	}
	prog.buildMS = time.Since(t0).Milliseconds()
	if cfg.RunDir != "" {
		// Whatever the umask: Exec may run it as another user.
		if err := os.Chmod(bin, 0o755); err != nil {
			return err
		}
	}
	prog.main, prog.bin, prog.runFolder = main, bin, runFolder
	return nil
}

// run runs the built program once with the harness configuration hcfg, within
// ctx, and reads its report.
func (p *Program) run(ctx context.Context, hcfg harness.Config) (*Report, error) {
	cfg, dir, bin, runFolder := p.cfg, p.dir, p.bin, p.runFolder
	rep := &Report{Package: dir, Main: p.main, BuildMS: p.buildMS}
	if dl, ok := ctx.Deadline(); ok {
		// The harness stops exploring in time to write its report before
		// the process is killed: what is left after the build, less a
		// margin for writing it.
		left := time.Until(dl)
		left -= min(left/10, 2*time.Second)
		if ms := max(left.Milliseconds(), 1); hcfg.TimeoutMS == 0 || hcfg.TimeoutMS > ms {
			hcfg.TimeoutMS = ms
		}
	}
	runEnv := []string{"GOMAXPROCS=1"}
	if cfg.Race {
		// ThreadSanitizer writes its reports to a file of their own, which
		// the harness reads back after each report (race.log.<pid>); it
		// goes on after a report, and does not linger at exit.
		hcfg.Race = true
		hcfg.RaceLog = filepath.Join(runFolder, "race.log")
		// exitcode=0: a race is a result the harness reports, not a failure of
		// the process (the race detector would exit with 66).
		runEnv = append(runEnv, "GORACE=log_path="+hcfg.RaceLog+" halt_on_error=0 atexit_sleep_ms=0 exitcode=0")
	}
	if cfg.Stdin != nil {
		hcfg.Stdin = filepath.Join(runFolder, "stdin")
		if err := os.WriteFile(hcfg.Stdin, cfg.Stdin, 0o644); err != nil {
			return nil, err
		}
	}
	cfgJSON, _ := json.Marshal(hcfg)
	reportPath := filepath.Join(runFolder, "report.json")
	// A report an earlier run of the program left is never read as this one's.
	if err := os.Remove(reportPath); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	t0 := time.Now()
	secret, tokenPipe, err := newToken()
	if err != nil {
		return nil, err
	}
	defer tokenPipe.Close()
	run := cfg.Exec
	if run == nil {
		run = plainExec
	}
	res, err := run(ctx, Exec{
		Path:       bin,
		Args:       []string{bin},
		Dir:        dir,
		Env:        append(runEnv, harness.ConfigEnv+"="+string(cfgJSON), harness.ReportEnv+"="+reportPath, simtoken.FDEnv+"=3"),
		ExtraFiles: []*os.File{tokenPipe},
		Race:       cfg.Race,
	})
	rep.RunMS = time.Since(t0).Milliseconds()
	if err != nil {
		return nil, err
	}
	stderr := string(res.Output)
	data, err := readReport(reportPath)
	if err != nil {
		if ctx.Err() != nil {
			return nil, &TimeoutError{Msg: fmt.Sprintf("the simulator did not finish within %s", cfg.Timeout)}
		}
		return nil, &ExitError{Msg: fmt.Sprintf("the program ended the process before the simulator was done (os.Exit, log.Fatal, or a crash outside the simulated goroutines: %s)%s", res.status(), excerpt(stderr))}
	}
	if err := json.Unmarshal(data, &rep.Report); err != nil || rep.Token != secret || res.ExitCode != 0 {
		how := ""
		if res.ExitCode != 0 {
			how = " (" + res.status() + ")"
		}
		return nil, &ExitError{Msg: fmt.Sprintf("the simulator's report was not written by its harness, or the process did not end cleanly%s: did the program exit by itself, or write the report?%s", how, excerpt(stderr))}
	}
	if rep.Error != "" {
		return nil, errors.New(rep.Error)
	}
	return rep, nil
}

// buildError builds the package as it is (through the overlay of base:
// hidden files, the go.mod) and returns the go command's message when that
// fails, or "".
func buildError(ctx context.Context, goCmd, dir, tmp string, base map[string][]byte, env []string) string {
	check, err := os.MkdirTemp(tmp, "check-")
	if err != nil {
		return ""
	}
	overlay, err := writeOverlay(check, base)
	if err != nil {
		return ""
	}
	cmd := exec.CommandContext(ctx, goCmd, "test", "-c", "-o", filepath.Join(check, "check.test"), "-overlay", overlay, ".")
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	if err == nil || ctx.Err() != nil {
		return ""
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(relPaths(string(out), dir)), "\n") {
		if l != "FAIL" && !strings.HasPrefix(l, "FAIL\t") { // go test's summary
			lines = append(lines, l)
		}
	}
	return "the program does not build:\n" + strings.Join(lines, "\n")
}

// readReport reads the report the harness wrote. The folder it is in may be
// writable by the program, which may have put something else there: a symbolic
// link is not followed, and anything but a regular file (a named pipe would block
// the read forever) is refused.
func readReport(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	return io.ReadAll(f)
}

// plainExec runs the program as a child process in its own process group, killed
// with the group when ctx ends: Run's runner when Config.Exec is nil.
func plainExec(ctx context.Context, x Exec) (ExecResult, error) {
	cmd := exec.CommandContext(ctx, x.Path)
	cmd.Args = x.Args
	cmd.Dir = x.Dir
	cmd.Env = append(os.Environ(), x.Env...)
	cmd.ExtraFiles = x.ExtraFiles
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	var stderr strings.Builder
	cmd.Stderr = &limitWriter{w: &stderr, n: 64 << 10}
	if os.Getenv("GOCOURSE_SIM_STDERR") != "" {
		cmd.Stderr = os.Stderr // debugging the simulator
	}
	if err := cmd.Start(); err != nil {
		return ExecResult{}, fmt.Errorf("running the program under the simulator: %w", err)
	}
	cmd.Wait()
	return ExecResult{Output: []byte(stderr.String()), ExitCode: cmd.ProcessState.ExitCode()}, nil
}

// A BuildError says that the go command could not build the rewritten
// program; its message is the go command's.
type BuildError struct{ Msg string }

func (e *BuildError) Error() string { return e.Msg }

// A TimeoutError says that Config.Timeout ran out before the harness could
// write its report (a report written in time says TimedOut instead).
type TimeoutError struct{ Msg string }

func (e *TimeoutError) Error() string { return e.Msg }

// An ExitError says that the program ended the simulator's process itself, or
// tampered with its report: the program's fault, not the simulator's.
type ExitError struct{ Msg string }

func (e *ExitError) Error() string { return e.Msg }

// newToken makes a fresh secret and a pipe that will hand it to the process as its
// file descriptor 3 (see sim/token).
func newToken() (string, *os.File, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", nil, err
	}
	secret := hex.EncodeToString(b)
	r, w, err := os.Pipe()
	if err != nil {
		return "", nil, err
	}
	_, err = w.WriteString(secret)
	w.Close()
	if err != nil {
		r.Close()
		return "", nil, err
	}
	return secret, r, nil
}

// excerpt keeps the first lines of what the process wrote to stderr.
func excerpt(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	lines := strings.SplitN(s, "\n", 9)
	if len(lines) > 8 {
		lines = append(lines[:8], "...")
	}
	return "\n" + strings.Join(lines, "\n")
}

// pkgInfo is what the runner needs to know of the package before rewriting it.
type pkgInfo struct {
	name    string   // the package's name
	main    bool     // package main with a main function: run main
	testPkg string   // package clause of the test files the harness joins
	tests   []string // Test functions in the harness's package
	// Example functions with an output comment in the harness's package,
	// which go test runs and checks.
	examples []*doc.Example
}

// inspect reads the package's files (through the overlay) to find its name, its
// main function and its Test functions.
func inspect(dir string, overlay map[string][]byte) (*pkgInfo, error) {
	fset := token.NewFileSet()
	var sc pkgScan
	for _, p := range goFiles(dir, overlay) {
		src, ok := overlay[p]
		if !ok {
			var err error
			if src, err = os.ReadFile(p); err != nil {
				return nil, err
			}
		}
		f, err := parser.ParseFile(fset, p, src, parser.SkipObjectResolution|parser.ParseComments)
		if err != nil {
			return nil, err
		}
		if err := sc.add(fset, dir, p, f); err != nil {
			return nil, err
		}
	}
	return sc.info(dir)
}

// goFiles lists the Go files of the package in dir as the overlay shows it
// (a file it hides is left out, one it adds is in), without the harness's
// own file, in order.
func goFiles(dir string, overlay map[string][]byte) []string {
	names := map[string]bool{}
	matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, m := range matches {
		names[m] = true
	}
	for p, data := range overlay {
		if filepath.Dir(p) == dir && strings.HasSuffix(p, ".go") {
			names[p] = data != nil
		}
	}
	var paths []string
	for p, ok := range names {
		if ok && filepath.Base(p) != harnessFile {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	return paths
}

// A pkgScan gathers, file by file, what inspect needs to know of a package:
// its names, whether it has a main function, its tests and examples on each
// side of the _test package, and its network calls.
type pkgScan struct {
	pkgName, testName      string
	hasMain                bool
	internal, external     []string
	internalEx, externalEx []*doc.Example
	netErrs                []string
}

// add scans the file f at path p; a TestMain is refused at once.
func (sc *pkgScan) add(fset *token.FileSet, dir, p string, f *ast.File) error {
	isTest := strings.HasSuffix(p, "_test.go")
	external := strings.HasSuffix(f.Name.Name, "_test")
	for _, pos := range networkCalls(f) {
		sc.netErrs = append(sc.netErrs, fmt.Sprintf("%s: %s", relPaths(fset.Position(pos.pos).String(), dir), pos.what))
	}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil {
			continue
		}
		if !isTest && fn.Name.Name == "main" && f.Name.Name == "main" {
			sc.hasMain = true
		}
		if isTest && fn.Name.Name == "TestMain" {
			return &UnsupportedError{Msg: fmt.Sprintf("%s: TestMain cannot run under the simulator", relPaths(fset.Position(fn.Pos()).String(), dir))}
		}
		if isTest && IsTestFunc(fn) {
			if external {
				sc.external = append(sc.external, fn.Name.Name)
			} else {
				sc.internal = append(sc.internal, fn.Name.Name)
			}
		}
	}
	if !isTest {
		sc.pkgName = f.Name.Name
		return nil
	}
	for _, ex := range doc.Examples(f) {
		if ex.Output == "" && !ex.EmptyOutput {
			continue // compiled, not run, as go test does
		}
		if external {
			sc.externalEx = append(sc.externalEx, ex)
		} else {
			sc.internalEx = append(sc.internalEx, ex)
		}
	}
	if sc.testName == "" {
		sc.testName = strings.TrimSuffix(f.Name.Name, "_test")
	}
	return nil
}

// info decides what runs: main, or the tests and examples of one side.
func (sc *pkgScan) info(dir string) (*pkgInfo, error) {
	if len(sc.netErrs) > 0 {
		return nil, &UnsupportedError{Msg: strings.Join(sc.netErrs, "\n")}
	}
	pkgName := sc.pkgName
	if pkgName == "" {
		// A folder of test files only (a bug kernel, say): the package is
		// the one the tests name; the generated files make it exist.
		pkgName = sc.testName
	}
	if pkgName == "" {
		return nil, fmt.Errorf("%s: no Go files", dir)
	}
	info := &pkgInfo{name: pkgName}
	in, ext := len(sc.internal)+len(sc.internalEx), len(sc.external)+len(sc.externalEx)
	switch {
	case pkgName == "main" && sc.hasMain:
		info.main, info.testPkg = true, "main"
	case in > 0 && ext > 0:
		return nil, &UnsupportedError{Msg: fmt.Sprintf("%s: tests in both package %s and %s_test; the simulator runs one package's tests at a time", dir, pkgName, pkgName)}
	case ext > 0:
		info.testPkg, info.tests, info.examples = pkgName+"_test", sc.external, sc.externalEx
	case in > 0:
		info.testPkg, info.tests, info.examples = pkgName, sc.internal, sc.internalEx
	default:
		return nil, fmt.Errorf("%s: package %s has neither a main function nor Test or Example functions to run", dir, pkgName)
	}
	return info, nil
}

// netFuncs are the functions of the network packages that listen or dial:
// their connections would block in the real network, outside the scheduler,
// so a run would hang (or depend on the machine) instead of being judged.
var netFuncs = map[string]map[string]bool{
	"net": {"Listen": true, "ListenPacket": true, "ListenTCP": true, "ListenUDP": true, "ListenUnix": true,
		"ListenUnixgram": true, "ListenIP": true, "ListenMulticastUDP": true, "Dial": true, "DialTimeout": true,
		"DialTCP": true, "DialUDP": true, "DialUnix": true, "DialIP": true, "FileListener": true},
	"net/http": {"ListenAndServe": true, "ListenAndServeTLS": true, "Serve": true, "ServeTLS": true,
		"Get": true, "Head": true, "Post": true, "PostForm": true},
	"net/http/httptest": {"NewServer": true, "NewTLSServer": true, "NewUnstartedServer": true},
	"net/rpc":           {"Dial": true, "DialHTTP": true, "DialHTTPPath": true},
	"net/smtp":          {"Dial": true, "SendMail": true},
}

type netCall struct {
	pos  token.Pos
	what string
}

// networkCalls finds the calls of f that listen on or dial the network.
func networkCalls(f *ast.File) []netCall {
	names := map[string]string{} // local name -> import path
	for _, imp := range f.Imports {
		path := strings.Trim(imp.Path.Value, `"`)
		if netFuncs[path] == nil {
			continue
		}
		name := path[strings.LastIndex(path, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		names[name] = path
	}
	if len(names) == 0 {
		return nil
	}
	http := false
	for _, path := range names {
		http = http || path == "net/http"
	}
	var out []netCall
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		const why = "uses the network, which the simulator does not run (its connections would block outside the scheduler)"
		if id, ok := sel.X.(*ast.Ident); ok {
			if path, ok := names[id.Name]; ok && netFuncs[path][sel.Sel.Name] {
				out = append(out, netCall{call.Pos(), id.Name + "." + sel.Sel.Name + " " + why})
				return true
			}
		}
		// An http.Server's own methods.
		if m := sel.Sel.Name; (m == "ListenAndServe" || m == "ListenAndServeTLS") && http {
			out = append(out, netCall{call.Pos(), m + " " + why})
		}
		return true
	})
	return out
}

// templates holds the Go files that a run generates into the package (see
// grader/gen): the harness's TestMain, the token's import, the reset hook.
//
//go:embed templates/*.tmpl
var templates embed.FS

var generated = template.Must(template.ParseFS(templates, "templates/*.tmpl"))

// harnessData is what templates/harness.go.tmpl is filled with.
type harnessData struct {
	Package string // the test package's name
	Main    string // "main" for a program, "nil" for a package's tests
	Tests   []struct{ Name, Func string }
	// Examples: Name is the function's name, Example and its suffix.
	Examples []struct {
		Name, Output string
		Unordered    bool
	}
}

// harness returns the generated test file that hands the program to sim/harness.
func (p *pkgInfo) harness() ([]byte, error) {
	d := harnessData{Package: p.testPkg, Main: "nil"}
	if p.main {
		d.Main = "main"
	}
	for _, t := range p.tests {
		d.Tests = append(d.Tests, struct{ Name, Func string }{t, hiddenPrefix + t})
	}
	for _, ex := range p.examples {
		d.Examples = append(d.Examples, struct {
			Name, Output string
			Unordered    bool
		}{"Example" + ex.Name, ex.Output, ex.Unordered})
	}
	return gen.Source(generated, "harness.go.tmpl", d)
}

// generatedFiles adds the files a run generates into the package in dir: the
// harness, the token's import, and the reset hook when there is one.
func (p *pkgInfo) generatedFiles(files map[string][]byte, dir, reset string) error {
	var err error
	if files[filepath.Join(dir, harnessFile)], err = p.harness(); err != nil {
		return err
	}
	if files[filepath.Join(dir, tokenFile)], err = gen.Source(generated, "token.go.tmpl", p.name); err != nil {
		return err
	}
	if reset != "" {
		data := struct{ Package, Reset string }{p.name, reset}
		if files[filepath.Join(dir, resetFile)], err = gen.Source(generated, "reset.go.tmpl", data); err != nil {
			return err
		}
	}
	return nil
}

// writeOverlay writes files (nil content: hidden) into tmp and returns the path of
// the -overlay JSON that maps them.
func writeOverlay(tmp string, files map[string][]byte) (string, error) {
	replace := map[string]string{}
	i := 0
	for path, data := range files {
		if data == nil {
			replace[path] = ""
			continue
		}
		i++
		name := filepath.Join(tmp, fmt.Sprintf("%03d-%s", i, filepath.Base(path)))
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return "", err
		}
		replace[path] = name
	}
	data, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		return "", err
	}
	path := filepath.Join(tmp, "overlay.json")
	return path, os.WriteFile(path, data, 0o644)
}

// relPaths shortens absolute paths under dir in a message.
func relPaths(msg, dir string) string {
	return strings.ReplaceAll(msg, dir+string(filepath.Separator), "")
}

// limitWriter keeps at most n bytes.
type limitWriter struct {
	w interface{ WriteString(string) (int, error) }
	n int
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		l.w.WriteString(string(p[:k]))
		l.n -= k
	}
	return len(p), nil
}

// dropBuildConstraints returns src without its build constraint lines
// (//go:build and // +build before the package clause), each left as an
// empty line so that positions stay; ok is false when it has none.
func dropBuildConstraints(src []byte) (out []byte, ok bool) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	for i, line := range lines {
		t := bytes.TrimSpace(line)
		if bytes.HasPrefix(t, []byte("package ")) {
			break
		}
		if bytes.HasPrefix(t, []byte("//go:build ")) || bytes.HasPrefix(t, []byte("// +build ")) {
			lines[i] = []byte("\n")
			ok = true
		}
	}
	return bytes.Join(lines, nil), ok
}
