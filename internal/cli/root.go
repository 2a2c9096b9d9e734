// Package cli holds the gocourse commands. Each command has an options struct, a
// constructor that wires flags into it, and a run function that writes to the streams
// in IO, so that every command can be tested without a terminal.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
)

// IO is where a command reads and writes.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
}

// System returns the process's own streams.
func System() *IO { return &IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr} }

// ExitError ends the program with a status and no further message: the command has
// already said what happened (a failed check, say).
type ExitError struct {
	Code int
	// Verdict marks the status of a check that failed: it tells a script what
	// the printed result already told the learner (see exitStatus).
	Verdict bool
}

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// globals are the flags every command has.
type globals struct {
	courseDir string
}

// NewRoot returns the gocourse command with every subcommand attached.
func NewRoot(io *IO) *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "gocourse",
		Short: "A terminal course on Go concurrency, with a grader that shows the schedule that broke your code",
		Long: `gocourse teaches Go concurrency one lesson and one exercise at a time.

Run gocourse with no command (or gocourse watch): it shows the exercise you are on,
the lesson it belongs to and the result of checking your code, and checks it again
every time you save. Keys: n next, h hint, l list, c check all, r check again,
x reset, t trace, q quit. gocourse next does the same once, without watching.`,
		Example: `  gocourse                 # watch: check on every save
  gocourse next            # check once, move on when it passes
  gocourse list --pending
  gocourse hint`,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.PersistentFlags().StringVar(&g.courseDir, "course", "", "the course checkout (default: $GOCOURSE_ROOT, or the folder holding course.yaml at or above the current one)")
	watchCmd := newWatchCmd(io, g)
	root.AddCommand(
		newNextCmd(io, g),
		newListCmd(io, g),
		newCheckCmd(io, g),
		newHintCmd(io, g),
		newLessonCmd(io, g),
		newDevCmd(io, g),
		newGradeCmd(io, g),
		newExploreCmd(io),
		newReplayCmd(io),
		newTraceCmd(io),
		watchCmd,
		newGotoCmd(io, g),
		newResetCmd(io, g),
		newSolutionCmd(io, g),
		newCheckAllCmd(io, g),
		newInitCmd(io, g),
		newServeCmd(io, g),
		newPlayCmd(io),
		newSandboxCmd(),
	)
	// gocourse alone is gocourse watch.
	root.Flags().AddFlagSet(watchCmd.Flags())
	root.RunE = watchCmd.RunE
	finishCommands(root, g, io)
	markUsageErrors(root)
	return root
}

// newSandboxCmd is the grader's sandbox launcher (grader.LauncherCommand): the
// grader runs gocourse again as it to set up each run of learner code, which
// it then becomes. Hidden: a learner never types it.
func newSandboxCmd() *cobra.Command {
	return &cobra.Command{
		Use:                grader.LauncherCommand,
		Short:              "Set up one sandboxed run of learner code (the grader runs it)",
		Hidden:             true,
		DisableFlagParsing: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			// Launch returns only when it could not become the run's binary.
			return &ExitError{Code: grader.Launch()}
		},
	}
}

// Main runs the gocourse command line and returns the process's exit status.
func Main(args []string, io *IO) int {
	setProgram()
	root := NewRoot(io)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		_, tty := terminal(io.Out)
		return exitStatus(exit, strings.HasPrefix(program, "go run "), tty)
	}
	fmt.Fprintf(io.Err, "gocourse: %s\n", strings.TrimSpace(err.Error()))
	var usage *badUsage
	if errors.As(err, &usage) {
		return 2
	}
	return 1
}

// exitStatus is the status for an ExitError. A failed check's status is for
// scripts; a learner at a terminal has read the verdict. Under go run (the
// README's first command), go run would add its own "exit status 1" line to
// every failed check, noise after a result that already said why: there, with
// a terminal on the output, a verdict's status is 0. A script, whose output is
// not a terminal, gets the status whichever way gocourse was started.
func exitStatus(exit *ExitError, goRun, tty bool) int {
	if exit.Verdict && goRun && tty {
		return 0
	}
	return exit.Code
}

// A badUsage is a command line that gocourse cannot run as typed: an unknown
// command or flag, a flag's bad value, the wrong number of arguments. The
// program exits with status 2 for it, 1 for any other failure.
type badUsage struct{ err error }

func (e *badUsage) Error() string { return e.err.Error() }
func (e *badUsage) Unwrap() error { return e.err }

// markUsageErrors makes cobra's errors about the command line badUsages:
// those of flag parsing (through the flag error function, which subcommands
// inherit) and those of every command's argument check.
func markUsageErrors(root *cobra.Command) {
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &badUsage{err} })
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		if check := cmd.Args; check != nil {
			cmd.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return &badUsage{err}
				}
				return nil
			}
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// load finds the course checkout and reads its catalog and the learner's progress.
func (g *globals) load(io *IO) (*course.Course, *course.State, error) {
	dir := g.courseDir
	if dir == "" {
		dir = os.Getenv("GOCOURSE_ROOT")
	}
	var err error
	if dir == "" {
		if dir, err = os.Getwd(); err != nil {
			return nil, nil, err
		}
		if dir, err = course.FindRoot(dir); err != nil {
			return nil, nil, err
		}
	}
	c, err := grader.Load(dir)
	if err != nil {
		return nil, nil, err
	}
	st, warn := course.LoadState(c.Root)
	if warn != nil {
		fmt.Fprintf(io.Err, "gocourse: %v\n", warn)
	} else if err := recordBase(c, st); err != nil {
		fmt.Fprintf(io.Err, "gocourse: saving progress: %v\n", err)
	}
	return c, st, nil
}
