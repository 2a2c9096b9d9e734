package grader

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxMessage bounds the message of one check; learner code decides much of what a
// message quotes (its panics, its output), so it is cut and cleaned.
const maxMessage = 8 << 10

// Sanitize makes text that learner code may have written safe to show anywhere a
// report goes: terminal escape sequences and other control characters are removed,
// invalid UTF-8 is replaced, lines that a CI system would read as a command (GitHub's
// "::error ::" and "##[group]", GitLab's section markers) are defused, and the text
// is cut to max bytes with a note saying so.
func Sanitize(s string, max int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b: // ESC: skip a CSI or OSC sequence whole
			i += n + escapeLen(s[i+n:])
			continue
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// other control characters, C1 included (0x9b is a one-byte CSI)
		case r == '\u2028' || r == '\u2029' || r == '\u202e' || r == '\u202d':
			// line separators and bidi overrides that make text lie about itself
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if strings.HasPrefix(t, "::") || strings.HasPrefix(t, "##[") || strings.HasPrefix(t, "section_start:") || strings.HasPrefix(t, "section_end:") {
			lines[i] = l[:len(l)-len(t)] + "\u200b" + t // a zero-width space: shown the same, never a command
		}
	}
	out := strings.Join(lines, "\n")
	if max > 0 && len(out) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = out[:cut] + fmt.Sprintf("\n... (%d more bytes cut)", len(out)-cut)
	}
	return out
}

// escapeLen returns the length of the escape sequence whose ESC was just read.
func escapeLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '[': // CSI: parameters, then a final byte in 0x40..0x7e
		for i := 1; i < len(s); i++ {
			if s[i] >= 0x40 && s[i] <= 0x7e {
				return i + 1
			}
		}
		return len(s)
	case ']', 'P', '_', '^': // OSC, DCS, APC, PM: up to BEL or ESC \
		for i := 1; i < len(s); i++ {
			if s[i] == 0x07 {
				return i + 1
			}
			if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
		}
		return len(s)
	}
	return 1
}
