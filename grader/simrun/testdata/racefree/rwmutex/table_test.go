package rwmutex

import "testing"

func TestOK(t *testing.T) {
	if got := Run(); got != 2 {
		t.Errorf("Run() = %d", got)
	}
}
