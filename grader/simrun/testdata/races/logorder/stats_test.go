package logorder

import "testing"

func TestBug(t *testing.T) {
	if got := Run(); got != 42 && got != 0 {
		t.Errorf("Run() = %d", got)
	}
}
