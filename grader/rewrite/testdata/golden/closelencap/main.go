package main

import "fmt"

type jobs struct{ q chan int }

func main() {
	j := jobs{q: make(chan int, 4)}
	p := &j.q
	j.q <- 1
	fmt.Println(len(j.q), cap(j.q), len(*p), cap((*p)))
	s := []int{1, 2}
	fmt.Println(len(s), cap(s), len("abc"))
	close(j.q)
	defer close(make(chan int))
	var nilch chan int
	fmt.Println(len(nilch), cap(nilch))
}
