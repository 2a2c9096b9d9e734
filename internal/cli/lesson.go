package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/internal/course"
	"github.com/gocourse/gocourse/internal/render"
)

type lessonOptions struct {
	io      *IO
	g       *globals
	id      string
	section bool
}

func newLessonCmd(io *IO, g *globals) *cobra.Command {
	opts := &lessonOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "lesson [ID]",
		Short: "Read a lesson: the one of the current exercise, or of a lesson or exercise ID",
		Example: `  gocourse lesson
  gocourse lesson 02-concurrency-vs-parallelism
  gocourse lesson 01-goroutines/say-hello --section`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			return runLesson(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.section, "section", false, "show only the section that the exercise practises")
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
				return fmt.Errorf("unknown lesson or exercise %q (gocourse list shows them all)", opts.id)
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
		return fmt.Errorf("%s: %v", l.Path(), err)
	}
	text := string(data)
	if opts.section && ex != nil {
		if s := render.Section(text, ex.Section); s != "" {
			text = s
		}
	}
	render.Markdown(opts.io.Out, text)
	if ex != nil && !opts.section {
		fmt.Fprintf(opts.io.Out, "\n(%s practises the section %q.)\n", ex.ID, ex.Section)
	}
	return nil
}
