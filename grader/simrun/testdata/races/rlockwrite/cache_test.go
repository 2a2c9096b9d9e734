package rlockwrite

import "testing"

func TestBug(t *testing.T) {
	if got := Lookups(); got != 5 {
		t.Errorf("Lookups() = %d", got)
	}
}
