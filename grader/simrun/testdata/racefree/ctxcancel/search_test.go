package ctxcancel

import "testing"

func TestOK(t *testing.T) {
	if got := Search([]int{4, 7, 9}, 7); got != 1 {
		t.Errorf("Search = %d", got)
	}
}
