package main

import "testing"

func TestCtx(t *testing.T) {
	done := make(chan bool)
	go func() {
		t.Log("in a goroutine")
		done <- true
	}()
	<-done
	dl, ok := t.Deadline()
	_, _ = dl, ok
}
