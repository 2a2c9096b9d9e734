package ctxleak

import (
	"context"
	"testing"
	"time"
)

func TestBug(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	Fetch(ctx)
	time.Sleep(50 * time.Millisecond) // give a stuck worker every chance to finish
}
