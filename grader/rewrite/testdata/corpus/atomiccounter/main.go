package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var n atomic.Int64
	var old int32
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			for j := 0; j < 25; j++ {
				n.Add(1)
			}
			atomic.AddInt32(&old, 1)
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
	fmt.Println(n.Load(), atomic.LoadInt32(&old))
}
