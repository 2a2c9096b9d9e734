//go:build ignore

package main

func other() { _ = make(chan int) }
