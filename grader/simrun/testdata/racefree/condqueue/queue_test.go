package condqueue

import "testing"

func TestOK(t *testing.T) {
	if got := Run(); got != 6 {
		t.Errorf("Run() = %d", got)
	}
}
