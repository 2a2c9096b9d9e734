package main

import "fmt"

func pick(a, b chan int) chan int { return a }

func first(in <-chan int, quit chan struct{}) int {
	select {
	case v := <-in:
		return v
	case <-quit:
		return -1
	}
}

func never() int {
	select {}
}

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	out := make(chan float64, 1)
	quit := make(chan struct{})
	results := make([]int, 2)
	var v int
	var ok bool
	a <- 1
	select {
	case x := <-a:
		fmt.Println("x", x)
	case y, ok := <-b:
		fmt.Println("y", y, ok)
	case v = <-a:
	case v, ok = <-b:
	case results[len(results)-1] = <-pick(a, b):
	case out <- 2:
	case <-quit:
		break
	default:
		fmt.Println("nothing ready")
	}
loop:
	for i := 0; ; i++ {
		select {
		case out <- float64(i):
			continue
		case <-out:
			if i > 3 {
				break loop
			}
		}
	}
outer:
	select {
	case _, ok := <-quit:
		if !ok {
			break outer
		}
	default:
	}
	select {
	case a <- 1:
	default:
	}
	select {
	case a <- (func() int {
		return 7
	})():
		fmt.Println("sent")
	case <-b: // a comment
	}
	fmt.Println(v, ok, results, first(a, quit))
	if false {
		never()
	}
}
