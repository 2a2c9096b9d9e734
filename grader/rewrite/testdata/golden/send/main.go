package main

func values() (int, int) { return 1, 2 }

func main() {
	ch := make(chan int, 10)
	fl := make(chan float64, 1)
	anyc := make(chan any, 3)
	p := &ch
	ch <- 1
	*p <- 2
	fl <- 3
	anyc <- 4
	anyc <- nil
	anyc <- ch
	x, _ := values()
	ch <- x + 1
	chans := []chan int{ch}
	chans[0] <- len(chans)
	func() chan int { return ch }() <- 5
	(ch) <- 6
}
