package work

import "testing"

func TestFan(t *testing.T) {
	sum := 0
	for v := range Fan(4) {
		sum += v
	}
	if sum != 6 {
		t.Fatalf("sum = %d", sum)
	}
}
