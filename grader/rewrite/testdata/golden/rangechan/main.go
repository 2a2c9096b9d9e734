package main

import "fmt"

func gen(n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}

func main() {
	for v := range gen(3) {
		fmt.Println(v)
	}
	count := 0
	for range gen(2) {
		count++
	}
	var v int
	ch := gen(5)
outer:
	for v = range ch {
		switch {
		case v == 1:
			continue outer
		case v == 3:
			break outer
		}
	}
	chch := make(chan (<-chan int), 1)
	chch <- gen(1)
	for x := range <-chch {
		fmt.Println(x, count, v)
	}
	for i := range 3 {
		_ = i
	}
}
