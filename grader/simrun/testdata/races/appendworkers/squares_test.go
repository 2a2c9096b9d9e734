package appendworkers

import "testing"

func TestBug(t *testing.T) {
	if got := Squares(2); len(got) == 0 {
		t.Errorf("Squares(2) = %v", got)
	}
}
