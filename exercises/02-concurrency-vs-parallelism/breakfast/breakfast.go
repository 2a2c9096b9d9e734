// Package breakfast asks you to predict a timeline.
//
// Breakfast below is a small concurrent program in which nothing computes
// and everything waits. Read it, work out at which moment each event is
// logged and in which order, and write your prediction in answer.go. Do not
// change this file: the test runs it on a fake clock and compares.
package breakfast

import (
	"sync"
	"time"
)

// An Event is something the program logs, and when: At is the time since
// Breakfast was called.
type Event struct {
	At   time.Duration
	What string
}

// Breakfast is the program whose timeline you predict. log records one
// event; it returns at once.
func Breakfast(log func(what string)) {
	var wg sync.WaitGroup
	water := make(chan string) // unbuffered: a send waits for a receiver

	wg.Go(func() { // the kettle
		time.Sleep(3 * time.Second)
		log("kettle boiled")
		water <- "hot water"
		log("kettle off")
	})
	wg.Go(func() { // the tea
		time.Sleep(1 * time.Second)
		log("cup ready")
		<-water
		time.Sleep(2 * time.Second) // the tea steeps
		log("tea ready")
	})
	wg.Go(func() { // the toast
		time.Sleep(4 * time.Second)
		log("toast ready")
	})

	wg.Wait()
	log("breakfast served")
}
