package main

import (
	"fmt"
)

type counter struct {
	name string
	out  chan string
}

func (c counter) report()     { c.out <- "value " + c.name }
func (c *counter) reportPtr() { c.out <- "pointer " + c.name }

func main() {
	out := make(chan string, 2)
	c := counter{name: "first", out: out}
	go c.report()
	c.name = "second"
	fmt.Println(<-out)
	p := &counter{name: "third", out: out}
	go p.reportPtr()
	fmt.Println(<-out)
	r := c.report
	c.name = "third"
	go r()
	fmt.Println(<-out)
}
