package main

func drain[C ~chan int | ~<-chan int](c C) int {
	n := 0
	for range c {
		n++
	}
	return n + len(c)
}

func send[C ~chan int](c C, v int) {
	c <- v
	close(c)
}

func main() {
	c := make(chan int, 1)
	send(c, 1)
	_ = drain(c)
}
