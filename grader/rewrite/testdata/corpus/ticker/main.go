package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	n := 0
	for range t.C {
		n++
		fmt.Println("tick", n)
		if n == 3 {
			break
		}
	}
	timer := time.NewTimer(time.Second)
	fmt.Println(timer.Stop())
}
