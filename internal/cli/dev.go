package cli

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"

	"github.com/fatih/color"
	"github.com/spf13/cobra"

	"github.com/gocourse/gocourse/internal/devcheck"
)

func newDevCmd(io *IO, g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dev",
		Short: "Tools for course authors",
	}
	cmd.AddCommand(newDevCheckCmd(io, g))
	return cmd
}

type devCheckOptions struct {
	io   *IO
	g    *globals
	jobs int
	only []string
}

func newDevCheckCmd(io *IO, g *globals) *cobra.Command {
	opts := &devCheckOptions{io: io, g: g}
	cmd := &cobra.Command{
		Use:   "check [ID...]",
		Short: "Prove the course sound: every starter fails and every solution passes",
		Long: `Check verifies the catalog (ids unique, every exercise listed, with hints, a lesson
section and a gofmt-clean solution), then grades every starter, which must fail its
checks, every reference solution, which must pass them, and every mutant (a wrong
answer under solutions/ID/mutants/), which must fail each check its mutant.yaml
names with a message naming its mistake.`,
		Example: "  gocourse dev check\n  gocourse dev check 01-goroutines/say-hello --jobs 1",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.only = args
			return runDevCheck(cmd, opts)
		},
	}
	cmd.Flags().IntVar(&opts.jobs, "jobs", max(1, runtime.NumCPU()/2), "exercises checked at once")
	return cmd
}

func runDevCheck(cmd *cobra.Command, opts *devCheckOptions) error {
	c, _, err := opts.g.load(opts.io)
	if err != nil {
		return err
	}
	w := opts.io.Out
	passed, failed := 0, 0
	progress := func(f *devcheck.Finding) {
		name := f.ID
		if name == "" {
			name = "catalog"
		}
		if f.OK() {
			passed++
			detail := ""
			if f.Starter != nil {
				detail = fmt.Sprintf(" (starter fails %s; solution passes in %.1fs", devcheck.FailedChecks(f.Starter), float64(f.Solution.Duration)/1000)
				for _, m := range slices.Sorted(maps.Keys(f.Mutants)) {
					detail += fmt.Sprintf("; mutant %s fails %s", m, devcheck.FailedChecks(f.Mutants[m]))
				}
				detail += ")"
			}
			color.New(color.FgGreen).Fprintf(w, "ok   %s", name)
			fmt.Fprintln(w, detail)
			return
		}
		failed++
		color.New(color.FgRed).Fprintf(w, "FAIL %s\n", name)
		for _, p := range f.Problems {
			fmt.Fprintf(w, "     %s\n", strings.ReplaceAll(p, "\n", "\n     "))
		}
	}
	if _, err := devcheck.Run(cmd.Context(), c, devcheck.Options{Jobs: opts.jobs, Only: opts.only, Progress: progress}); err != nil {
		return err
	}
	fmt.Fprintf(w, "\ndev check: %d passed, %d failed\n", passed, failed)
	if failed > 0 {
		return &ExitError{Code: 1}
	}
	return nil
}
