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
	// TODO: this send waits whenever box is full, that is, whenever the
	// display has not yet taken the previous reading. Never wait: use
	// select with a default case, and when box is full, take the old value
	// out (without waiting either) and try again.
	box <- v
}
