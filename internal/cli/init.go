package cli

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
)

type initOptions struct {
	io  *IO
	g   *globals
	dir string
}

func newInitCmd(io *IO, g *globals) *cobra.Command {
	opts := &initOptions{io: io, g: g}
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Make a fresh copy of the workbook in DIR, as a git repository of your own",
		Long: `Init copies the course as you started it (the commit recorded in your progress,
else HEAD) into DIR, a new or empty folder: course.yaml, the lessons, the exercises'
starters and tests, the solutions and everything the workbook module needs. DIR
becomes a git repository with one commit, and starts with no progress.

Your own changes in this checkout are not copied: init gives a fresh start.`,
		Example: "  gocourse init ~/my-gocourse\n  cd ~/my-gocourse && gocourse",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.dir = args[0]
			return runInit(opts)
		},
	}
}

func runInit(opts *initOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	dir, err := filepath.Abs(opts.dir)
	if err != nil {
		return err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: init makes a fresh workbook in a new or empty folder", opts.dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	rev := st.Base
	if rev == "" {
		if rev, err = gitHead(c.Root); err != nil {
			return fmt.Errorf("init copies the course from git, and %s is not a git clone (%v)", c.Root, err)
		}
	}
	archive, err := git(c.Root, "archive", "--format=tar", rev)
	if err != nil {
		return fmt.Errorf("reading the course at %s: %w", shortRev(rev), err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	n, err := untar(dir, bytes.NewReader(archive))
	if err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	if _, err := os.Stat(filepath.Join(dir, course.FileName)); err != nil {
		return fmt.Errorf("the course at %s has no %s", shortRev(rev), course.FileName)
	}
	w := opts.io.Out
	fmt.Fprintf(w, "Copied %d files of the course (commit %s) into %s.\n", n, shortRev(rev), dir)

	if _, err := git(dir, "init", "-q"); err != nil {
		return err
	}
	if _, err := git(dir, "add", "-A"); err != nil {
		return err
	}
	commit := []string{"commit", "-q", "--no-verify", "-m", "gocourse workbook, from the course at " + shortRev(rev)}
	if out, _ := git(dir, "config", "user.email"); len(bytes.TrimSpace(out)) == 0 {
		commit = append([]string{"-c", "user.name=gocourse", "-c", "user.email=gocourse@localhost"}, commit...)
	}
	if _, err := git(dir, commit...); err != nil {
		return err
	}
	fresh, _ := course.LoadState(dir)
	if fresh.Base, err = gitHead(dir); err == nil {
		if err := fresh.Save(); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "It is a git repository of its own, with one commit and no progress yet.\n\nStart with:\n  cd %s\n  gocourse\n", opts.dir)
	return nil
}

// untar writes the regular files, folders and symbolic links of a tar stream under
// dir and returns how many files it wrote. Names that would leave dir are refused.
func untar(dir string, r io.Reader) (int, error) {
	tr := tar.NewReader(r)
	files := 0
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return files, err
		}
		if h.Typeflag == tar.TypeXGlobalHeader {
			continue // git archive's record of the commit
		}
		name := filepath.FromSlash(strings.TrimPrefix(h.Name, "./"))
		if !filepath.IsLocal(name) {
			return files, fmt.Errorf("refusing %q: outside the folder", h.Name)
		}
		p := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(p, 0o755); err != nil {
				return files, err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return files, err
			}
			mode := os.FileMode(0o644)
			if h.Mode&0o111 != 0 {
				mode = 0o755
			}
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
			if err != nil {
				return files, err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return files, err
			}
			files++
		case tar.TypeSymlink:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return files, err
			}
			if err := os.Symlink(h.Linkname, p); err != nil {
				return files, err
			}
		}
	}
}
