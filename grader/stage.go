package grader

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Strict mode: an instructor grades someone else's workbook. Nothing of the
// submission is trusted but the contents of the files the learner edits: the
// package is built from a private copy (the stage) made of
//
//   - the course's go.mod and go.sum for the workbook module, with relative
//     replace directives pointing into the course's checkout (so a learner's
//     replace, toolchain or require line changes nothing, and no package of the
//     root module comes from the submission);
//   - the learner's editable files (ex.Files), which must be regular files;
//   - every other file of the course's exercise folder (its tests, helper files,
//     testdata), and nothing else of the learner's folder (no extra _test.go file,
//     TestMain, .s or .c file).
//
// The learner's files may not use cgo, //go:embed or //go:linkname, and may import
// only the standard library and what the course's own files import: each of those
// could read the course's tests while compiling or reach outside the package.

// maxSource bounds an editable file.
const maxSource = 1 << 20

// sameDir reports whether two paths name the same folder.
func sameDir(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

func newNonce() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// moduleRoot returns the folder of the go.mod that holds dir, searching up to root.
func moduleRoot(root, dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if d == root || d == filepath.Dir(d) {
			return "", fmt.Errorf("%s: no go.mod in the course's checkout above it", dir)
		}
	}
}

// importPath returns the import path of the package in the course folder dir.
func importPath(root, dir string) (string, error) {
	mod, err := moduleRoot(root, dir)
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		return "", err
	}
	path := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 2 && f[0] == "module" {
			path = strings.Trim(f[1], `"`)
			break
		}
	}
	if path == "" {
		return "", fmt.Errorf("%s: no module line", filepath.Join(mod, "go.mod"))
	}
	rel, err := filepath.Rel(mod, dir)
	if err != nil {
		return "", err
	}
	if rel == "." {
		return path, nil
	}
	return path + "/" + filepath.ToSlash(rel), nil
}

// stage builds the private copy of the exercise's package and points BuildDir,
// Sources and Overlay at it.
func (env *Env) stage(pristine string) error {
	c := env.Course
	mod, err := moduleRoot(c.Root, pristine)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(mod, pristine)
	if err != nil {
		return err
	}
	stage := filepath.Join(env.TmpDir, "stage")
	env.BuildDir = filepath.Join(stage, rel)
	if err := os.MkdirAll(env.BuildDir, 0o700); err != nil {
		return err
	}

	// The course's go.mod and go.sum, with the module's relative replacements made
	// absolute: they name folders of the course's checkout.
	gomod, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(stage, "go.mod"), absReplace(gomod, mod), 0o600); err != nil {
		return err
	}
	if sum, err := os.ReadFile(filepath.Join(mod, "go.sum")); err == nil {
		if err := os.WriteFile(filepath.Join(stage, "go.sum"), sum, 0o600); err != nil {
			return err
		}
	}
	learnerMod := filepath.Join(env.Root, filepath.FromSlash(mustRel(c.Root, mod)))
	env.Overlay[filepath.Join(learnerMod, "go.mod")] = filepath.Join(stage, "go.mod")
	env.Overlay[filepath.Join(learnerMod, "go.sum")] = filepath.Join(stage, "go.sum")

	// The learner's editable files: regular files of modest size, nothing else.
	editable := map[string]bool{}
	for _, f := range env.Exercise.Files {
		editable[f] = true
		src := env.Sources[f]
		data, err := readRegular(src, maxSource)
		if err != nil {
			return &learnerError{fmt.Sprintf("%s/%s: %v", env.Exercise.Path(), f, err)}
		}
		dst := filepath.Join(env.BuildDir, f)
		if err := os.WriteFile(dst, data, 0o600); err != nil {
			return err
		}
		env.Sources[f] = dst
		env.Overlay[filepath.Join(env.Dir, f)] = dst
	}

	// The course's own files of the exercise: tests, helpers, testdata.
	ents, err := os.ReadDir(pristine)
	if err != nil {
		return err
	}
	for _, e := range ents {
		name := e.Name()
		if editable[name] || name == "exercise.yaml" {
			continue
		}
		src, dst := filepath.Join(pristine, name), filepath.Join(env.BuildDir, name)
		if e.IsDir() {
			if name == "testdata" {
				if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
					return err
				}
			}
			continue
		}
		if err := copyFile(src, dst); err != nil {
			return err
		}
		env.Overlay[filepath.Join(env.Dir, name)] = src
	}
	// Whatever else the learner's folder holds is hidden from checkers that build
	// in place.
	if ents, err := os.ReadDir(env.Dir); err == nil {
		for _, e := range ents {
			p := filepath.Join(env.Dir, e.Name())
			if _, ok := env.Overlay[p]; !ok && !e.IsDir() {
				env.Overlay[p] = ""
			}
		}
	}
	return nil
}

// absReplace rewrites the replace directives of a go.mod whose target is a
// relative folder so that they name that folder absolutely (relative to dir).
func absReplace(gomod []byte, dir string) []byte {
	lines := strings.Split(string(gomod), "\n")
	for i, l := range lines {
		left, right, ok := strings.Cut(l, "=>")
		if !ok {
			continue
		}
		f := strings.Fields(right)
		if len(f) != 1 {
			continue // a module version, not a folder
		}
		target := strings.Trim(f[0], `"`)
		if target == "." || target == ".." || strings.HasPrefix(target, "./") || strings.HasPrefix(target, "../") {
			lines[i] = left + "=> " + strconv.Quote(filepath.Join(dir, filepath.FromSlash(target)))
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

func mustRel(base, p string) string {
	rel, err := filepath.Rel(base, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(rel)
}

// readRegular reads a file that must be a regular file (not a link, a folder or a
// device) of at most max bytes.
func readRegular(path string, max int64) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("the file is missing")
		}
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s); a graded file must be plain Go source", fi.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("larger than %s", size(max))
	}
	return data, nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o600)
}

// policy lists what the learner's files may not do when graded strictly: cgo,
// //go:embed, //go:linkname, and imports beyond the standard library and the
// course's own imports for this exercise.
func (env *Env) policy() []string {
	allowed := env.courseImports()
	var msgs []string
	fset := token.NewFileSet()
	for _, name := range env.Exercise.Files {
		path := filepath.Join(env.Dir, name)
		f, err := parser.ParseFile(fset, path, readOrEmpty(env.Sources[name]), parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			continue // parse reports it
		}
		rel := env.Rel(path)
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			line := fset.Position(imp.Pos()).Line
			switch {
			case p == "C":
				msgs = append(msgs, fmt.Sprintf("%s:%d: cgo (import \"C\") is not allowed in a graded exercise", rel, line))
			case !isStd(p) && !allowed[p]:
				msgs = append(msgs, fmt.Sprintf("%s:%d: import %q is not allowed in a graded exercise (only the standard library and what the exercise's own files import)", rel, line, p))
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				for _, d := range []string{"//go:embed", "//go:linkname", "//go:cgo_"} {
					if strings.HasPrefix(c.Text, d) {
						msgs = append(msgs, fmt.Sprintf("%s:%d: %s is not allowed in a graded exercise", rel, fset.Position(c.Pos()).Line, strings.TrimSuffix(d, "_")))
					}
				}
			}
		}
	}
	return msgs
}

// courseImports returns the import paths used by the course's own files of the
// exercise: its starter, tests and reference solution.
func (env *Env) courseImports() map[string]bool {
	allowed := map[string]bool{}
	c := env.Course
	for _, dir := range []string{env.Exercise.Path(), env.Exercise.SolutionPath()} {
		root := filepath.Join(c.Root, filepath.FromSlash(dir))
		fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
				return nil
			}
			f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(root, p), nil, parser.ImportsOnly)
			if err != nil {
				return nil
			}
			for _, imp := range f.Imports {
				if p, err := strconv.Unquote(imp.Path.Value); err == nil && p != "C" {
					allowed[p] = true
				}
			}
			return nil
		})
	}
	return allowed
}

// isStd reports whether an import path belongs to the standard library: its first
// element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && path != "C"
}

// fromBuild rewrites the paths in output of the go command or of the test binary so
// that they name the learner's folder: paths in the stage, and the import-path
// form that -trimpath puts into binaries.
func (env *Env) fromBuild(s string) string {
	if env.BuildDir != env.Dir {
		s = strings.ReplaceAll(s, env.BuildDir+string(filepath.Separator), env.Dir+string(filepath.Separator))
	}
	if env.ImportPath != "" {
		s = strings.ReplaceAll(s, env.ImportPath+"/", env.Dir+string(filepath.Separator))
	}
	return s
}
