package main

import (
	"bufio"
	"fmt"
	f "fmt"
	"io"
	"log"
	"os"
)

func show(w io.Writer, s string) { fmt.Fprintln(w, s) }

func main() {
	fmt.Print("a", 1)
	fmt.Println("b")
	fmt.Printf("%d\n", 2)
	fmt.Println()
	f.Println("renamed")
	fmt.Fprintf(os.Stdout, "to %s\n", "stdout")
	fmt.Fprintln(os.Stderr, "stderr stays")
	show(os.Stdout, "show")
	var w io.Writer = os.Stdout
	w = os.Stdout
	bw := bufio.NewWriter(os.Stdout)
	bw.Flush()
	os.Stdout.Write([]byte("raw\n"))
	logger := log.New(os.Stdout, "", 0)
	logger.Println("logged")
	p := fmt.Println
	p("value")
	printers := []func(...any) (int, error){fmt.Print, fmt.Println}
	_ = printers
	defer fmt.Println("deferred")
	s := fmt.Sprintf("%v", 3)
	_ = s
	_ = w
}
