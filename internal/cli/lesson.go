package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/internal/render"
)

type lessonOptions struct {
	io      *IO
	g       *globals
	id      string
	section bool
	open    bool
}

func newLessonCmd(io *IO, g *globals) *cobra.Command {
	opts := &lessonOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "lesson [ID]",
		Short: "Read a lesson: the one of the current exercise, or of a lesson or exercise ID",
		Long: `Lesson renders a lesson in the terminal. On a terminal it is paged through $PAGER
(less -R by default), opened at the section that the exercise practises. --open
prints where the lesson is instead, for an editor: path:line and a markdown link
with the section's anchor.`,
		Example: `  gocourse lesson
  gocourse lesson 02-concurrency-vs-parallelism
  gocourse lesson 01-goroutines/say-hello --section
  gocourse lesson --open
  PAGER=more gocourse lesson`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			return runLesson(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.section, "section", false, "show only the section that the exercise practises")
	cmd.Flags().BoolVar(&opts.open, "open", false, "print the lesson's path and the section's anchor link instead")
	return cmd
}

func runLesson(opts *lessonOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	var l *course.Lesson
	var ex *course.Exercise
	if opts.id != "" {
		if l, err = c.Lesson(opts.id); err != nil {
			if ex, err = c.Exercise(opts.id); err != nil {
				return fmt.Errorf("unknown lesson or exercise %q (%s shows them all)", opts.id, suggest("list"))
			}
		}
	} else if ex, err = pick(c, st, ""); err != nil {
		return err
	}
	if ex != nil {
		l = ex.Lesson
	}
	path := filepath.Join(c.Root, filepath.FromSlash(l.Path()))
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s: %w", l.Path(), err)
	}
	text := string(data)
	if opts.open {
		return openLesson(opts.io.Out, path, l, ex, text)
	}
	if opts.section && ex != nil {
		if s := render.Section(text, ex.Section); s != "" {
			text = s
		}
	}
	ropts := render.Options{Width: columns(opts.io.Out), Colour: !color.NoColor}
	if _, ok := terminal(opts.io.Out); ok {
		var buf bytes.Buffer
		if err := render.Markdown(&buf, text, ropts); err != nil {
			return fmt.Errorf("%s: %w", l.Path(), err)
		}
		if ex != nil && !opts.section {
			fmt.Fprintf(&buf, "\n(%s practises the section %q.)\n", ex.ID, ex.Section)
		}
		line := 0
		if ex != nil && !opts.section {
			line = renderedLine(buf.String(), ex.Section)
		}
		if err := page(opts.io, buf.Bytes(), line); err == nil {
			return nil
		}
		_, err := opts.io.Out.Write(buf.Bytes()) // no pager: print it all
		return err
	}
	if err := render.Markdown(opts.io.Out, text, ropts); err != nil {
		return fmt.Errorf("%s: %w", l.Path(), err)
	}
	if ex != nil && !opts.section {
		fmt.Fprintf(opts.io.Out, "\n(%s practises the section %q.)\n", ex.ID, ex.Section)
	}
	return nil
}

// openLesson prints where a lesson and the exercise's section are, for an editor:
// path:line, then the markdown file with the heading's anchor.
func openLesson(w io.Writer, path string, l *course.Lesson, ex *course.Exercise, text string) error {
	if ex == nil {
		fmt.Fprintf(w, "%s:1\n%s\n", path, l.Path())
		return nil
	}
	line := 1
	for i, s := range strings.Split(text, "\n") {
		if strings.HasPrefix(s, "## ") && strings.TrimSpace(s[3:]) == ex.Section {
			line = i + 1
			break
		}
	}
	fmt.Fprintf(w, "%s:%d\n%s#%s\n", path, line, l.Path(), anchor(ex.Section))
	return nil
}

// anchor returns the link anchor that GitHub and most markdown viewers give a
// heading: lower case, punctuation dropped, spaces as hyphens.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// renderedLine returns the line (from 1) of rendered text that shows the heading, or
// 0 when there is none.
func renderedLine(rendered, heading string) int {
	for i, s := range strings.Split(rendered, "\n") {
		if strings.TrimSpace(ansi.ReplaceAllString(s, "")) == heading {
			return i + 1
		}
	}
	return 0
}

// page shows text through the learner's pager ($PAGER, or less -R), opened at line
// when the pager is less. The pager runs through the shell, as git runs it, so that
// PAGER may hold options.
func page(ios *IO, text []byte, line int) error {
	pager := os.Getenv("PAGER")
	if pager == "" {
		pager = "less -R"
	}
	var args []string
	if fields := strings.Fields(pager); len(fields) > 0 && filepath.Base(fields[0]) == "less" && line > 1 {
		args = append(args, fmt.Sprintf("+%d", line))
	}
	cmd := exec.Command("sh", append([]string{"-c", pager + ` "$@"`, "sh"}, args...)...)
	cmd.Stdin = bytes.NewReader(text)
	cmd.Stdout, cmd.Stderr = ios.Out, ios.Err
	return cmd.Run()
}
