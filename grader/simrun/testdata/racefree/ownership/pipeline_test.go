package ownership

import "testing"

func TestOK(t *testing.T) {
	if got := Run(3); got != 6 {
		t.Errorf("Run(3) = %d", got)
	}
}
