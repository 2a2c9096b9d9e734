package main

import "fmt"

type Queue[T any] struct {
	items chan T
}

func NewQueue[T any](n int) *Queue[T] {
	return &Queue[T]{items: make(chan T, n)}
}

func (q *Queue[T]) Put(v T) { q.items <- v }

func (q *Queue[T]) Get() (T, bool) {
	select {
	case v := <-q.items:
		return v, true
	default:
		var zero T
		return zero, false
	}
}

func Merge[T any](cs ...<-chan T) []T {
	var out []T
	for _, c := range cs {
		for v := range c {
			out = append(out, v)
		}
	}
	return out
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func main() {
	q := NewQueue[string](2)
	q.Put("x")
	fmt.Println(q.Get())
	c := make(chan int, 1)
	c <- 1
	close(c)
	fmt.Println(Merge[int](c))
	m := map[string]Pair[int, chan bool]{}
	m["a"] = Pair[int, chan bool]{1, make(chan bool)}
	fmt.Println(len(m))
}
