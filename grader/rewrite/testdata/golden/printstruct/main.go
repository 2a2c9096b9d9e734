package main

import "fmt"

type job struct {
	id   int
	done chan bool
}

func main() {
	j := job{id: 1, done: make(chan bool, 1)}
	j.done <- true
	fmt.Println(j.id, len(j.done), j.done != nil)
	fmt.Printf("%d %v\n", j.id, []int{len(j.done)})
	_ = fmt.Sprint(j)
}
