package condwakeup

import "testing"

func TestBug(t *testing.T) {
	q := New()
	done := make(chan int)
	go func() { done <- q.Take() }()
	q.Put(1)
	if v := <-done; v != 1 {
		t.Errorf("Take = %d", v)
	}
}
