package afterfunc

import "testing"

func TestOK(t *testing.T) {
	if got := Run(); got != 10 {
		t.Errorf("Run() = %d", got)
	}
}
