package grader

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/gocourse/gocourse/course"
)

// A Cache remembers the results of grading by the content of what was graded,
// so that what was graded once is not graded again: an untouched starter, a
// file identical to another learner's, a workbook graded in last week's run.
//
// A result's key is a SHA-256 of everything its grading read:
//
//   - the grader: the running executable (which carries the simulator's
//     source), the go command's version and settings (go env), the sandbox in
//     use and the Options that change a result (Go, Limits, FailFast, Hide);
//   - the course: its folder's path, course.yaml, go.mod, go.sum and the Go
//     source of the course's module outside exercises/, solutions/ and
//     lessons/ (what a course test may import), and every file of the
//     exercise's folder in the course (its tests, exercise.yaml, helpers,
//     testdata);
//   - the learner: the name and contents of each Go file grading takes from
//     the workbook (readLearnerFiles: the editable files and any helper file
//     of the package), the only thing grading takes from a workbook.
//
// A workbook whose files cannot be read as grading reads them (missing, not a
// regular file, too large) has no key and is always graded. A result that
// names the workbook's own folder is not given to another workbook (Grade).
//
// A cached result is the result the first grading of that key gave, byte for
// byte, durations included. Grading runs real tests, which are not
// deterministic: a second grading of the same files could differ (a rare
// schedule, a timeout on a loaded machine). The cache replays the first
// verdict instead of drawing again. Results with status "error" (the grader
// could not judge) are never kept on disk, so a later run tries again.
type Cache struct {
	dir string // "" keeps results in memory only

	mu  sync.Mutex
	mem map[string][]byte // key -> the result's JSON

	baseOnce sync.Once
	base     []byte // the grader's and the course's part of every key
	baseErr  error

	exMu sync.Mutex
	ex   map[string][]byte // exercise id -> the hash of its course folder
}

// NewCache returns a cache of results for the course c. With dir, results are
// also kept in dir (created if need be) and found there by later runs; with
// dir "", they are kept for the life of the Cache.
func NewCache(dir string) (*Cache, error) {
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("result cache: %w", err)
		}
	}
	return &Cache{dir: dir, mem: map[string][]byte{}, ex: map[string][]byte{}}, nil
}

// Key returns the key of grading ex in the workbook with opts, and false when
// it has none (a file of the learner cannot be read as grading reads it, or
// opts grade the reference solution).
func (k *Cache) Key(ctx context.Context, c *course.Course, ex *course.Exercise, opts Options) (string, bool) {
	if opts.Solution || opts.Mutant != "" || opts.Workbook == "" || sameDir(opts.Workbook, c.Root) {
		return "", false
	}
	k.baseOnce.Do(func() { k.base, k.baseErr = baseKey(ctx, c, opts) })
	if k.baseErr != nil {
		return "", false
	}
	exh, err := k.exerciseHash(c, ex)
	if err != nil {
		return "", false
	}
	h := sha256.New()
	h.Write(k.base)
	// What of opts changes a result: the sandbox's limits, what it hides, the
	// go command (the workbook is the learner's files, below).
	goCmd := opts.Go
	if goCmd == "" {
		goCmd = "go"
	}
	field(h, fmt.Sprintf("%s %+v %v %q", goCmd, opts.Limits, opts.FailFast, opts.Hide))
	h.Write(exh)
	field(h, ex.ID)
	// The learner's files exactly as the stage takes them (helper files
	// included; a link out of the folder refused), so that two workbooks share
	// a key only when grading would build the same package.
	pristine := filepath.Join(c.Root, filepath.FromSlash(ex.Path()))
	files, err := readLearnerFiles(ex, opts.Workbook, pristine, true)
	if err != nil {
		return "", false
	}
	for _, f := range files {
		field(h, f.name)
		field(h, string(f.data))
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// Get returns the result kept under key, and whether there is one. Each call
// returns a result of its own.
func (k *Cache) Get(key string) (*Result, bool) {
	k.mu.Lock()
	data, ok := k.mem[key]
	k.mu.Unlock()
	if !ok {
		if k.dir == "" {
			return nil, false
		}
		var err error
		if data, err = os.ReadFile(k.path(key)); err != nil {
			return nil, false
		}
		k.mu.Lock()
		k.mem[key] = data
		k.mu.Unlock()
	}
	var r Result
	if err := json.Unmarshal(data, &r); err != nil || r.ID == "" {
		return nil, false // a damaged file: grade again
	}
	return &r, true
}

// Put keeps r under key. A result with status "error" is kept for this run
// only: on disk it would stop later runs from judging.
func (k *Cache) Put(key string, r *Result) error {
	data, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("result cache: %w", err)
	}
	k.mu.Lock()
	k.mem[key] = data
	k.mu.Unlock()
	if k.dir == "" || r.Status == Error {
		return nil
	}
	p := k.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("result cache: %w", err)
	}
	// Written whole: a run that stops half-way, or two at once, never leave
	// half a result.
	if err := writeAtomic(p, data, 0o600); err != nil {
		return fmt.Errorf("result cache: %w", err)
	}
	return nil
}

func (k *Cache) path(key string) string {
	return filepath.Join(k.dir, key[:2], key+".json")
}

// field writes s to h with its length, so that no two lists of fields hash alike.
func field(h io.Writer, s string) {
	fmt.Fprintf(h, "%d:", len(s))
	io.WriteString(h, s)
}

// baseKey hashes what every key shares: the grader, the go command (opts.Go's
// go env) and the course outside its exercises.
func baseKey(ctx context.Context, c *course.Course, opts Options) ([]byte, error) {
	h := sha256.New()
	field(h, "gocourse result cache v1")
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("result cache: the grader's executable: %w", err)
	}
	if err := hashFile(h, exe); err != nil {
		return nil, fmt.Errorf("result cache: the grader's executable: %w", err)
	}
	goCmd := opts.Go
	if goCmd == "" {
		goCmd = "go"
	}
	env, err := exec.CommandContext(ctx, goCmd, "env", "GOVERSION", "GOROOT", "GOOS", "GOARCH", "GOAMD64", "GOFLAGS", "GOEXPERIMENT", "CGO_ENABLED", "GOTOOLCHAIN").Output()
	if err != nil {
		return nil, fmt.Errorf("result cache: go env: %w", err)
	}
	field(h, string(env))
	field(h, os.Getenv("GODEBUG"))
	field(h, Isolation())
	// The course's place on disk: a message may name a file of it.
	field(h, c.Root)
	if err := hashCourse(h, c.Root); err != nil {
		return nil, fmt.Errorf("result cache: %w", err)
	}
	return h.Sum(nil), nil
}

// hashCourse hashes the course's files that every exercise's grading may read:
// course.yaml, go.mod, go.sum and the Go source of the module's packages
// outside exercises/, solutions/ and lessons/ (what a course test may import).
func hashCourse(h io.Writer, root string) error {
	skip := []string{"exercises", "solutions", "lessons", "docs"}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || slices.Contains(skip, rel)) {
				return filepath.SkipDir
			}
			return nil
		}
		switch ext := filepath.Ext(rel); {
		case rel == course.FileName, rel == "go.mod", rel == "go.sum":
		case (ext == ".go" || ext == ".s") && d.Type().IsRegular():
		default:
			return nil
		}
		field(h, rel)
		return hashFile(h, p)
	})
}

// exerciseHash hashes every file of ex's folder in the course.
func (k *Cache) exerciseHash(c *course.Course, ex *course.Exercise) ([]byte, error) {
	k.exMu.Lock()
	defer k.exMu.Unlock()
	if sum, ok := k.ex[ex.ID]; ok {
		return sum, nil
	}
	h := sha256.New()
	dir := filepath.Join(c.Root, filepath.FromSlash(ex.Path()))
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		field(h, filepath.ToSlash(rel))
		switch {
		case d.IsDir():
			field(h, "dir")
		case d.Type().IsRegular():
			return hashFile(h, p)
		default:
			target, _ := os.Readlink(p)
			field(h, "link "+target)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("result cache: %w", err)
	}
	sum := h.Sum(nil)
	k.ex[ex.ID] = sum
	return sum, nil
}

func hashFile(h io.Writer, p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	inner := sha256.New()
	if _, err := io.Copy(inner, f); err != nil {
		return err
	}
	field(h, string(inner.Sum(nil)))
	return nil
}
