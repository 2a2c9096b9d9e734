// Command rwcmd prints the overlay that package rewrite makes of a package
// directory, for debugging the rewriter:
//
//	go run ./grader/rewrite/internal/rwcmd DIR
package main

import (
	"fmt"
	"os"

	"github.com/gocourse/gocourse/grader/rewrite"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: rwcmd DIR")
		os.Exit(2)
	}
	ov, err := rewrite.Package(os.Args[1], rewrite.Options{Tests: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		if list, ok := err.(rewrite.ErrorList); ok {
			fmt.Fprint(os.Stderr, list.Lines())
		}
		os.Exit(1)
	}
	for _, p := range ov.Paths() {
		fmt.Printf("-- %s --\n%s\n", p, ov.Files[p])
	}
}
