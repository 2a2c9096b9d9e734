package main

import (
	"fmt"
)

func main() {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			in <- i
		}
		close(in)
	}()
	go func() {
		pending := []int{}
		src := in
		for src != nil || len(pending) > 0 {
			var sendc chan int
			var next int
			if len(pending) > 0 {
				sendc, next = out, pending[0]
			}
			select {
			case v, ok := <-src:
				if !ok {
					src = nil
					continue
				}
				pending = append(pending, v*100)
			case sendc <- next:
				pending = pending[1:]
			}
		}
		close(out)
	}()
	for v := range out {
		fmt.Println(v)
	}
}
