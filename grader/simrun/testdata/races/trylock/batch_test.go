package trylock

import "testing"

func TestBug(t *testing.T) {
	if got := Fill(); got < 1 || got > 2 {
		t.Errorf("Fill() = %d", got)
	}
}
