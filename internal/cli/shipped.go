package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// courseData are the parts of a checkout that make the course, as opposed to the tool.
var courseData = []string{"course.yaml", "lessons", "exercises", "solutions"}

// CopyShippedCourse copies the course of the checkout at repo into dst as git has it
// (the index: the last commit and whatever is staged), not as the working tree has
// it, so that the exercises are the starters the course ships even in a checkout where
// a learner has been editing them. A checkout that is not a git clone is copied as it
// is: there is nothing else to go by. The workbook's replace directive is pointed back
// at repo, and every file is writable, as in a learner's checkout.
//
// The project's tests run on this copy; it is exported for them.
func CopyShippedCourse(repo, dst string) error {
	if err := exportIndex(repo, dst); err != nil {
		var notGit errNotGit
		if !errors.As(err, &notGit) {
			return err
		}
		for _, name := range courseData {
			src := filepath.Join(repo, name)
			if name == "course.yaml" {
				data, err := os.ReadFile(src)
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(dst, name), data, 0o644); err != nil {
					return err
				}
				continue
			}
			if err := os.CopyFS(filepath.Join(dst, name), os.DirFS(src)); err != nil {
				return fmt.Errorf("copying the course's %s: %w", name, err)
			}
		}
	}
	gomod := filepath.Join(dst, "exercises", "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		return err
	}
	data = []byte(strings.ReplaceAll(string(data), "=> ../", "=> "+repo+"/"))
	if err := os.WriteFile(gomod, data, 0o644); err != nil {
		return err
	}
	return filepath.WalkDir(dst, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.Chmod(p, 0o644)
		}
		return err
	})
}

// errNotGit says that a folder is not in a git work tree.
type errNotGit struct{ err error }

func (e errNotGit) Error() string { return e.err.Error() }

// exportIndex writes the course's files as the git index of repo has them into dst.
func exportIndex(repo, dst string) error {
	if _, err := git(repo, "rev-parse", "--is-inside-work-tree"); err != nil {
		return errNotGit{err}
	}
	list, err := git(repo, append([]string{"ls-files", "-z", "--"}, courseData...)...)
	if err != nil {
		return fmt.Errorf("listing the course's files in git: %w", err)
	}
	if len(bytes.TrimSpace(list)) == 0 {
		return errNotGit{fmt.Errorf("%s: git tracks no course files", repo)}
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	abs, err := filepath.Abs(dst)
	if err != nil {
		return err
	}
	cmd := exec.Command("git", "checkout-index", "-z", "--stdin", "--prefix="+abs+string(filepath.Separator))
	cmd.Dir = repo
	cmd.Stdin = bytes.NewReader(list)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("git checkout-index: %v: %s", err, bytes.TrimSpace(out))
	}
	return nil
}
