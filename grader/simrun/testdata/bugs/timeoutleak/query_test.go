package timeoutleak

import (
	"testing"
	"time"
)

func TestBug(t *testing.T) {
	// Usually the answer comes in time: only when the work and the timeout
	// are equal does the order depend on the scheduler.
	Query(time.Second)
}
