package publish

import "testing"

func TestBug(t *testing.T) {
	if got := Serve(); got != 0 && got != 3 {
		t.Errorf("Serve() = %d", got)
	}
}
