package main

import (
	"fmt"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Println(name+":", err.Error())
			return
		}
		fmt.Println(name+":", r)
	}()
	f()
}

func main() {
	ch := make(chan int, 1)
	close(ch)
	try("send", func() { ch <- 1 })
	try("close", func() { close(ch) })
	var nilc chan int
	try("close nil", func() { close(nilc) })
	v, ok := <-ch
	fmt.Println(v, ok)
}
