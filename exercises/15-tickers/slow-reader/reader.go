// Package slowreader is two small programs that read tickers. Read them,
// predict what they observe, and write your predictions in answer.go. Do
// not change this file: the tests run these programs on a fake clock (a
// synctest bubble, where time.Sleep takes no real time) and compare what
// they really observe with what you predicted.
package slowreader

import "time"

// SlowReader reads 5 ticks of a ticker of 1s. After each tick it works
// for 2.4s before it reads the next one. For each tick it gets, it records
// when it got it and the time the tick carries, both counted from the
// start.
func SlowReader() (gotAt, carries []time.Duration) {
	start := time.Now()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range 5 {
		tick := <-t.C
		gotAt = append(gotAt, time.Since(start))
		carries = append(carries, tick.Sub(start))
		time.Sleep(2400 * time.Millisecond) // the work: longer than a period
	}
	return gotAt, carries
}

// ResetLate starts a ticker of 1s, does not read it for 2.5s, then resets
// it to 2s and reads one tick. It returns len(t.C) just before the Reset,
// when the tick was received and the time it carries.
func ResetLate() (lenBefore int, gotAt, carries time.Duration) {
	start := time.Now()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	time.Sleep(2500 * time.Millisecond) // nobody reads the ticks of 1s and 2s
	lenBefore = len(t.C)
	t.Reset(2 * time.Second)
	tick := <-t.C
	return lenBefore, time.Since(start), tick.Sub(start)
}
