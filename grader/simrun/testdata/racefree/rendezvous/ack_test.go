package rendezvous

import "testing"

func TestOK(t *testing.T) {
	if got := Ack(); got != 42 {
		t.Errorf("Ack() = %d", got)
	}
}
