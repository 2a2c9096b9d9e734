package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/spf13/cobra"
)

type solutionOptions struct {
	io    *IO
	g     *globals
	id    string
	force bool
}

// sideBySide is the narrowest terminal that shows the solution beside the learner's
// file: two columns of about 78 characters.
const sideBySide = 160

func newSolutionCmd(io *IO, g *globals) *cobra.Command {
	opts := &solutionOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "solution [ID]",
		Short: "Show the reference solution of an exercise you have passed",
		Long: `Solution shows the course's reference solution of an exercise once your code
passes it, beside your own file when the terminal is at least 160 columns wide
($COLUMNS, else the terminal's width), else one after the other. --force shows it
before you pass.`,
		Example: `  gocourse solution 01-goroutines/say-hello
  gocourse solution say-hello --force
  COLUMNS=200 gocourse solution say-hello`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.id = args[0]
			}
			return runSolution(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.force, "force", false, "show it before the exercise passes")
	return cmd
}

func runSolution(opts *solutionOptions) error {
	c, st, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	ex, err := pick(c, st, opts.id)
	if err != nil {
		return err
	}
	w := opts.io.Out
	if !st.IsDone(ex.ID) {
		if !opts.force {
			return fmt.Errorf("%s has not passed yet: its solution opens once it does (%s helps; %s shows it now)", ex.ID, suggest("hint "+ex.ID), suggest("solution "+ex.ID+" --force"))
		}
		fmt.Fprintf(w, "%s has not passed yet: here is its solution, as --force asks.\n", ex.ID)
	}
	progressBar(w, c, st)
	cols := columns(w)
	for _, f := range ex.Files {
		mine, mineErr := os.ReadFile(filepath.Join(c.Root, filepath.FromSlash(ex.Path()), f))
		sol, err := os.ReadFile(filepath.Join(c.Root, filepath.FromSlash(ex.SolutionPath()), f))
		if err != nil {
			return fmt.Errorf("%s/%s: the reference solution is missing", ex.SolutionPath(), f)
		}
		if errors.Is(mineErr, fs.ErrNotExist) {
			mine = []byte("(missing: gocourse reset " + ex.ID + " restores the starter)\n")
		} else if mineErr != nil {
			return mineErr
		}
		left := ex.Path() + "/" + f + " (yours)"
		right := ex.SolutionPath() + "/" + f + " (solution)"
		if cols >= sideBySide {
			showSideBySide(w, left, string(mine), right, string(sol), cols)
		} else {
			showOneAfterOther(w, left, string(mine), right, string(sol))
		}
	}
	fmt.Fprintf(w, "\nThe lesson section behind it: %s\n", suggest("lesson "+ex.ID))
	return nil
}

// codeLines splits source into lines with tabs expanded to four spaces.
func codeLines(src string) []string {
	src = strings.TrimRight(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, "\t", "    ")
	}
	return lines
}

// lineSet is the set of a file's lines, trimmed, to mark the lines of the other
// file that it does not have.
func lineSet(lines []string) map[string]bool {
	set := map[string]bool{}
	for _, l := range lines {
		set[strings.TrimSpace(l)] = true
	}
	return set
}

func showOneAfterOther(w io.Writer, left, mine, right, sol string) {
	bold := color.New(color.Bold)
	mineLines, solLines := codeLines(mine), codeLines(sol)
	for _, part := range []struct {
		title       string
		lines       []string
		other       map[string]bool
		paintOthers *color.Color
	}{
		{left, mineLines, lineSet(solLines), color.New(color.FgYellow)},
		{right, solLines, lineSet(mineLines), color.New(color.FgGreen)},
	} {
		bold.Fprintf(w, "\n── %s\n", part.title)
		for i, l := range part.lines {
			paint := color.New(color.Reset)
			if !part.other[strings.TrimSpace(l)] {
				paint = part.paintOthers
			}
			paint.Fprintf(w, "%4d  %s\n", i+1, l)
		}
	}
}

func showSideBySide(w io.Writer, left, mine, right, sol string, cols int) {
	col := (cols - 3) / 2
	mineLines, solLines := codeLines(mine), codeLines(sol)
	inMine, inSol := lineSet(mineLines), lineSet(solLines)
	bold := color.New(color.Bold)
	bold.Fprint(w, pad(clip(left, col), col))
	fmt.Fprint(w, " │ ")
	bold.Fprintln(w, clip(right, col))
	fmt.Fprintf(w, "%s─┼─%s\n", strings.Repeat("─", col), strings.Repeat("─", col))
	l, r := wrapCode(mineLines, col), wrapCode(solLines, col)
	for i := range max(len(l), len(r)) {
		var a, b wrapped
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		paintA, paintB := color.New(color.Reset), color.New(color.Reset)
		if i < len(l) && !inSol[strings.TrimSpace(a.line)] {
			paintA = color.New(color.FgYellow)
		}
		if i < len(r) && !inMine[strings.TrimSpace(b.line)] {
			paintB = color.New(color.FgGreen)
		}
		paintA.Fprint(w, pad(a.text, col))
		fmt.Fprint(w, " │ ")
		paintB.Fprintln(w, strings.TrimRight(b.text, " "))
	}
}

// wrapped is one screen row of a column: a piece of a source line.
type wrapped struct {
	text string // what the row shows
	line string // the whole source line it belongs to
}

// wrapCode numbers lines and cuts the long ones into rows of width runes.
func wrapCode(lines []string, width int) []wrapped {
	var rows []wrapped
	for i, l := range lines {
		text := fmt.Sprintf("%4d  %s", i+1, l)
		for {
			if utf8.RuneCountInString(text) <= width {
				rows = append(rows, wrapped{text, l})
				break
			}
			cut := runeOffset(text, width)
			rows = append(rows, wrapped{text[:cut], l})
			text = "      " + text[cut:]
		}
	}
	return rows
}

func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func clip(s string, width int) string { return s[:runeOffset(s, width)] }

func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}
