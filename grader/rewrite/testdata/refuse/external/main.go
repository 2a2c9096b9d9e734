package main

import (
	"context"
	"fmt"

	"github.com/gocourse/gocourse/grader/rewrite/testdata/lib/ext"
)

func main() {
	for e := range ext.Events() {
		fmt.Println(e)
	}
	var l ext.Locked
	l.Lock()
	l.N++
	l.Unlock()
	var g ext.Group
	g.Go(func() {})
	g.Wait()
	fmt.Println(ext.Plain("fine"))
	fmt.Println(ext.WithContext(context.Background()))
	c := make(chan int, 1)
	ext.Feed(c)
}
