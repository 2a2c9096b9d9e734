package main

import (
	"fmt"
)

type Server struct {
	requests chan string
	quit     chan struct{}
	log      []string
}

func NewServer() *Server {
	return &Server{requests: make(chan string), quit: make(chan struct{})}
}

func (s *Server) Run(done chan<- []string) {
	for {
		select {
		case r := <-s.requests:
			s.log = append(s.log, "handled "+r)
		case <-s.quit:
			done <- s.log
			return
		}
	}
}

func main() {
	s := NewServer()
	done := make(chan []string)
	go s.Run(done)
	s.requests <- "a"
	s.requests <- "b"
	close(s.quit)
	fmt.Println(<-done)
}
