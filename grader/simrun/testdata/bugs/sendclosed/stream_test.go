package sendclosed

import "testing"

func TestBug(t *testing.T) {
	if got := Stream(3); len(got) != 2 {
		t.Errorf("Stream(3) = %v", got)
	}
}
