package main

type Signal chan struct{}

func (s Signal) Fire() { close(s) }

func main() {
	s := make(Signal)
	s.Fire()
	<-s
}
