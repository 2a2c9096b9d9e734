package mutexhandoff

import "testing"

func TestOK(t *testing.T) {
	if got := Handoff(); got != "from the worker" {
		t.Errorf("Handoff() = %q", got)
	}
}
