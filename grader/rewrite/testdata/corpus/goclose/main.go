package main

import (
	"fmt"
	"strings"
)

func main() {
	ch := make(chan int)
	go close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	out := make(chan string, 1)
	go fmt.Sprint("discarded")
	go func(s ...string) { out <- strings.Join(s, "+") }("a", "b")
	fmt.Println(<-out)
}
