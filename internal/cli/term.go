package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"
)

// terminal returns the file descriptor behind a stream when it is a terminal.
func terminal(stream any) (fd int, ok bool) {
	f, isFile := stream.(interface{ Fd() uintptr })
	if !isFile {
		return 0, false
	}
	fd = int(f.Fd())
	return fd, term.IsTerminal(fd)
}

// columns returns the width of the learner's terminal: $COLUMNS when set, else the
// size of the terminal behind out, else 80.
func columns(out io.Writer) int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if fd, ok := terminal(out); ok {
		if w, _, err := term.GetSize(fd); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// errNoAnswer is returned by ask when the input ends before an answer.
var errNoAnswer = errors.New("no answer")

// ask asks a yes/no question and reads one line of answer from in. Only y or yes
// is yes. It reads a byte at a time so that nothing after the answer is consumed.
func ask(ios *IO, question string) (bool, error) {
	fmt.Fprintf(ios.Out, "%s [y/N] ", question)
	var line []byte
	b := make([]byte, 1)
	for {
		n, err := ios.In.Read(b)
		if n == 1 {
			if b[0] == '\n' {
				break
			}
			line = append(line, b[0])
			continue
		}
		if err != nil {
			if len(line) > 0 {
				break
			}
			fmt.Fprintln(ios.Out)
			return false, errNoAnswer
		}
	}
	if _, ok := terminal(ios.In); !ok {
		fmt.Fprintln(ios.Out) // a piped answer is not echoed: end the question's line
	}
	a := strings.ToLower(strings.TrimSpace(string(line)))
	return a == "y" || a == "yes", nil
}

// crlf turns "\n" into "\r\n": a terminal in raw mode moves down a line on "\n" but
// does not return to the first column.
type crlf struct{ w io.Writer }

func (c crlf) Write(p []byte) (int, error) {
	if _, err := c.w.Write(bytes.ReplaceAll(p, []byte("\n"), []byte("\r\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// clearScreen moves the cursor home and erases the screen and its scrollback.
func clearScreen(w io.Writer) { io.WriteString(w, "\x1b[H\x1b[2J\x1b[3J") }
