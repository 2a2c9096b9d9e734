// Package stalled asks you to predict the state of a pipeline whose last
// stage has stopped reading.
//
// Start below builds three stages joined by buffered channels. The sink at
// the end takes one value and then stops reading. Everything upstream runs
// until it can go no further. Read the code, work out where every stage is
// stuck and what each channel holds, and write your prediction in
// answer.go. Do not change this file: the test runs it and looks.
package stalled

import "sync"

// A Pipeline is what Start builds.
type Pipeline struct {
	Numbers chan int // gen -> square, room for 2
	Squares chan int // square -> sink, room for 1
	Got     int      // the one value the sink took

	mu      sync.Mutex
	sending map[string]int // stage -> the value it is trying to send
}

// Start builds the pipeline and starts its stages:
//
//	gen ──Numbers──▶ square ──Squares──▶ sink
//
// gen sends 1, 2, ..., 6 and then closes Numbers; square sends the square
// of every number it receives and closes Squares when Numbers is closed;
// the sink receives one value and stops.
func Start() *Pipeline {
	p := &Pipeline{
		Numbers: make(chan int, 2),
		Squares: make(chan int, 1),
		sending: map[string]int{},
	}
	go func() { // gen
		for i := 1; i <= 6; i++ {
			p.trying("gen", i)
			p.Numbers <- i
			p.sent("gen")
		}
		close(p.Numbers)
	}()
	go func() { // square
		for n := range p.Numbers {
			p.trying("square", n*n)
			p.Squares <- n * n
			p.sent("square")
		}
		close(p.Squares)
	}()
	got := make(chan int)
	go func() { got <- <-p.Squares }() // the sink: one value, then nothing
	p.Got = <-got
	return p
}

func (p *Pipeline) trying(stage string, v int) {
	p.mu.Lock()
	p.sending[stage] = v
	p.mu.Unlock()
}

func (p *Pipeline) sent(stage string) {
	p.mu.Lock()
	delete(p.sending, stage)
	p.mu.Unlock()
}

// Sending returns the stages that have started a send and not finished it,
// with the value each is trying to send.
func (p *Pipeline) Sending() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	m := map[string]int{}
	for k, v := range p.sending {
		m[k] = v
	}
	return m
}
