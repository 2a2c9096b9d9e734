package main

import (
	"fmt"
)

func main() {
	tasks := make(chan func() int, 3)
	results := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		tasks <- func() int { return i * i }
	}
	close(tasks)
	go func() {
		for t := range tasks {
			results <- t()
		}
		close(results)
	}()
	for r := range results {
		fmt.Println(r)
	}
}
