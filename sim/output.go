package sim

import (
	"io"
	"os"
	"strconv"
	"strings"
	"unsafe"
)

// Stdout returns the writer that the current run's standard output goes to;
// the rewriter turns fmt.Print* into fmt.Fprint*(sim.Stdout(), ...). Outside
// a run it is os.Stdout.
//
// Asking for it is a schedule point: output is what a program shows of its
// interleaving, and on real cores another goroutine may run between a
// goroutine's last channel operation and its print (a receiver woken by a send
// can print before the sender's next line does).
//
//go:norace
func Stdout() io.Writer {
	if gp := getg(); gp != nil {
		if gp.abandoned {
			return io.Discard
		}
		gp.s.yield(gp)
		return &gp.s.out
	}
	return os.Stdout
}

// outBuffer keeps the first max bytes of a run's output.
type outBuffer struct {
	buf       []byte
	max       int
	truncated bool
	frozen    bool // main has returned (Options.MainExits): writes are lost
	raceMu    uint64
}

//go:norace
func (b *outBuffer) reset(max int) {
	b.buf = b.buf[:0]
	b.max = max
	b.truncated = false
	b.frozen = false
}

//go:norace
func (b *outBuffer) Write(p []byte) (int, error) {
	if b.frozen {
		return len(p), nil
	}
	if raceOn {
		// The real os.Stdout is behind a lock (poll.FD's fdMutex): one
		// write happens before the next.
		RaceAcquire(unsafe.Pointer(&b.raceMu))
		RaceRelease(unsafe.Pointer(&b.raceMu))
	}
	if gp := getg(); gp != nil && !gp.abandoned {
		text := strings.TrimSuffix(string(p), "\n")
		if len(text) > 40 {
			text = text[:37] + "..."
		}
		gp.s.traceEvent(gp, "print", nil, nil, 0, strconv.Quote(text))
	}
	room := b.max - len(b.buf)
	if len(p) > room {
		b.buf = appendBytes(b.buf, p[:max(room, 0)])
		b.truncated = true
		return len(p), nil
	}
	b.buf = appendBytes(b.buf, p)
	return len(p), nil
}

// appendBytes is append(dst, src...) without the runtime's slicecopy, which
// in a -race build tells the race detector about the copy even when the
// caller is go:norace: sim's own memory must stay out of its sight
// (race.md). Likewise sim never calls copy on its own memory.
//
//go:norace
func appendBytes(dst, src []byte) []byte {
	n := len(dst)
	if n+len(src) > cap(dst) {
		grown := make([]byte, n, max(2*cap(dst), n+len(src), 64))
		for i, c := range dst {
			grown[i] = c
		}
		dst = grown
	}
	dst = dst[:n+len(src)]
	for i, c := range src {
		dst[n+i] = c
	}
	return dst
}

//go:norace
func (b *outBuffer) String() string {
	if b.truncated {
		return string(b.buf) + "\n[output truncated]\n"
	}
	return string(b.buf)
}
