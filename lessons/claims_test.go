package lessons

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
)

// A claim is a machine-readable note beside a sentence of a lesson, in an HTML
// comment that markdown renderers do not show:
//
//	<!-- claim: example=lost-print output="sent 42\nreceived 42\n" at-least=0.95 -->
//	<!-- claim: example=stuck exit=2 stderr="all goroutines are asleep - deadlock!" -->
//	<!-- claim: example=fair stdout-re="a: \\d+ b: \\d+\\n" -->
//	<!-- claim: source=runtime/chan.go:323 func=send contains="if raceenabled" -->
//	<!-- claim: bench=BenchmarkHandoff -->
//
// docs/authoring.md ("Claims") describes every key. TestClaims runs each
// behaviour claim's example many times, on several GOMAXPROCS values and, when
// the claim says so, with -race, and fails when the outcomes contradict the
// claim beyond chance; it checks that every named function of the Go source
// still exists (and still says what the lesson rests on), and that every named
// benchmark exists.
type claim struct {
	file string // lesson README, for messages
	line int
	kv   map[string]string
}

func (c claim) String() string { return fmt.Sprintf("%s:%d", c.file, c.line) }

var claimRE = regexp.MustCompile(`<!-- claim: (.*?) -->`)

// claimKeys are the keys a claim may use; anything else is a typo to report.
var claimKeys = []string{
	"example", "edit", "output", "stdout-has", "stdout-re", "stderr", "exit",
	"always", "never", "at-least", "at-most",
	"runs", "procs", "race", "timeout",
	"source", "func", "contains",
	"bench",
}

// parseClaims reads every claim of a lesson. A malformed claim is an error
// naming the file and line.
func parseClaims(file string, src []byte) ([]claim, error) {
	var out []claim
	for i, text := range strings.Split(string(src), "\n") {
		for _, m := range claimRE.FindAllStringSubmatch(text, -1) {
			c := claim{file: file, line: i + 1, kv: map[string]string{}}
			if err := parseKV(m[1], c.kv); err != nil {
				return nil, fmt.Errorf("%s: %w", c, err)
			}
			for k := range c.kv {
				if !slices.Contains(claimKeys, k) {
					return nil, fmt.Errorf("%s: unknown claim key %q", c, k)
				}
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// parseKV parses `key=value key="quoted \n value" flag` into kv; a bare key
// is set to "true".
func parseKV(s string, kv map[string]string) error {
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		end := strings.IndexFunc(s, func(r rune) bool { return r == '=' || unicode.IsSpace(r) })
		if end < 0 {
			kv[s] = "true"
			return nil
		}
		key := s[:end]
		if s[end] != '=' {
			kv[key] = "true"
			s = s[end:]
			continue
		}
		s = s[end+1:]
		if strings.HasPrefix(s, `"`) {
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return fmt.Errorf("claim key %s: bad quoted value: %w", key, err)
			}
			v, _ := strconv.Unquote(q)
			kv[key] = v
			s = s[len(q):]
			continue
		}
		end = strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		kv[key] = s[:end]
		s = s[end:]
	}
	return nil
}

func allClaims(t *testing.T) []claim {
	t.Helper()
	lessons, err := filepath.Glob("*/README.md")
	if err != nil || len(lessons) == 0 {
		t.Fatalf("no lessons found: %v", err)
	}
	var all []claim
	for _, l := range lessons {
		src, err := os.ReadFile(l)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := parseClaims(l, src)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, cs...)
	}
	return all
}

func TestClaimSyntax(t *testing.T) {
	kv := map[string]string{}
	if err := parseKV(`example=x output="a\nb" at-least=0.9 race`, kv); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"example": "x", "output": "a\nb", "at-least": "0.9", "race": "true"}
	for k, v := range want {
		if kv[k] != v {
			t.Errorf("%s = %q, want %q", k, kv[k], v)
		}
	}
	if _, err := parseClaims("L.md", []byte("x\n<!-- claim: exampel=x -->\n")); err == nil || !strings.Contains(err.Error(), "L.md:2") {
		t.Errorf("a misspelt key gives %v, want an error at L.md:2", err)
	}
	if err := parseKV(`output="unterminated`, kv); err == nil {
		t.Error("an unterminated quote is accepted")
	}
}

// sourceSlack is how far, in lines, a claim's source line may be from where
// the quoted text (or the named function) is in this GOROOT: a patch release
// that moves a function by a few lines keeps the claim's reference useful;
// one that moves it further makes the test say which line to write now.
const sourceSlack = 15

// TestClaimsSources checks that every function a lesson's claim about the
// runtime rests on still exists in the Go source this course is built with,
// near the line the claim names (source=FILE:LINE), and still contains the
// text the claim quotes.
func TestClaimsSources(t *testing.T) {
	// The Go the course is built and run with: the go command's GOROOT.
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	root := filepath.Join(strings.TrimSpace(string(out)), "src")
	files := map[string]*ast.File{}
	fset := token.NewFileSet()
	n := 0
	for _, c := range allClaims(t) {
		src := c.kv["source"]
		if src == "" {
			continue
		}
		n++
		src, lineText, hasLine := strings.Cut(src, ":")
		line, err := strconv.Atoi(lineText)
		if !hasLine || err != nil || line < 1 {
			line = -1 // reported below, with the line to write
		}
		fn := c.kv["func"]
		if fn == "" {
			t.Errorf("%s: source=%s names no func", c, src)
			continue
		}
		f, ok := files[src]
		if !ok {
			var err error
			f, err = parser.ParseFile(fset, filepath.Join(root, src), nil, parser.SkipObjectResolution|parser.ParseComments)
			if err != nil {
				t.Errorf("%s: %v", c, err)
				continue
			}
			files[src] = f
		}
		decl := findFunc(f, fn)
		if decl == nil {
			t.Errorf("%s: %s has no func %s in Go %s: the lesson rests on a function that is gone", c, src, fn, runtime.Version())
			continue
		}
		// The line the claim rests on: the quoted text's, else the declaration's.
		at := fset.Position(decl.Pos()).Line
		if want := c.kv["contains"]; want != "" {
			body, _ := os.ReadFile(filepath.Join(root, src))
			start := decl.Pos()
			if doc := docOf(decl); doc != nil {
				start = doc.Pos() // a claim may quote the documentation
			}
			from := fset.Position(start)
			text := string(body[from.Offset:fset.Position(decl.End()).Offset])
			i := strings.Index(text, want)
			if i < 0 {
				t.Errorf("%s: %s's %s no longer contains %q", c, src, fn, want)
				continue
			}
			at = from.Line + strings.Count(text[:i], "\n")
		}
		if line < 0 {
			t.Errorf("%s: source=%s names no line: write source=%s:%d", c, c.kv["source"], src, at)
		} else if d := at - line; d > sourceSlack || d < -sourceSlack {
			t.Errorf("%s: source=%s:%d, but in Go %s what the claim rests on is at %s:%d (%s)", c, src, line, runtime.Version(), src, at, fn)
		}
	}
	if n == 0 {
		t.Fatal("no claim names a source function: the check would pass vacuously")
	}
}

// findFunc finds a function or method by name (a method is written
// "Recv.Name", whatever the form of its receiver), or else a top-level type,
// const or var of that name (the whole declaration group is its text).
func findFunc(f *ast.File, name string) ast.Node {
	if fd := findFuncDecl(f, name); fd != nil {
		return fd
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range gd.Specs {
			switch sp := spec.(type) {
			case *ast.TypeSpec:
				if sp.Name.Name == name && !gd.Lparen.IsValid() {
					return gd // type T ...: its doc comment is the GenDecl's
				}
				if sp.Name.Name == name {
					return sp
				}
			case *ast.ValueSpec:
				for _, id := range sp.Names {
					if id.Name == name {
						return gd
					}
				}
			}
		}
	}
	return nil
}

// docOf returns the doc comment of a declaration found by findFunc.
func docOf(n ast.Node) *ast.CommentGroup {
	switch d := n.(type) {
	case *ast.FuncDecl:
		return d.Doc
	case *ast.GenDecl:
		return d.Doc
	case *ast.TypeSpec:
		return d.Doc
	}
	return nil
}

func findFuncDecl(f *ast.File, name string) *ast.FuncDecl {
	recv, fname, isMethod := strings.Cut(name, ".")
	if !isMethod {
		fname, recv = recv, ""
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != fname {
			continue
		}
		if recv == "" {
			if fd.Recv == nil {
				return fd
			}
			continue
		}
		if fd.Recv == nil || len(fd.Recv.List) == 0 {
			continue
		}
		typ := fd.Recv.List[0].Type
		if st, ok := typ.(*ast.StarExpr); ok {
			typ = st.X
		}
		if ix, ok := typ.(*ast.IndexExpr); ok {
			typ = ix.X
		}
		if id, ok := typ.(*ast.Ident); ok && id.Name == recv {
			return fd
		}
	}
	return nil
}

// TestClaimsBenchmarks checks that every benchmark a lesson's cost claim
// names exists in this package (its figures are in BENCHMARKS.md).
func TestClaimsBenchmarks(t *testing.T) {
	tests, _ := filepath.Glob("*_test.go")
	var have []string
	fset := token.NewFileSet()
	for _, f := range tests {
		af, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && strings.HasPrefix(fd.Name.Name, "Benchmark") {
				have = append(have, fd.Name.Name)
			}
		}
	}
	for _, c := range allClaims(t) {
		if b := c.kv["bench"]; b != "" && !slices.Contains(have, b) {
			t.Errorf("%s: no benchmark %s in lessons/*_test.go", c, b)
		}
	}
}

// outcome is what one run of an example did.
type outcome struct {
	stdout, stderr string
	exit           int // -1: killed after the safety timeout
}

// TestClaims runs the example of every behaviour claim and checks the claim
// against what the runs did. Each (example, edit, race) is built once; each
// GOMAXPROCS value gets the same number of runs.
func TestClaims(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every claimed example many times")
	}
	// At most 2*NumCPU runs at once across all claims (most of a run is waiting
	// for the OS to start it): the runs measure the
	// program, not how crowded the machine is (and no claim is about time).
	sem := make(chan struct{}, 2*runtime.NumCPU())
	n := 0
	for _, c := range allClaims(t) {
		if c.kv["example"] == "" {
			if c.kv["source"] == "" && c.kv["bench"] == "" {
				t.Errorf("%s: a claim needs example=, source= or bench=", c)
			}
			continue
		}
		n++
		t.Run(fmt.Sprintf("%s:%d:%s", filepath.Dir(c.file), c.line, c.kv["example"]), func(t *testing.T) {
			t.Parallel()
			checkClaim(t, c, sem)
		})
	}
	if n == 0 {
		t.Fatal("no behaviour claims found")
	}
}

type buildOnce struct {
	once sync.Once
	exe  string
	err  error
}

// binDir holds the examples built by the package's tests (TestMain makes it);
// builds maps a build key to its *buildOnce, so that an example is built
// once for all the tests and claims that run it.
var (
	binDir string
	builds sync.Map
)

// TestMain makes the folder the examples are built in, shared by the tests,
// and removes it at the end.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gocourse-lessons-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	closeSimPrograms()
	os.RemoveAll(dir)
	os.Exit(code)
}

// exampleBinary builds the example in dir (with edit applied, and -race if
// race) the first time any test asks for it, and returns the binary.
func exampleBinary(dir, edit string, race bool) (string, error) {
	dir = filepath.Clean(dir)
	if edit == "" && !race {
		return lessonBinary(dir)
	}
	key := fmt.Sprintf("%s|%s|%v", dir, edit, race)
	v, _ := builds.LoadOrStore(key, &buildOnce{})
	b := v.(*buildOnce)
	b.once.Do(func() { b.exe, b.err = buildExample(dir, edit, race, binDir) })
	return b.exe, b.err
}

// lessonBinary returns the plain build of the example in dir
// (LESSON/examples/NAME). The first call for a lesson builds all of its
// examples with one go command, which writes one binary per example into a
// folder of the lesson's: one package load and one staleness check instead of
// one per example.
func lessonBinary(dir string) (string, error) {
	lesson := filepath.Dir(filepath.Dir(dir))
	v, _ := builds.LoadOrStore(lesson+"|all", &buildOnce{})
	b := v.(*buildOnce)
	b.once.Do(func() {
		mains, err := filepath.Glob(filepath.Join(lesson, "examples", "*", "main.go"))
		if err != nil || len(mains) == 0 {
			b.err = fmt.Errorf("%s: no examples found (%v)", lesson, err)
			return
		}
		b.exe = filepath.Join(binDir, lesson)
		args := []string{"build", "-o", b.exe + string(filepath.Separator)}
		for _, m := range mains {
			args = append(args, "./"+filepath.ToSlash(filepath.Dir(m)))
		}
		if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go build %s's examples: %v\n%s", lesson, err, out)
		}
	})
	if b.err != nil {
		return "", b.err
	}
	return filepath.Join(b.exe, filepath.Base(dir)), nil
}

func checkClaim(t *testing.T, c claim, sem chan struct{}) {
	kv := c.kv
	dir := filepath.Join(filepath.Dir(c.file), "examples", kv["example"])
	if _, err := os.Stat(filepath.Join(dir, "main.go")); err != nil {
		t.Fatalf("%s: example %s: %v", c, kv["example"], err)
	}
	match, err := matcher(kv)
	if err != nil {
		t.Fatalf("%s: %v", c, err)
	}
	runs := 10
	if s := kv["runs"]; s != "" {
		if runs, err = strconv.Atoi(s); err != nil || runs < 1 {
			t.Fatalf("%s: runs=%s: want a positive number", c, s)
		}
	}
	limit := 20 * time.Second
	if s := kv["timeout"]; s != "" {
		if limit, err = time.ParseDuration(s); err != nil || limit <= 0 {
			t.Fatalf("%s: timeout=%s: want a positive duration", c, s)
		}
	}
	procs := []string{"1", "2", "8"}
	if s := kv["procs"]; s != "" {
		procs = strings.Split(s, ",")
	}
	races := []bool{false}
	switch kv["race"] {
	case "", "off":
	case "on", "true":
		races = []bool{true}
	case "both":
		races = []bool{false, true}
	default:
		t.Fatalf("%s: race=%s: want off, on or both", c, kv["race"])
	}
	for _, race := range races {
		exe, err := exampleBinary(dir, kv["edit"], race)
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		// The runs of one build go side by side, at most cap(sem) at once
		// across all claims.
		type result struct {
			procs string
			o     outcome
		}
		results := make(chan result)
		for _, p := range procs {
			for range runs {
				go func() {
					sem <- struct{}{}
					o := runExample(exe, p, limit)
					<-sem
					results <- result{p, o}
				}()
			}
		}
		hits, total := 0, 0
		var misses []string
		for range len(procs) * runs {
			r := <-results
			total++
			if match(r.o) {
				hits++
			} else if len(misses) < 3 {
				misses = append(misses, fmt.Sprintf("GOMAXPROCS=%s exit %d stdout %q stderr %.200q", r.procs, r.o.exit, r.o.stdout, r.o.stderr))
			}
		}
		mode := "without -race"
		if race {
			mode = "with -race"
		}
		if err := judge(kv, hits, total); err != nil {
			t.Errorf("%s: %s (%s; GOMAXPROCS %s, %d runs each): %v; runs that did not match: %s",
				c, kv["example"], mode, strings.Join(procs, ","), runs, err, strings.Join(misses, "; "))
		} else {
			t.Logf("%s %s: %d of %d runs match", kv["example"], mode, hits, total)
		}
	}
}

// matcher builds the predicate of a claim's outcome: every key given must hold.
func matcher(kv map[string]string) (func(outcome) bool, error) {
	wantExit := 0
	if s := kv["exit"]; s != "" {
		var err error
		if wantExit, err = strconv.Atoi(s); err != nil {
			return nil, fmt.Errorf("exit=%s: want a number", s)
		}
	}
	_, hasOut := kv["output"]
	var re *regexp.Regexp
	if s := kv["stdout-re"]; s != "" {
		var err error
		if re, err = regexp.Compile(`^(?:` + s + `)$`); err != nil {
			return nil, fmt.Errorf("stdout-re: %w", err)
		}
	}
	return func(o outcome) bool {
		if re != nil && !re.MatchString(o.stdout) {
			return false
		}
		if o.exit != wantExit {
			return false
		}
		if hasOut && o.stdout != kv["output"] {
			return false
		}
		if s := kv["stdout-has"]; s != "" && !strings.Contains(o.stdout, s) {
			return false
		}
		if s := kv["stderr"]; s != "" && !strings.Contains(o.stderr, s) {
			return false
		}
		return true
	}, nil
}

// claimAlpha is the chance, when a frequency claim is exactly true, that
// TestClaims still fails it: the margin is a binomial tail, not a guess.
const claimAlpha = 1e-4

// judge decides whether hits of total runs contradict the claim's frequency:
// always (the default) and never admit no exception; at-least=P fails when so
// few hits would happen with probability under claimAlpha if the true rate
// were P, and at-most=P likewise for so many.
func judge(kv map[string]string, hits, total int) error {
	lo, hasLo := kv["at-least"]
	hi, hasHi := kv["at-most"]
	switch {
	case kv["never"] == "true":
		if hits > 0 {
			return fmt.Errorf("the lesson says never, but %d of %d runs did", hits, total)
		}
	case hasLo || hasHi:
		if hasLo {
			p, err := strconv.ParseFloat(lo, 64)
			if err != nil || p <= 0 || p > 1 {
				return fmt.Errorf("at-least=%s: want a probability", lo)
			}
			if binomCDF(0, total, p) >= claimAlpha {
				return fmt.Errorf("at-least=%s with %d runs can never fail, even if no run matched: raise runs", lo, total)
			}
			if tail := binomCDF(hits, total, p); tail < claimAlpha {
				return fmt.Errorf("the lesson says at least %.0f%% of runs, but %d of %d did (P=%.1g if it were true)", 100*p, hits, total, tail)
			}
		}
		if hasHi {
			p, err := strconv.ParseFloat(hi, 64)
			if err != nil || p < 0 || p >= 1 {
				return fmt.Errorf("at-most=%s: want a probability", hi)
			}
			if binomCDF(0, total, 1-p) >= claimAlpha {
				return fmt.Errorf("at-most=%s with %d runs can never fail, even if every run matched: raise runs", hi, total)
			}
			// P(X >= hits) = P(total-X <= total-hits) with rate 1-p.
			if tail := binomCDF(total-hits, total, 1-p); tail < claimAlpha {
				return fmt.Errorf("the lesson says at most %.0f%% of runs, but %d of %d did (P=%.1g if it were true)", 100*p, hits, total, tail)
			}
		}
	default: // always
		if hits < total {
			return fmt.Errorf("the lesson says every run, but %d of %d did not", total-hits, total)
		}
	}
	return nil
}

// binomCDF is P(X <= k) for X ~ Binomial(n, p).
func binomCDF(k, n int, p float64) float64 {
	if k >= n {
		return 1
	}
	if p >= 1 {
		return 0
	}
	sum := 0.0
	for i := 0; i <= k; i++ {
		lg := lgamma(n+1) - lgamma(i+1) - lgamma(n-i+1)
		sum += math.Exp(lg + float64(i)*math.Log(p) + float64(n-i)*math.Log1p(-p))
	}
	return math.Min(sum, 1)
}

func lgamma(n int) float64 { v, _ := math.Lgamma(float64(n)); return v }

func TestJudge(t *testing.T) {
	for _, tc := range []struct {
		kv          map[string]string
		hits, total int
		ok          bool
	}{
		{map[string]string{}, 60, 60, true},
		{map[string]string{}, 59, 60, false},
		{map[string]string{"never": "true"}, 0, 60, true},
		{map[string]string{"never": "true"}, 1, 60, false},
		{map[string]string{"at-least": "0.95"}, 55, 60, true}, // chance
		{map[string]string{"at-least": "0.95"}, 30, 60, false},
		{map[string]string{"at-least": "0.5"}, 0, 60, false}, // lesson 07's old claim
		{map[string]string{"at-most": "0.05"}, 3, 60, true},
		{map[string]string{"at-most": "0.05"}, 20, 60, false},
		{map[string]string{"at-least": "0.5"}, 6, 6, false}, // too few runs to ever fail
		{map[string]string{"at-most": "0.9"}, 0, 30, false}, // likewise
	} {
		if err := judge(tc.kv, tc.hits, tc.total); (err == nil) != tc.ok {
			t.Errorf("judge(%v, %d, %d) = %v, want ok=%v", tc.kv, tc.hits, tc.total, err, tc.ok)
		}
	}
}

// buildExample builds the example in dir once, after applying edit
// ("OLD=>NEW": a lesson's "change X to Y and ..."; OLD must occur exactly
// once in main.go) in a copy of it.
func buildExample(dir, edit string, race bool, bin string) (string, error) {
	src := "./" + filepath.ToSlash(dir)
	name := strings.ReplaceAll(dir, string(filepath.Separator), "-")
	if edit != "" {
		old, new, ok := strings.Cut(edit, "=>")
		if !ok {
			return "", fmt.Errorf("edit=%q: want OLD=>NEW", edit)
		}
		body, err := os.ReadFile(filepath.Join(dir, "main.go"))
		if err != nil {
			return "", err
		}
		if n := strings.Count(string(body), old); n != 1 {
			return "", fmt.Errorf("edit=%q: %q occurs %d times in %s/main.go, want once", edit, old, n, dir)
		}
		tmp, err := os.MkdirTemp(bin, "edit-")
		if err != nil {
			return "", err
		}
		file := filepath.Join(tmp, "main.go")
		if err := os.WriteFile(file, []byte(strings.Replace(string(body), old, new, 1)), 0o644); err != nil {
			return "", err
		}
		src = file
		name += "-" + filepath.Base(tmp)
	}
	if race {
		name += "-race"
	}
	exe := filepath.Join(bin, name)
	args := []string{"build", "-o", exe}
	if race {
		args = append(args, "-race")
	}
	out, err := exec.Command("go", append(args, src)...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", dir, err, out)
	}
	return exe, nil
}

// runExample runs exe once with GOMAXPROCS=procs. A run is stopped after
// limit (an example that hangs is an outcome, exit -1, not a test that never
// ends): 20s by default, a generous safety limit; a claim that a program
// hangs sets a shorter timeout=, which a busy machine can only make easier to
// meet, so that no claim is judged by how fast a run was.
func runExample(exe, procs string, limit time.Duration) outcome {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), "GOMAXPROCS="+procs)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	o := outcome{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		o.exit = -1
	case errors.As(err, &ee):
		o.exit = ee.ExitCode()
	case err != nil:
		o.exit = -1
		o.stderr += err.Error()
	}
	return o
}

func TestFindFunc(t *testing.T) {
	src := `package p
// q is documented.
type q struct{ x int }
const k = 1
func (p *q) deq() {}
func f() {}
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	for name, found := range map[string]bool{"f": true, "q.deq": true, "deq": false, "q": true, "k": true, "g": false, "r.deq": false} {
		if got := findFunc(f, name) != nil; got != found {
			t.Errorf("findFunc(%q) found=%v, want %v", name, got, found)
		}
	}
	if doc := docOf(findFunc(f, "q")); doc == nil || doc.Text() != "q is documented.\n" {
		t.Errorf("the doc comment of type q is %v, want its text (a claim may quote a type's doc)", doc)
	}
}

// TestClaimsEndParagraphs keeps claims out of the middle of a paragraph: a
// claim line is followed by another comment, a blank line, a heading or a
// fence, so that a renderer does not split the paragraph the learner reads.
func TestClaimsEndParagraphs(t *testing.T) {
	lessons, _ := filepath.Glob("*/README.md")
	for _, l := range lessons {
		src, err := os.ReadFile(l)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for i, line := range lines {
			if !strings.HasPrefix(line, "<!-- claim:") || i+1 >= len(lines) {
				continue
			}
			next := lines[i+1]
			if strings.TrimSpace(next) != "" && !strings.HasPrefix(next, "<!--") && !strings.HasPrefix(next, "#") && !strings.HasPrefix(next, "```") {
				t.Errorf("%s:%d: a claim in the middle of a paragraph; put it after the paragraph's last line", l, i+1)
			}
		}
	}
}

func TestMatcher(t *testing.T) {
	deadlock := outcome{stdout: "0\n1\n", stderr: "fatal error: all goroutines are asleep - deadlock!\n", exit: 2}
	for _, tc := range []struct {
		kv   map[string]string
		o    outcome
		want bool
	}{
		{map[string]string{"output": "0\n1\n"}, deadlock, false}, // exit 0 expected by default
		{map[string]string{"output": "0\n1\n", "exit": "2", "stderr": "deadlock!"}, deadlock, true},
		{map[string]string{"stdout-has": "1\n", "exit": "2"}, deadlock, true},
		{map[string]string{"stdout-re": `(\d\n)+`, "exit": "2"}, deadlock, true},
		{map[string]string{"stdout-re": `\d\n`, "exit": "2"}, deadlock, false}, // the whole output must match
		{map[string]string{"output": ""}, outcome{stdout: "x"}, false},
	} {
		m, err := matcher(tc.kv)
		if err != nil {
			t.Fatal(err)
		}
		if got := m(tc.o); got != tc.want {
			t.Errorf("matcher(%v)(%+v) = %v, want %v", tc.kv, tc.o, got, tc.want)
		}
	}
}
