package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMarkdownWrapsParagraphs checks that paragraphs fill the width and no word is
// left alone on a line: glamour miscounted lines broken at a hyphen.
func TestMarkdownWrapsParagraphs(t *testing.T) {
	src := "Run it with `go run ./lessons/01-goroutines/examples/main-exits-early`: its output is not the same on every run, and a-b-c-d-e-f-g-h words wrap as words.\n\n" +
		"- a list item\n- another\n\n| a-b | c |\n|---|---|\n| 1 | 2 |\n\n---\n"
	for _, colour := range []bool{false, true} {
		var b strings.Builder
		if err := Markdown(&b, src, Options{Width: 60, Colour: colour}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		plain := trailingEscapes(out)
		lines := strings.Split(plain, "\n")
		for i, l := range lines {
			if n := utf8.RuneCountInString(l); n > 60 {
				t.Errorf("colour %v: line %d is %d wide, more than 60: %q", colour, i+1, n, l)
			}
			if f := strings.Fields(l); len(f) == 1 && i+1 < len(lines) && len(strings.Fields(lines[i+1])) > 0 && !strings.ContainsAny(l, "│─•|") && i > 0 {
				t.Errorf("colour %v: a word alone on line %d:\n%s", colour, i+1, plain)
			}
		}
		for _, want := range []string{"main-exits-early", "a-b-c-d-e-f-g-h", "• a list item", "a-b"} {
			if !strings.Contains(plain, want) {
				t.Errorf("colour %v: the output lacks %q:\n%s", colour, want, plain)
			}
		}
		if strings.Contains(out, heldHyphen) || strings.Contains(out, "`") || strings.Contains(out, "|---") {
			t.Errorf("colour %v: markdown syntax or a held hyphen shows:\n%s", colour, out)
		}
		if !colour && strings.Contains(out, "\x1b[") {
			t.Errorf("escape sequences without colour:\n%q", out)
		}
	}
}

func trailingEscapes(s string) string {
	return escape.ReplaceAllString(s, "")
}
