package cli

import (
	"bytes"
	"fmt"
	"os/exec"
	"path"
	"strings"

	"github.com/gocourse/gocourse/course"
)

// git runs git in dir and returns its standard output. The error carries git's own
// first line of complaint.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}

// gitHead returns the commit checked out in the git work tree holding dir.
func gitHead(dir string) (string, error) {
	out, err := git(dir, "rev-parse", "--verify", "HEAD^{commit}")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// recordBase remembers the commit a learner starts from, the first time a command
// runs in a git clone of the course: reset restores starters from that commit.
func recordBase(c *course.Course, st *course.State) error {
	if st.Base != "" {
		return nil
	}
	head, err := gitHead(c.Root)
	if err != nil {
		return nil // not a git clone: reset says so when it is asked
	}
	st.Base = head
	return st.Save()
}

// starter returns the starter of one file of an exercise as the course shipped it:
// from the commit the learner started from, else from HEAD. from names the commit.
func starter(c *course.Course, st *course.State, ex *course.Exercise, file string) (data []byte, from string, err error) {
	rel := "./" + path.Join(ex.Path(), file) // ./ : relative to the course root, not the repository's
	var revs []string
	if st.Base != "" {
		revs = append(revs, st.Base)
	}
	revs = append(revs, "HEAD")
	var firstErr error
	for _, rev := range revs {
		data, err := git(c.Root, "show", rev+":"+rel)
		if err == nil {
			return data, rev, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if _, err := gitHead(c.Root); err != nil {
		return nil, "", fmt.Errorf("cannot restore the starter of %s: %s is not a git clone of the course (%v)", path.Join(ex.Path(), file), c.Root, err)
	}
	return nil, "", fmt.Errorf("cannot restore the starter of %s: git has no such file at %s or HEAD", path.Join(ex.Path(), file), shortRev(st.Base))
}

func shortRev(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	if rev == "" {
		return "the start"
	}
	return rev
}
