package once

import "testing"

func TestOK(t *testing.T) {
	if got := Ports(3); got != 3*8080 {
		t.Errorf("Ports(3) = %d", got)
	}
}
