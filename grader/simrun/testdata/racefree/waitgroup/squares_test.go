package waitgroup

import "testing"

func TestOK(t *testing.T) {
	got := Squares(3)
	if got[0]+got[1]+got[2] != 14 {
		t.Errorf("Squares(3) = %v", got)
	}
}
