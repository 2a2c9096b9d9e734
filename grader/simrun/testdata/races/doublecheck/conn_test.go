package doublecheck

import "testing"

func TestBug(t *testing.T) {
	if !Both() {
		t.Error("two connections")
	}
}
