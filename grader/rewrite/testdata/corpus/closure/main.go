package main

import (
	"fmt"
	"sort"
	"strings"
)

func main() {
	results := make(chan string, 3)
	names := []string{"x", "y", "z"}
	for _, n := range names {
		go func() {
			results <- "hello " + n
		}()
	}
	var got []string
	for range names {
		got = append(got, <-results)
	}
	sort.Strings(got)
	fmt.Println(strings.Join(got, ", "))
}
