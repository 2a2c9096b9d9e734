package main

import (
	"fmt"
)

func main() {
	ping, pong := make(chan string), make(chan string)
	go func() {
		for i := 0; i < 3; i++ {
			msg := <-ping
			pong <- msg + " pong"
		}
	}()
	for i := 0; i < 3; i++ {
		ping <- fmt.Sprint("ping ", i)
		fmt.Println(<-pong)
	}
}
