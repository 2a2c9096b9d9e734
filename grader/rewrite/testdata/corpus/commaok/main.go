package main

import (
	"fmt"
)

func main() {
	ch := make(chan string, 2)
	ch <- "a"
	close(ch)
	v, ok := <-ch
	fmt.Printf("%q %v\n", v, ok)
	v, ok = <-ch
	fmt.Printf("%q %v\n", v, ok)
	var w, ok2 = <-ch
	fmt.Printf("%q %v\n", w, ok2)
}
