// Package slowdisk puts a queue of a chosen length in front of a goroutine
// that owns something slow.
package slowdisk

// A Journal writes entries, one at a time, with a write function that is
// slow (a disk, a network). One goroutine, the writer, owns write: nobody
// else calls it.
//
// Append hands an entry to the writer. Up to queue entries may wait for the
// writer besides the one it is writing; while there is room, Append returns
// at once. When queue entries are already waiting, Append waits until the
// writer takes the next one: that is backpressure, and it is on purpose.
type Journal struct {
	entries chan string
	done    chan struct{}
}

// Open starts the writer. queue is 0 or more.
func Open(write func(entry string), queue int) *Journal {
	// The buffer is the waiting room: queue entries fit in it while the
	// writer works on the one it has taken out.
	j := &Journal{entries: make(chan string, queue), done: make(chan struct{})}
	go func() {
		defer close(j.done)
		for e := range j.entries {
			write(e)
		}
	}()
	return j
}

// Append hands entry to the writer (see Journal).
func (j *Journal) Append(entry string) {
	j.entries <- entry
}

// Close waits until every entry appended so far has been written, then
// returns with the writer stopped. No Append may be called after Close.
func (j *Journal) Close() {
	close(j.entries)
	<-j.done
}
