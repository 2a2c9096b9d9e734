package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
)

type resetOptions struct {
	io      *IO
	g       *globals
	id      string
	yes     bool
	restore bool
}

func newResetCmd(io *IO, g *globals) *cobra.Command {
	opts := &resetOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "reset [ID]",
		Short: "Restore the starter of an exercise (the current one by default), keeping your version as a backup",
		Long: `Reset puts back the files of an exercise as the course shipped them, after asking.
Your version of each file is kept beside it first, as FILE.bak-DATE-TIME (git
ignores these), and reset --restore brings the latest backup back, keeping a backup
of what it replaces. Nothing you wrote is ever deleted.

The starter comes from git: from the commit you started the course at, else from
HEAD, so the course checkout must be a git clone. The exercise counts as not done
until it passes again.`,
		Example: `  gocourse reset
  gocourse reset 01-goroutines/say-hello
  gocourse reset say-hello --yes
  gocourse reset --restore say-hello`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			return runReset(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.yes, "yes", "y", false, "do not ask first")
	cmd.Flags().BoolVar(&opts.restore, "restore", false, "bring back your latest backup instead")
	return cmd
}

func runReset(opts *resetOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	ex, err := pick(c, st, opts.id)
	if err != nil {
		return err
	}
	w := opts.io.Out
	progressBar(w, c, st)
	if opts.restore {
		plan, err := planRestore(c, st, ex)
		if err != nil {
			return err
		}
		if !opts.yes {
			ok, err := ask(opts.io, fmt.Sprintf("Bring back your latest backup of %s? What is there now is kept as a backup.", strings.Join(ex.Files, ", ")))
			if !ok || err != nil {
				fmt.Fprintln(w, "Nothing was restored.")
				return &ExitError{Code: 1}
			}
		}
		return plan.apply(w, st, ex)
	}
	plan, err := planReset(c, st, ex)
	if err != nil {
		return err
	}
	if !opts.yes {
		ok, err := ask(opts.io, resetQuestion(ex))
		if !ok || err != nil {
			fmt.Fprintln(w, "Nothing was reset.")
			return &ExitError{Code: 1}
		}
	}
	return plan.apply(w, st, ex)
}

func resetQuestion(ex *course.Exercise) string {
	return fmt.Sprintf("Reset %s to its starter? Your %s is kept as a backup beside it.", ex.ID, strings.Join(ex.Files, ", "))
}

// now is the clock that names backups; tests set it.
var now = time.Now

// backupStamp is the layout of the time in a backup's name: FILE.bak-20060102-150405.
const backupStamp = "20060102-150405"

// fileChange is what reset or restore does to one file of an exercise.
type fileChange struct {
	path    string // absolute
	rel     string // relative to the course root, slash-separated
	data    []byte // the content the file gets
	from    string // where data comes from, for the learner
	backup  bool   // keep the file's content as a backup first
	current []byte // the file's content now (nil when missing)
	missing bool
}

// changePlan is every change of one reset or restore. Nothing is written until it is
// complete, so that a reset that cannot find one starter changes nothing.
type changePlan struct {
	verb    string // "reset" or "restore"
	changes []fileChange
	notes   []string // files left alone, and why
}

// planReset reads the starter of every file of ex from git and works out which of the
// learner's files need a backup.
func planReset(c *course.Course, st *course.State, ex *course.Exercise) (*changePlan, error) {
	p := &changePlan{verb: "reset"}
	for _, f := range ex.Files {
		data, rev, err := starter(c, st, ex, f)
		if err != nil {
			return nil, err
		}
		ch, err := readChange(c, ex, f)
		if err != nil {
			return nil, err
		}
		ch.data, ch.from = data, "the starter (commit "+shortRev(rev)+")"
		if rev == "HEAD" {
			ch.from = "the starter (HEAD)"
		}
		ch.backup = !ch.missing && !bytes.Equal(ch.current, data) && !backedUp(ch.path, ch.current)
		p.changes = append(p.changes, ch)
	}
	return p, nil
}

// planRestore finds, for every file of ex, the newest backup that differs from the
// file.
func planRestore(c *course.Course, st *course.State, ex *course.Exercise) (*changePlan, error) {
	p := &changePlan{verb: "restore"}
	for _, f := range ex.Files {
		ch, err := readChange(c, ex, f)
		if err != nil {
			return nil, err
		}
		baks, err := backups(ch.path)
		if err != nil {
			return nil, err
		}
		if len(baks) == 0 {
			p.notes = append(p.notes, fmt.Sprintf("%s has no backup", f))
			continue
		}
		found := false
		for i := len(baks) - 1; i >= 0; i-- {
			data, err := os.ReadFile(baks[i])
			if err != nil {
				return nil, err
			}
			if !ch.missing && bytes.Equal(data, ch.current) {
				continue
			}
			ch.data, ch.from, found = data, "your backup "+filepath.Base(baks[i]), true
			break
		}
		if !found {
			p.notes = append(p.notes, fmt.Sprintf("%s is the same as its backups already", f))
			continue
		}
		// What is there now needs a backup, unless it is saved already: as an older
		// backup, or as the starter that reset can always bring back.
		ch.backup = !ch.missing && !backedUp(ch.path, ch.current)
		if ch.backup {
			if data, _, err := starter(c, st, ex, f); err == nil && bytes.Equal(data, ch.current) {
				ch.backup = false
			}
		}
		p.changes = append(p.changes, ch)
	}
	if len(p.changes) == 0 {
		return nil, fmt.Errorf("nothing to restore for %s: %s (%s makes a backup)", ex.ID, strings.Join(p.notes, ", "), suggest("reset "+ex.ID))
	}
	return p, nil
}

func readChange(c *course.Course, ex *course.Exercise, f string) (fileChange, error) {
	rel := ex.Path() + "/" + f
	ch := fileChange{path: filepath.Join(c.Root, filepath.FromSlash(rel)), rel: rel}
	data, err := os.ReadFile(ch.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		ch.missing = true
	case err != nil:
		return ch, err
	default:
		ch.current = data
	}
	return ch, nil
}

// apply makes the backups first, then writes the files, then marks ex pending.
func (p *changePlan) apply(w io.Writer, st *course.State, ex *course.Exercise) error {
	saved := map[string]string{}
	for _, ch := range p.changes {
		if !ch.backup {
			continue
		}
		name, err := writeBackup(ch.path, ch.current)
		if err != nil {
			return fmt.Errorf("keeping a backup of %s: %v (nothing was changed)", ch.rel, err)
		}
		saved[ch.path] = name
	}
	for _, ch := range p.changes {
		switch {
		case !ch.missing && bytes.Equal(ch.current, ch.data):
			fmt.Fprintf(w, "  %s is %s already\n", ch.rel, ch.from)
			continue
		case ch.missing:
			fmt.Fprintf(w, "  %s was missing: now it is %s\n", ch.rel, ch.from)
		case saved[ch.path] != "":
			fmt.Fprintf(w, "  %s: now %s; your version is kept as %s\n", ch.rel, ch.from, filepath.Base(saved[ch.path]))
		default:
			fmt.Fprintf(w, "  %s: now %s (what was there is saved already)\n", ch.rel, ch.from)
		}
		if err := writeAtomic(ch.path, ch.data); err != nil {
			return fmt.Errorf("writing %s: %w", ch.rel, err)
		}
	}
	for _, n := range p.notes {
		fmt.Fprintf(w, "  %s\n", n)
	}
	if st.IsDone(ex.ID) {
		st.MarkPending(ex.ID)
		if err := st.Save(); err != nil {
			return fmt.Errorf("saving progress: %w", err)
		}
	}
	if p.verb == "reset" {
		fmt.Fprintf(w, "%s is back to its starter. %s brings your version back.\n", ex.ID, suggest("reset --restore "+ex.ID))
	} else {
		fmt.Fprintf(w, "%s has your version back. Check it with %s.\n", ex.ID, suggest("check "+ex.ID))
	}
	return nil
}

// backups returns the backups of the file at path, oldest first.
func backups(path string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	type bak struct {
		name  string
		stamp string
		n     int
	}
	var found []bak
	prefix := filepath.Base(path) + ".bak-"
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || e.IsDir() {
			continue
		}
		stamp, num, _ := strings.Cut(rest, ".")
		if _, err := time.Parse(backupStamp, stamp); err != nil {
			continue
		}
		n := 0
		if num != "" {
			if n, err = strconv.Atoi(num); err != nil {
				continue
			}
		}
		found = append(found, bak{e.Name(), stamp, n})
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].stamp != found[j].stamp {
			return found[i].stamp < found[j].stamp
		}
		return found[i].n < found[j].n
	})
	var paths []string
	for _, b := range found {
		paths = append(paths, filepath.Join(filepath.Dir(path), b.name))
	}
	return paths, nil
}

// backedUp reports whether one of the backups of the file at path holds data.
func backedUp(path string, data []byte) bool {
	baks, _ := backups(path)
	for _, b := range baks {
		if old, err := os.ReadFile(b); err == nil && bytes.Equal(old, data) {
			return true
		}
	}
	return false
}

// writeBackup saves data as a new backup of the file at path, never over an existing
// one: FILE.bak-STAMP, or FILE.bak-STAMP.N when several are made in one second.
func writeBackup(path string, data []byte) (string, error) {
	base := path + ".bak-" + now().Format(backupStamp)
	for n := 0; ; n++ {
		name := base
		if n > 0 {
			name += "." + strconv.Itoa(n)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(name)
			return "", err
		}
		return name, nil
	}
}

// writeAtomic replaces the file at path with data: a reader (the learner's editor, the
// grader) sees the old content or the new, never half of it.
func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
