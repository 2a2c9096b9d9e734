// Copyright line that stays.

//go:build !ignoreme

// Package main has a build constraint.
package main

import "fmt"

func main() {
	ch := make(chan string, 1)
	ch <- "tagged"
	fmt.Println(<-ch)
}
