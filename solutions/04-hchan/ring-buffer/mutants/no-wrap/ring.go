// Mutant: lets sendx and recvx grow for ever and takes them modulo the
// buffer's length when it indexes; the values come out right, but the
// fields are not the runtime's, which wrap to 0 at the end of the buffer.
// Package ringbuffer asks you to build the buffer of a channel, as the
// runtime's hchan keeps it: an array used as a circle, with qcount, sendx
// and recvx. No goroutines here: only the arithmetic that every buffered
// send and receive does under the channel's lock.
package ringbuffer

// Ring is the buffer part of a channel of capacity len(buf).
//
// Its fields mean what hchan's do: qcount values are in the buffer;
// the next send writes slot sendx, the next receive reads slot recvx; both
// indexes move one slot on after use and wrap from len(buf)-1 back to 0.
type Ring struct {
	buf    []string
	qcount int
	sendx  int
	recvx  int
}

// New returns an empty Ring of the given capacity, at least 1: what
// make(chan string, capacity) sets up.
func New(capacity int) *Ring {
	return &Ring{buf: make([]string, capacity)}
}

// TrySend does what a send on the channel does when no receiver is parked:
// if there is room, it puts v in the buffer and returns true; if the buffer
// is full, it changes nothing and returns false (a real send would park).
func (r *Ring) TrySend(v string) bool {
	if r.qcount == len(r.buf) {
		return false
	}
	r.buf[r.sendx%len(r.buf)] = v
	r.sendx++ // never wraps: the index is taken modulo the length instead
	r.qcount++
	return true
}

// TryRecv does what a receive does when no sender is parked: if the buffer
// holds a value, it takes the oldest one out and returns it and true; if
// it is empty, it changes nothing and returns "", false (a real receive
// would park).
func (r *Ring) TryRecv() (string, bool) {
	if r.qcount == 0 {
		return "", false
	}
	v := r.buf[r.recvx%len(r.buf)]
	r.buf[r.recvx%len(r.buf)] = ""
	r.recvx++
	r.qcount--
	return v, true
}

// RecvFromFull does what a receive does when the buffer is full and a
// sender holding v is parked in sendq: it returns the oldest value, and v
// takes its place at the tail of the queue. qcount does not change.
// It panics if the buffer is not full.
func (r *Ring) RecvFromFull(v string) string {
	if r.qcount != len(r.buf) {
		panic("RecvFromFull: a sender parks only when the buffer is full")
	}
	// The head and the tail are the same slot when the buffer is full.
	head := r.buf[r.recvx]
	r.buf[r.recvx] = v
	r.recvx++
	if r.recvx == len(r.buf) {
		r.recvx = 0
	}
	r.sendx = r.recvx
	return head
}

// Len is len(ch): how many values the buffer holds.
func (r *Ring) Len() int {
	return r.qcount
}

// Fields returns qcount, sendx and recvx, for the tests.
func (r *Ring) Fields() (qcount, sendx, recvx int) {
	return r.qcount, r.sendx, r.recvx
}
