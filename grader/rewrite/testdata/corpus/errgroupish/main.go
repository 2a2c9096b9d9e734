package main

import (
	"errors"
	"fmt"
)

func run(tasks []func() error) error {
	errs := make(chan error, len(tasks))
	for _, t := range tasks {
		go func(t func() error) { errs <- t() }(t)
	}
	var first error
	for range tasks {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

func main() {
	err := run([]func() error{
		func() error { return nil },
		func() error { return errors.New("boom") },
		func() error { return nil },
	})
	fmt.Println("error:", err)
}
