package chandeadlock

import "testing"

func TestBug(t *testing.T) {
	a, b := Exchange(1, 2)
	if a != 2 || b != 1 {
		t.Errorf("Exchange = %d, %d", a, b)
	}
}
