package main

import (
	"fmt"
	"strings"
)

var (
	jobs     = make(chan string, 4)
	seen     = map[string]int{}
	count    int
	greeting = strings.ToUpper(prefix) + "!"
	prefix   = "hello"
	a, b     = pair()
)

var registry []string

func pair() (int, int) { return 1, 2 }

func init() {
	registry = append(registry, "first")
}

func init() {
	registry = append(registry, "second")
	count += 10
}

func main() {
	jobs <- "x"
	jobs <- "y"
	close(jobs)
	for j := range jobs {
		seen[j]++
		count++
	}
	fmt.Println(greeting, a, b, count, len(seen), registry)
}
