package mapwrite

import "testing"

func TestBug(t *testing.T) {
	if got := Warm([]string{"a", "bb"}); len(got) != 2 {
		t.Errorf("Warm: %v", got)
	}
}
