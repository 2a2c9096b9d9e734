// Package latest is about sends that never wait.
//
// A sensor publishes readings into a box: a channel with room for one
// value. A display reads the box when it can. The sensor must never wait
// for the display, and the display must always find the newest reading,
// never an old one that a newer reading has replaced.
package latest

// Publish puts v into box without ever waiting. box has room for one value
// (cap(box) == 1). If box already holds an older value, Publish throws that
// value away and puts v in its place.
//
// When Publish returns, v is in box, unless a reader has taken it already.
// Only one goroutine calls Publish on a given box; any number of goroutines
// may receive from it at the same time.
func Publish(box chan int, v int) {
	for {
		select {
		case box <- v: // there was room: done
			return
		default: // full: an older value is in the way
		}
		select {
		case <-box: // throw the old value away
		default: // a reader took it first: the box has room now
		}
	}
}
