package closeonce

import (
	"fmt"
	"testing"
)

// closeAll calls c.Close from n goroutines at the same time and returns
// the first panic any of them raised.
func closeAll(c *Conn, n int) any {
	panics := make(chan any, n)
	for range n {
		go func() {
			defer func() { panics <- recover() }()
			c.Close()
		}()
	}
	var first any
	for range n {
		if p := <-panics; p != nil && first == nil {
			first = p
		}
	}
	return first
}

func TestCloseOnce(t *testing.T) {
	c := New()
	if p := closeAll(c, 1); p != nil {
		t.Fatalf("Close panicked: %v", p)
	}
	select {
	case <-c.Done():
	default:
		t.Fatalf("after Close, Done is not closed")
	}
}

func TestCloseAgain(t *testing.T) {
	c := New()
	closeAll(c, 1)
	if p := closeAll(c, 1); p != nil {
		t.Fatalf("the second call of Close panicked: %v", p)
	}
}

func TestCloseAtTheSameTime(t *testing.T) {
	c := New()
	if p := closeAll(c, 2); p != nil {
		t.Fatalf("two goroutines called Close at the same time and one of them panicked: %v.\n"+
			"Both found Done still open, and then both closed it: a check and an action that another\n"+
			"goroutine can come between are not one step. %s", p, hint(p))
	}
	select {
	case <-c.Done():
	default:
		t.Fatalf("after Close, Done is not closed")
	}
}

func hint(p any) string {
	if fmt.Sprint(p) == "close of closed channel" {
		return "Make the close itself happen once (sync.Once, or a mutex around check and close)."
	}
	return ""
}
