package main

func main() {
	ch := make(chan int, 1)
	n := 0
again:
	select {
	case ch <- n:
		n++
		goto again
	default:
	}
}
