package counter

import "testing"

func TestBug(t *testing.T) {
	if got := Count(2); got != 2 {
		t.Errorf("Count(2) = %d", got)
	}
}
