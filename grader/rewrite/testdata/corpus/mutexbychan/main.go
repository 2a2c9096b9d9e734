package main

import (
	"fmt"
)

type Counter struct {
	lock chan struct{}
	n    int
}

func (c *Counter) Inc() {
	c.lock <- struct{}{}
	c.n++
	<-c.lock
}

func main() {
	c := &Counter{lock: make(chan struct{}, 1)}
	done := make(chan bool)
	for i := 0; i < 5; i++ {
		go func() {
			for j := 0; j < 10; j++ {
				c.Inc()
			}
			done <- true
		}()
	}
	for i := 0; i < 5; i++ {
		<-done
	}
	fmt.Println(c.n)
}
