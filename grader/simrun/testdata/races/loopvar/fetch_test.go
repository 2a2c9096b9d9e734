package loopvar

import "testing"

func TestBug(t *testing.T) {
	if err := FetchAll([]string{"", "b", ""}); err == nil {
		t.Error("want an error")
	}
}
