package atomicflag

import "testing"

func TestOK(t *testing.T) {
	if got := Publish(); got != 3 {
		t.Errorf("Publish() = %d", got)
	}
}
