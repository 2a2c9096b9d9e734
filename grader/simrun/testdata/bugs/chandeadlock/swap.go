// Package chandeadlock: two peers exchange values; on a rare path one of them
// sends before it receives, like its peer does.
package chandeadlock

// Exchange has a and b swap values over two unbuffered channels.
func Exchange(x, y int) (int, int) {
	ab, ba := make(chan int), make(chan int)
	flag := make(chan bool, 1)
	var gotA, gotB int
	done := make(chan bool)
	go func() {
		select {
		case flag <- true: // a took the flag: it sends first
			ab <- x
			gotA = <-ba
		default:
			gotA = <-ba
			ab <- x
		}
		done <- true
	}()
	go func() {
		select {
		case flag <- true: // b took the flag: it sends first... but so may a
			ba <- y
			gotB = <-ab
		default:
			ba <- y // bug: the loser should receive first
			gotB = <-ab
		}
		done <- true
	}()
	<-done
	<-done
	return gotA, gotB
}
