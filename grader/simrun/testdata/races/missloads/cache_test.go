package missloads

import "testing"

func TestBug(t *testing.T) {
	if n := Twice(); n < 1 {
		t.Errorf("%d loads", n)
	}
}
