// Command gocourse is a terminal course on Go concurrency. Run "gocourse next" in the
// course checkout to begin.
package main

import (
	"os"

	"github.com/gocourse/gocourse/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:], cli.System())) }
