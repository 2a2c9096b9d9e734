package watch

import (
	"bufio"
	"io"
)

// ReadKeys delivers the keys read from r, one rune each, and closes the channel at the
// end of r. Escape sequences (arrow and function keys) are skipped whole, so that an
// arrow key is not taken for the letters of its sequence.
//
// The reading goroutine blocks in r until a key arrives; with a terminal that is for
// the life of the process, which is what a command-line program wants.
func ReadKeys(r io.Reader) <-chan rune {
	keys := make(chan rune)
	go func() {
		defer close(keys)
		br := bufio.NewReader(r)
		for {
			k, _, err := br.ReadRune()
			if err != nil {
				return
			}
			if k == 0x1b {
				skipEscape(br)
				continue
			}
			keys <- k
		}
	}()
	return keys
}

// skipEscape reads the rest of an escape sequence: ESC [ ... final or ESC O final.
func skipEscape(br *bufio.Reader) {
	b, err := br.ReadByte()
	if err != nil {
		return
	}
	if b != '[' && b != 'O' {
		br.UnreadByte() // a lone Esc, then an ordinary key
		return
	}
	for {
		b, err := br.ReadByte()
		if err != nil || b >= 0x40 && b <= 0x7e {
			return
		}
	}
}
