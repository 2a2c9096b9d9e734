package main

type server struct {
	quit chan struct{}
	reqs []chan int
}

const N int64 = 4

func main() {
	unbuf := make(chan int)
	buf := make(chan string, 3)
	var size int64 = 2
	sized := make(chan bool, size)
	typed := make(chan byte, N)
	var declared = make(chan int, 1)
	var a, b = make(chan int), make(chan float64, 2)
	s := &server{quit: make(chan struct{})}
	s.quit = make(chan struct{}, 1)
	s.reqs = append(s.reqs, make(chan int))
	s.reqs[0] = make(chan int)
	ptr := &struct{ c chan int }{c: make(chan int)}
	nested := make(chan chan error, 1)
	_, _, _, _, _, _, _, _, _, _ = unbuf, buf, sized, typed, declared, a, b, s, ptr, nested
}
