package kplusc

import "testing"

func TestOK(t *testing.T) {
	if got := Sum(5); got != 4*(0+1+2+3+4) {
		t.Errorf("Sum(5) = %d", got)
	}
}
