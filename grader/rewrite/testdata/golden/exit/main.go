// A program that ends itself: os.Exit and log.Fatal end the run under the
// simulator as they end the process, and are os.Exit outside a run.
package main

import (
	"fmt"
	"log"
	"os"
)

func check(err error) {
	if err != nil {
		log.Fatalf("check: %v", err)
	}
}

func main() {
	exit := os.Exit
	done := make(chan int)
	go func() { done <- 1 }()
	check(nil)
	if <-done != 1 {
		log.Fatal("lost the value")
	}
	if len(os.Args) > 10 {
		log.Fatalln("too many arguments")
	}
	fmt.Println("ok")
	defer exit(2)
	os.Exit(0)
}
