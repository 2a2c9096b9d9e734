package stopflag

import (
	"testing"
	"time"
)

func TestBug(t *testing.T) {
	w := Start()
	time.Sleep(3 * time.Millisecond)
	w.Stop()
	if w.Ticks == 0 {
		t.Log("stopped before the first tick")
	}
}
