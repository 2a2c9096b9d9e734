// Package sends asks you to predict when each send of two small programs
// completes, to the second.
//
// Read the two programs below and write, in answers.go, the time at which
// each of their sends completes. Do not change this file: the tests run
// both programs on a fake clock (time only moves when every goroutine
// waits, and the times are exact) and compare.
package sends

import "time"

// LateReader sends six values through a buffer of 2 to a reader that
// starts two seconds late and then needs one second per value. sent(i) is
// called as soon as send i (counting from 1) has completed.
func LateReader(sent func(i int)) {
	ch := make(chan int, 2)
	done := make(chan struct{})
	go func() {
		time.Sleep(2 * time.Second) // the reader starts late
		for range ch {
			time.Sleep(time.Second) // and needs a second per value
		}
		close(done)
	}()
	for i := 1; i <= 6; i++ {
		ch <- i
		sent(i)
	}
	close(ch)
	<-done
}

// Bursts sends two bursts of three values through a buffer of 1, with a
// pause of three seconds between them, to a reader that is waiting from
// the start and needs one second per value.
func Bursts(sent func(i int)) {
	ch := make(chan int, 1)
	done := make(chan struct{})
	go func() {
		for range ch {
			time.Sleep(time.Second)
		}
		close(done)
	}()
	for i := 1; i <= 6; i++ {
		if i == 4 {
			time.Sleep(3 * time.Second) // the pause between the bursts
		}
		ch <- i
		sent(i)
	}
	close(ch)
	<-done
}
