package main

import (
	"fmt"
)

type Queue[T any] struct{ items chan T }

func NewQueue[T any](n int) *Queue[T] { return &Queue[T]{items: make(chan T, n)} }

func (q *Queue[T]) Put(v T) bool {
	select {
	case q.items <- v:
		return true
	default:
		return false
	}
}

func Collect[T any](c <-chan T) []T {
	var out []T
	for v := range c {
		out = append(out, v)
	}
	return out
}

func main() {
	q := NewQueue[string](2)
	fmt.Println(q.Put("a"), q.Put("b"), q.Put("c"))
	close(q.items)
	fmt.Println(Collect(q.items))
	nums := make(chan float64, 2)
	nums <- 1.5
	nums <- 2
	close(nums)
	fmt.Println(Collect[float64](nums))
}
