package main

import (
	"fmt"
)

func add(a, b int) int { return a + b }

func main() {
	ch := make(chan int, 10)
	for i := 1; i <= 8; i++ {
		ch <- i
	}
	chch := make(chan chan int, 1)
	chch <- ch
	fmt.Println(add(<-ch, <-ch))
	x := <-ch * <-ch
	fmt.Println(x)
	if v := <-ch; v > 4 {
		fmt.Println("big", v)
	}
	fmt.Println(<-<-chch)
	m := map[int]bool{<-ch: true}
	fmt.Println(m)
	arr := [2]int{<-ch, 0}
	fmt.Println(arr)
	p := &ch
	close(*p)
	fmt.Println(<-*p)
}
