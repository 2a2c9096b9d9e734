package main

import "fmt"

func main() {
	ping, pong := make(chan string), make(chan string)
	go func() {
		for m := range ping {
			pong <- m + "!"
		}
		close(pong)
	}()
	for _, m := range []string{"a", "b"} {
		ping <- m
		fmt.Println(<-pong)
	}
	close(ping)
	<-pong
}
