package main

import "testing"

func TestCtx(t *testing.T) {
	ctx := t.Context()
	<-ctx.Done()
	t.Log("ok")
	dl, ok := t.Deadline()
	_, _ = dl, ok
}
