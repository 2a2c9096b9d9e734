package cli

import (
	"regexp"
	"strings"

	"github.com/spf13/cobra"
)

// finishCommands gives every command what cobra leaves to the program: shell
// completion of exercise (and lesson) ids for ID arguments, and an example in the
// help of cobra's own commands.
func finishCommands(root *cobra.Command, g *globals, io *IO) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		switch cmd.Name() {
		case "help":
			if cmd.Example == "" {
				cmd.Example = "  gocourse help reset\n  gocourse reset --help"
			}
		case "completion":
			cmd.Example = `  source <(gocourse completion bash)
  gocourse completion zsh > "${fpath[1]}/_gocourse"
  gocourse completion fish > ~/.config/fish/completions/gocourse.fish`
		case "bash", "zsh", "fish", "powershell":
			if cmd.Parent() != nil && cmd.Parent().Name() == "completion" && cmd.Example == "" {
				cmd.Example = "  gocourse completion " + cmd.Name() + " --help"
			}
		}
		if cmd.Example == "" && cmd.HasAvailableSubCommands() {
			// A group of commands (dev, say): its examples are its commands.
			var ex []string
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() {
					ex = append(ex, "  "+sub.CommandPath())
				}
			}
			cmd.Example = strings.Join(ex, "\n")
		}
		if idArg.MatchString(cmd.Use) && cmd.ValidArgsFunction == nil {
			lessons := cmd.Name() == "lesson"
			cmd.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
				many := strings.Contains(cmd.Use, "...")
				if len(args) > 0 && !many {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return completeIDs(g, io, toComplete, lessons), cobra.ShellCompDirectiveNoFileComp
			}
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// idArg finds an ID argument in a command's usage line: "check [ID]", "reset ID".
var idArg = regexp.MustCompile(`\bID\b`)

// completeIDs returns the exercise ids (and lesson ids, when lessons is set) that
// start with prefix, each with its title.
func completeIDs(g *globals, io *IO, prefix string, lessons bool) []cobra.Completion {
	quiet := &IO{In: io.In, Out: io.Out, Err: discard{}}
	c, _, err := g.load(quiet)
	if err != nil {
		return nil
	}
	var out []cobra.Completion
	if lessons {
		for _, l := range c.Lessons {
			if strings.HasPrefix(l.ID, prefix) {
				out = append(out, cobra.CompletionWithDesc(l.ID, l.Title))
			}
		}
	}
	for _, ex := range c.Exercises() {
		if strings.HasPrefix(ex.ID, prefix) || strings.HasPrefix(ex.Name(), prefix) && !strings.Contains(prefix, "/") {
			id := ex.ID
			if !strings.HasPrefix(ex.ID, prefix) {
				id = ex.Name() // the learner typed a bare name, which gocourse accepts
			}
			out = append(out, cobra.CompletionWithDesc(id, ex.Title))
		}
	}
	return out
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
