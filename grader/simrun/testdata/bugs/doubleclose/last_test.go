package doubleclose

import (
	"testing"
	"time"
)

func TestBug(t *testing.T) {
	Run(2)
	time.Sleep(time.Millisecond)
}
