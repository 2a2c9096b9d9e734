package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		runtime.Gosched()
		done <- true
	}()
	<-done
	fmt.Println(runtime.NumGoroutine() >= 1)
}
