// Package mergedtimeline is a merge of two producers for a slow consumer.
// Read it, predict its timeline, and write your prediction in answer.go.
// Do not change this file: the tests run the program on a fake clock and
// compare what really happens with what you predicted.
package mergedtimeline

import (
	"sync"
	"time"
)

// Event is something that happened at a time after the start.
type Event struct {
	What string
	At   time.Duration
}

// Timeline is what Run observes.
type Timeline struct {
	Consumer      []Event       // each value the consumer receives, then "closed"
	ProducerADone time.Duration // when producer a returns
	ProducerBDone time.Duration // when producer b returns
	OutClosed     time.Duration // when the merge closes out
}

// merge is the fan-in of lesson 13: a forwarder per input and a closer.
// onClose is called just before out is closed.
func merge(onClose func(), inputs ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Go(func() {
			for v := range in {
				out <- v
			}
		})
	}
	go func() {
		wg.Wait()
		onClose()
		close(out)
	}()
	return out
}

// Run runs the program and returns its timeline. Every channel in it is
// unbuffered.
func Run() Timeline {
	start := time.Now()
	since := func() time.Duration { return time.Since(start) }
	var (
		mu sync.Mutex
		tl Timeline
	)
	record := func(at *time.Duration) {
		mu.Lock()
		*at = since()
		mu.Unlock()
	}

	a := make(chan string)
	go func() { // producer a
		defer record(&tl.ProducerADone)
		defer close(a)
		time.Sleep(1 * time.Second)
		a <- "a1"
		time.Sleep(1 * time.Second)
		a <- "a2"
	}()
	b := make(chan string)
	go func() { // producer b
		defer record(&tl.ProducerBDone)
		defer close(b)
		time.Sleep(2500 * time.Millisecond)
		b <- "b1"
	}()

	out := merge(func() { record(&tl.OutClosed) }, a, b)
	var consumer []Event
	for v := range out { // the consumer takes 2s over each value
		consumer = append(consumer, Event{v, since()})
		time.Sleep(2 * time.Second)
	}
	consumer = append(consumer, Event{"closed", since()})

	time.Sleep(time.Second) // let the producers' deferred records finish
	mu.Lock()
	defer mu.Unlock()
	tl.Consumer = consumer
	return tl
}
