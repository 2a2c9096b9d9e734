package signalfirst

import "testing"

func TestBug(t *testing.T) {
	if r := Run(); r != "ok" && r != "" {
		t.Errorf("Run() = %q", r)
	}
}
