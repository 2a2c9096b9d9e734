package sim

import (
	"io"
	"os"
)

// Stdout returns the writer that the current run's standard output goes to;
// the rewriter turns fmt.Print* into fmt.Fprint*(sim.Stdout(), ...). Outside
// a run it is os.Stdout. Writing is not a schedule point.
func Stdout() io.Writer {
	if gp := getg(); gp != nil {
		if gp.abandoned {
			return io.Discard
		}
		return &gp.s.out
	}
	return os.Stdout
}

// outBuffer keeps the first max bytes of a run's output.
type outBuffer struct {
	buf       []byte
	max       int
	truncated bool
}

func (b *outBuffer) reset(max int) {
	b.buf = b.buf[:0]
	b.max = max
	b.truncated = false
}

func (b *outBuffer) Write(p []byte) (int, error) {
	room := b.max - len(b.buf)
	if len(p) > room {
		b.buf = append(b.buf, p[:max(room, 0)]...)
		b.truncated = true
		return len(p), nil
	}
	b.buf = append(b.buf, p...)
	return len(p), nil
}

func (b *outBuffer) String() string {
	if b.truncated {
		return string(b.buf) + "\n[output truncated]\n"
	}
	return string(b.buf)
}
