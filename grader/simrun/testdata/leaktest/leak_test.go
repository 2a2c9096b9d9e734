package leak

import "testing"

func TestOne(t *testing.T) {
	if got := First(1); got != 0 {
		t.Errorf("First(1) = %d, want 0", got)
	}
}

func TestThree(t *testing.T) {
	if got := First(3); got < 0 || got > 2 {
		t.Errorf("First(3) = %d", got)
	}
}
