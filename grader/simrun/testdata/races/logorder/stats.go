// Package logorder: the worker's update of total is ordered before main's
// read only by a log lock, and only when the worker logs first; in the other
// order it is a race. (Incidental synchronisation: the program is racy even
// in the runs where it hides the race.)
package logorder

import "sync"

type Log struct {
	mu    sync.Mutex
	lines []string
}

func (l *Log) Print(s string) {
	l.mu.Lock()
	l.lines = append(l.lines, s)
	l.mu.Unlock()
}

type Stats struct{ Total int }

func setup() int {
	// Work that takes a little while on a real CPU.
	x := 0
	for i := range 200000 {
		x += i % 7
	}
	return x
}

func Run() int {
	var log Log
	var st Stats
	done := make(chan bool)
	go func() {
		st.Total = 42
		log.Print("worker: total computed")
		done <- true
	}()
	setup()
	log.Print("main: setup done")
	t := st.Total // ordered after the worker's write only if it logged first
	<-done
	return t
}
