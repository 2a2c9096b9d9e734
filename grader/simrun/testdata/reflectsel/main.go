package main

import "reflect"

func main() {
	c := make(chan int, 1)
	c <- 1
	reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c)}})
}
