package addinside

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"
	"unicode/utf8"

	"go.uber.org/goleak"
)

func TestTotalOfTwo(t *testing.T) {
	defer goleak.VerifyNone(t)
	if got := Total([]string{"wait", "group"}, utf8.RuneCountInString); got != 9 {
		t.Errorf("Total of the lengths of %q = %d; want 9.\n"+
			"Wait returned before every goroutine had added its part: was the counter up before Wait looked at it?",
			[]string{"wait", "group"}, got)
	}
}

func TestTotalOfMany(t *testing.T) {
	defer goleak.VerifyNone(t)
	texts := strings.Fields(strings.Repeat("one two three four five six seven eight nine ten ", 10))
	for range 10 {
		if got := Total(texts, func(s string) int { return 1 }); got != 100 {
			t.Fatalf("Total counted %d of 100 texts: Wait returned while goroutines were still to come", got)
		}
	}
}

// On a fake clock, a measure that takes a second: Total must wait for it,
// and take one second, not zero and not one per text.
func TestTotalWaitsForSlowMeasures(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		slow := func(s string) int {
			time.Sleep(time.Second)
			return len(s)
		}
		start := time.Now()
		got := Total([]string{"a", "bb", "ccc"}, slow)
		took := time.Since(start)
		if got != 6 {
			t.Errorf("with measures that take 1s, Total = %d; want 6", got)
		}
		if took != time.Second {
			t.Errorf("with three measures of 1s each, Total took %v; want 1s (they run at the same time, and Total waits for them)", took)
		}
	})
}
