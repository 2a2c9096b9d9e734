package grader

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gocourse/gocourse/course"
	"unicode/utf8"
)

// Strict mode: an instructor grades someone else's workbook. Nothing of the
// submission is trusted but the contents of the learner's Go files: every check
// builds from a private copy (the stage) made of
//
//   - the course's go.mod and go.sum for the workbook module, with relative
//     replace directives pointing into the course's checkout (so a learner's
//     go.mod, go.sum, go.work, vendor folder, replace or toolchain line changes
//     nothing, and no package of the root module comes from the submission);
//   - the learner's Go files (findLearnerFiles), read by real path from their
//     own exercise folder, as regular files;
//   - every other file of the course's exercise folder (its tests, helper files,
//     testdata), and nothing else of the learner's folder (no _test.go file,
//     TestMain, .s, .c or .syso file).
//
// What the learner's files may use is the policy's to say (policy.go).

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

// stage builds the private copy of the exercise's package and points BuildDir
// and Sources at it. Every check builds there, with no overlay but the files the
// grader generates (keyed by BuildDir): nothing else of the submission is read.
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

	if err := stageModule(mod, stage); err != nil {
		return err
	}
	editable, err := env.stageLearnerFiles()
	if err != nil {
		return err
	}
	// Nothing of the learner's folder reaches the go command but through the
	// stage: the overlay holds only what the grader generates.
	env.Overlay = map[string]string{}
	return env.stageCourseFiles(pristine, editable)
}

// stageModule writes the course's go.mod and go.sum (of the module at mod)
// into the stage, with the module's relative replacements made absolute: they
// name folders of the course's checkout.
func stageModule(mod, stage string) error {
	gomod, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		return fmt.Errorf("the course's go.mod: %w", err)
	}
	if err := os.WriteFile(filepath.Join(stage, "go.mod"), absReplace(gomod, mod), 0o600); err != nil {
		return fmt.Errorf("staging go.mod: %w", err)
	}
	if sum, err := os.ReadFile(filepath.Join(mod, "go.sum")); err == nil {
		if err := os.WriteFile(filepath.Join(stage, "go.sum"), sum, 0o600); err != nil {
			return fmt.Errorf("staging go.sum: %w", err)
		}
	}
	return nil
}

// stageLearnerFiles copies the learner's Go files (findLearnerFiles has
// checked and read them) into the stage, and returns their names.
func (env *Env) stageLearnerFiles() (map[string]bool, error) {
	editable := map[string]bool{}
	for _, f := range env.LearnerFiles {
		editable[f] = true
		data, err := os.ReadFile(env.Sources[f])
		if err != nil {
			return nil, fmt.Errorf("staging %s: %w", f, err)
		}
		dst := filepath.Join(env.BuildDir, f)
		if err := os.WriteFile(dst, data, 0o600); err != nil {
			return nil, fmt.Errorf("staging %s: %w", f, err)
		}
		env.Sources[f] = dst
	}
	return editable, nil
}

// stageCourseFiles copies the course's own files of the exercise (in
// pristine) into the stage: tests, helpers, testdata; not the learner's
// editable files, nor exercise.yaml.
func (env *Env) stageCourseFiles(pristine string, editable map[string]bool) error {
	ents, err := os.ReadDir(pristine)
	if err != nil {
		return fmt.Errorf("the course's exercise folder: %w", err)
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
					return fmt.Errorf("staging the course's testdata: %w", err)
				}
			}
			continue
		}
		if err := copyFile(src, dst); err != nil {
			return fmt.Errorf("staging the course's %s: %w", name, err)
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

// fromBuild rewrites the paths in output of the go command or of the test binary so
// that they name the learner's folder: paths in the stage, and the import-path
// form that -trimpath puts into binaries.
func (env *Env) fromBuild(s string) string {
	if env.BuildDir != "" && env.BuildDir != env.Dir {
		s = strings.ReplaceAll(s, env.BuildDir, env.Dir)
	}
	if env.ImportPath != "" {
		s = strings.ReplaceAll(s, env.ImportPath+"/", env.Dir+string(filepath.Separator))
	}
	return s
}

// goAccepts reports whether the go command takes name as a Go file of a package
// folder: a .go name that it neither ignores (a leading "_" or ".") nor refuses
// ("invalid input file name": a leading "-" and other characters that could
// read as a flag).
func goAccepts(name string) bool {
	if !strings.HasSuffix(name, ".go") || strings.HasPrefix(name, "_cgo_") {
		return false
	}
	c := name[0]
	return '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c >= utf8.RuneSelf
}

// findLearnerFiles sets LearnerFiles and Sources: the learner's Go files of the
// exercise. They are
//
//   - the exercise's editable files (exercise.yaml files:), which must be there;
//   - every other Go file of the learner's folder that is not a test, that the
//     go command accepts by name, that declares the exercise's package, and that
//     the course does not provide itself: a learner may split a solution into
//     helper files. A stray "-old.go", an editor's "sum.go~" or "#sum.go#", the
//     learner's own tests and files of another package are ignored.
//
// When grading strictly each must be a regular file, at most maxSource bytes,
// whose real path (symbolic links resolved) is inside the learner's exercise
// folder, itself no symbolic link: a link to another learner's folder, to the
// course's checkout or to another exercise is refused, naming the file.
func (env *Env) findLearnerFiles(pristine string) error {
	if !env.Strict {
		// The learner's own checkout: a file they edit is gone, and the
		// command that brings it back is the way forward.
		for _, name := range env.Exercise.Files {
			if _, err := os.Stat(filepath.Join(env.Dir, name)); err != nil {
				return fmt.Errorf("%s/%s: the file is missing (%s restores the starter): %w", env.Exercise.Path(), name, env.command("reset "+env.Exercise.ID), err)
			}
		}
	}
	files, err := readLearnerFiles(env.Exercise, env.Root, pristine, env.Strict)
	if err != nil {
		return err
	}
	for _, f := range files {
		if !env.Strict {
			env.Sources[f.name] = f.path
			env.LearnerFiles = append(env.LearnerFiles, f.name)
			continue
		}
		copyPath := filepath.Join(env.TmpDir, "learner", f.name)
		if err := os.MkdirAll(filepath.Dir(copyPath), 0o700); err != nil {
			return err
		}
		if err := os.WriteFile(copyPath, f.data, 0o600); err != nil {
			return err
		}
		env.Sources[f.name] = copyPath
		env.LearnerFiles = append(env.LearnerFiles, f.name)
	}
	return nil
}

// learnerFile is one Go file of the learner's exercise, as grading takes it.
type learnerFile struct {
	name string // its name in the exercise's folder
	path string // where it is
	data []byte // its contents, read by real path (strict only)
}

// readLearnerFiles returns the learner's Go files of ex in the workbook whose
// root is root, chosen and checked as findLearnerFiles says; strict reads them
// (and checks their real paths). The stage and the result cache's key both come
// from this one choice, so a key covers exactly what grading builds.
func readLearnerFiles(ex *course.Exercise, root, pristine string, strict bool) ([]learnerFile, error) {
	dir := filepath.Join(root, filepath.FromSlash(ex.Path()))
	realDir := dir
	if strict {
		var err error
		if realDir, err = realExerciseDir(ex, root, dir); err != nil {
			return nil, err
		}
	}
	var files []learnerFile
	take := func(name string, required bool) error {
		f, err := takeLearnerFile(ex, dir, realDir, name, required, strict)
		if f != nil {
			files = append(files, *f)
		}
		return err
	}
	editable := map[string]bool{}
	for _, f := range ex.Files {
		editable[f] = true
		if err := take(f, true); err != nil {
			return nil, err
		}
	}
	// The package the exercise's files declare, from the course's starter.
	pkg := ""
	for _, f := range ex.Files {
		if p := packageName(filepath.Join(pristine, f)); p != "" {
			pkg = p
			break
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, &learnerFault{fmt.Sprintf("%s: %v", ex.Path(), err)}
	}
	for _, e := range ents {
		name := e.Name()
		if editable[name] || !goAccepts(name) || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if _, err := os.Lstat(filepath.Join(pristine, name)); err == nil {
			continue // the course's own file of that name is used
		}
		if pkg == "" || packageName(filepath.Join(dir, name)) != pkg {
			continue // another package's file (or unreadable): not part of this one
		}
		if err := take(name, false); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// takeLearnerFile takes the learner's file name of the exercise folder dir
// (whose real path is realDir): nil when it is missing and not required. When
// grading strictly it must be a regular file, at most maxSource bytes, inside
// the folder, and it is read.
func takeLearnerFile(ex *course.Exercise, dir, realDir, name string, required, strict bool) (*learnerFile, error) {
	path := filepath.Join(dir, name)
	if !strict {
		if _, err := os.Stat(path); err != nil {
			if !required {
				return nil, nil
			}
			return nil, fmt.Errorf("%s/%s: the file is missing: %w", ex.Path(), name, err)
		}
		return &learnerFile{name: name, path: path}, nil
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if _, lerr := os.Lstat(path); lerr == nil {
				return nil, &learnerFault{fmt.Sprintf("%s/%s: a symbolic link to nothing", ex.Path(), name)}
			}
			return nil, &learnerFault{fmt.Sprintf("%s/%s: the file is missing from the submission", ex.Path(), name)}
		}
		return nil, &learnerFault{fmt.Sprintf("%s/%s: %v", ex.Path(), name, err)}
	}
	if !within(realDir, real) {
		return nil, &learnerFault{fmt.Sprintf("%s/%s: a symbolic link to a file outside the exercise's folder; the grader reads only the folder's own files", ex.Path(), name)}
	}
	data, err := readRegular(real, maxSource)
	if err != nil {
		return nil, &learnerFault{fmt.Sprintf("%s/%s: %v", ex.Path(), name, err)}
	}
	return &learnerFile{name: name, path: real, data: data}, nil
}

// realExerciseDir returns the real path of the learner's exercise folder dir,
// which must be the folder itself: no symbolic link on the way from the
// workbook's root (a link to another learner's folder would grade that
// learner's work).
func realExerciseDir(ex *course.Exercise, root, dir string) (string, error) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", fmt.Errorf("the workbook %s: %w", root, err)
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", &learnerFault{fmt.Sprintf("%s: the exercise folder is missing from the submission", ex.Path())}
	}
	if real != filepath.Join(realRoot, filepath.FromSlash(ex.Path())) {
		return "", &learnerFault{fmt.Sprintf("%s: the exercise folder is a symbolic link (to %s); the grader reads only the workbook's own folder", ex.Path(), real)}
	}
	if fi, err := os.Stat(real); err != nil || !fi.IsDir() {
		return "", &learnerFault{fmt.Sprintf("%s: not a folder", ex.Path())}
	}
	return real, nil
}

// within reports whether path is inside the folder dir.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && !strings.HasPrefix(rel, "..") && !filepath.IsAbs(rel)
}

// packageName returns the package clause of a Go file, or "" when it cannot be
// read (at most maxSource bytes are).
func packageName(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	src, _ := io.ReadAll(io.LimitReader(f, maxSource))
	file, err := parser.ParseFile(token.NewFileSet(), path, src, parser.PackageClauseOnly)
	if err != nil {
		return ""
	}
	return file.Name.Name
}
