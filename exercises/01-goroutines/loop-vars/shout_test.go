package loopvars

import (
	"fmt"
	"slices"
	"testing"

	"go.uber.org/goleak"
)

func TestShout(t *testing.T) {
	defer goleak.VerifyNone(t)
	tests := [][]string{
		{"go"},
		{"ready", "steady", "go"},
		{"one", "two", "three", "four", "five", "six", "seven", "eight"},
		{},
	}
	for _, words := range tests {
		want := make([]string, len(words))
		for i, w := range words {
			want[i] = upper(w)
		}
		// Run each case a few times: a shared loop variable does not give
		// the same wrong answer every time.
		for range 20 {
			got := Shout(words)
			if !slices.Equal(got, want) {
				t.Fatalf("Shout(%q) = %q, want %q.\n"+
					"The goroutines did not see the values of their own iteration: %s",
					words, got, want, diagnose(got, want))
			}
		}
	}
}

// upper is a plain ASCII upper-casing, so that the test does not share code
// with the function under test.
func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func diagnose(got, want []string) string {
	if len(got) != len(want) {
		return fmt.Sprintf("Shout returned %d words for %d.", len(got), len(want))
	}
	for i := range got {
		if got[i] == "" {
			return fmt.Sprintf("slot %d was never written, because its goroutine read i after the loop had moved it on.", i)
		}
	}
	return "some goroutines read a word that belonged to another iteration."
}
