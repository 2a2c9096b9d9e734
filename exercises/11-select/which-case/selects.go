// Package whichcase is a set of small selects. Read them, decide what each
// one does, and write your answers in answer.go. Do not change this file:
// the tests run these selects many times and compare what they really do
// with what you predicted.
package whichcase

import (
	"testing/synctest"
	"time"
)

// Each function below runs one select and returns the label of the case
// that ran. The tests call each of them inside a synctest bubble, where
// time.After takes no real time and synctest.Wait returns once every other
// goroutine of the bubble is blocked.

// OneReady: a holds a value, nobody ever sends on b.
func OneReady() string {
	a := make(chan int, 1)
	b := make(chan int)
	a <- 1
	select {
	case <-a:
		return "a"
	case <-b:
		return "b"
	}
}

// BothReady: a and b both hold a value.
func BothReady() string {
	a := make(chan int, 1)
	b := make(chan int, 1)
	a <- 1
	b <- 2
	select {
	case <-a:
		return "a"
	case <-b:
		return "b"
	}
}

// FullBuffer: a send on a buffer that is full, with a default.
func FullBuffer() string {
	ch := make(chan int, 1)
	ch <- 1
	select {
	case ch <- 2:
		return "send"
	default:
		return "default"
	}
}

// NoReceiver: a send on an unbuffered channel that nobody receives from.
func NoReceiver() string {
	ch := make(chan int)
	select {
	case ch <- 1:
		return "send"
	default:
		return "default"
	}
}

// ParkedReceiver: the same send, but a goroutine is already parked in a
// receive on ch when the select runs.
func ParkedReceiver() string {
	ch := make(chan int)
	go func() { <-ch }()
	synctest.Wait() // the goroutine is now parked on <-ch
	select {
	case ch <- 1:
		return "send"
	default:
		close(ch) // releases the parked receiver
		return "default"
	}
}

// QuitOrWork: quit is closed, and work holds a value.
func QuitOrWork() string {
	quit := make(chan struct{})
	work := make(chan string, 1)
	close(quit)
	work <- "job"
	select {
	case <-quit:
		return "quit"
	case <-work:
		return "work"
	}
}

// NilCase: in is a nil channel; out has room for a value.
func NilCase() string {
	var in chan int
	out := make(chan int, 1)
	select {
	case <-in:
		return "in"
	case out <- 1:
		return "out"
	}
}

// Timeout: nobody ever sends on never.
func Timeout() string {
	never := make(chan int)
	select {
	case <-never:
		return "never"
	case <-time.After(time.Second):
		return "timeout"
	}
}

// ClosedZero: done is closed; the case also reads the value and ok.
func ClosedZero() string {
	done := make(chan int, 1)
	done <- 7
	close(done)
	<-done // takes the 7
	select {
	case v, ok := <-done:
		if ok {
			return "value"
		}
		if v == 0 {
			return "zero, closed"
		}
		return "closed"
	default:
		return "default"
	}
}
