package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

type pair struct{ a, b int }

func two() (int, string) { return 7, "seven" }

func main() {
	fmt.Print("print ", 1, 2, "\n")
	fmt.Println("println", 3.5, true, pair{1, 2})
	fmt.Printf("%s=%d %v %+v\n", "x", 4, []int{1}, pair{3, 4})
	fmt.Println(two())
	fmt.Fprintln(os.Stdout, "to stdout")
	fmt.Fprintf(os.Stdout, "%05.1f\n", 3.14159)
	p := fmt.Println
	p("through a value")
	defer fmt.Println("deferred")
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "buffered")
	w.Flush()
	var out io.Writer = os.Stdout
	io.WriteString(out, "io.WriteString\n")
	fmt.Println()
}
