package main

import (
	"fmt"
)

func main() {
	ch := make(chan string, 3)
	ch <- "x"
	ch <- "y"
	close(ch)
	fmt.Println(len(ch))
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		fmt.Printf("%d %q %v %d\n", i, v, ok, len(ch))
	}
}
