package grader

import (
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain\ttext\nline two", "plain\ttext\nline two"},
		{"\x1b[31mred\x1b[0m", "red"},
		{"\x1b]0;title\x07after", "after"},
		{"\x1b]8;;http://x\x1b\\link", "link"},
		{"a\x9b31mb", "a\uFFFD31mb"}, // a raw C1 CSI byte is invalid UTF-8: replaced
		{"a\u009b31mb", "a31mb"},     // the same as a character: dropped
		{"bell\x07 nul\x00 cr\r", "bell nul cr"},
		{"::error file=a::pwned", "\u200b::error file=a::pwned"},
		{"  ::set-output name=x::1", "  \u200b::set-output name=x::1"},
		{"##[error]x", "\u200b##[error]x"},
		{"section_start:1:x\r\x1b[0K", "\u200bsection_start:1:x"},
		{"ok ::not at start", "ok ::not at start"},
		{"bidi \u202eevil", "bidi evil"},
	}
	for _, tt := range tests {
		got := Sanitize(tt.in, 0)
		if got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := strings.Repeat("é", 100)
	got := Sanitize(long, 51)
	if !strings.HasPrefix(got, strings.Repeat("é", 25)+"\n... (") {
		t.Errorf("cut in the middle of a character, or not cut: %q", got)
	}
}
