package main

import (
	"fmt"
	"sort"
)

func show(i int, s string, done chan<- string) { done <- fmt.Sprint(i, s) }

func next(p *int) int { *p++; return *p }

func main() {
	done := make(chan string, 10)
	i := 0
	s := "before"
	go show(i, s, done)
	i, s = 1, "after"
	fmt.Println(<-done)
	n := 0
	go show(next(&n), fmt.Sprint("n=", n), done)
	fmt.Println(<-done, n)
	f := func(a, b int) { done <- fmt.Sprint(a + b) }
	go f(next(&n), next(&n))
	f = nil
	fmt.Println(<-done)
	for k := 0; k < 3; k++ {
		go func(k int) { done <- fmt.Sprint("k", k) }(k * 10)
	}
	var got []string
	for k := 0; k < 3; k++ {
		got = append(got, <-done)
	}
	sort.Strings(got)
	fmt.Println(got, i, s)
}
