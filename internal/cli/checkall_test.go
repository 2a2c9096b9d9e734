package cli

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
)

// vt is the little of a terminal that check-all's drawing uses: lines, "\x1b[nA"
// (cursor up, stopped at the top of the screen), "\x1b[J" and "\x1b[2K" (erase).
// It records when the drawing asks to go above the screen's top, where the lines it
// means to redraw have scrolled away.
type vt struct {
	rows    int
	lines   []string // scrollback and screen
	cur     int      // index in lines of the cursor's line
	offTop  int      // cursor-up moves that hit the top of the screen
	maxMove int
}

var csi = regexp.MustCompile(`^\x1b\[(\d*)([AJK])`)

func (v *vt) write(s string) {
	if v.lines == nil {
		v.lines = []string{""}
	}
	for len(s) > 0 {
		if m := csi.FindStringSubmatch(s); m != nil {
			s = s[len(m[0]):]
			switch m[2] {
			case "A":
				n, _ := strconv.Atoi(m[1])
				v.maxMove = max(v.maxMove, n)
				top := max(0, len(v.lines)-v.rows) // first line on screen
				if v.cur-n < top {
					v.offTop++
					n = v.cur - top
				}
				v.cur -= n
			case "J":
				v.lines = append(v.lines[:v.cur], "")
			case "K":
				v.lines[v.cur] = ""
			}
			continue
		}
		if s[0] == '\n' {
			v.cur++
			if v.cur == len(v.lines) {
				v.lines = append(v.lines, "")
			}
			s = s[1:]
			continue
		}
		i := strings.IndexAny(s, "\n\x1b")
		if i < 0 {
			i = len(s)
		}
		v.lines[v.cur] += s[:i]
		s = s[i:]
	}
}

// TestCheckAllFitsTheScreen draws check-all's progress for a course of 80 exercises,
// two at a time, on a 50-line terminal: every redraw stays on the screen, and in the
// end each exercise's result is printed exactly once.
func TestCheckAllFitsTheScreen(t *testing.T) {
	const n, jobs, rows = 80, 2, 50
	var lines []*exerciseStatus
	for i := range n {
		lines = append(lines, &exerciseStatus{ex: &course.Exercise{ID: fmt.Sprintf("%02d-lesson/exercise-%d", i/3, i)}, state: "waiting"})
	}
	var out bytes.Buffer
	term := &vt{rows: rows}
	b := &statusBoard{w: &out, lines: lines, width: 30, live: true}
	flush := func() { term.write(out.String()); out.Reset() }
	b.draw(nil)
	flush()
	running := []*exerciseStatus{}
	for next := 0; next < n || len(running) > 0; {
		for len(running) < jobs && next < n {
			l := lines[next]
			next++
			for _, state := range []string{"building", "testing", "exploring"} {
				l.state = state
				b.draw(nil)
				flush()
			}
			running = append(running, l)
		}
		l := running[0]
		running = running[1:]
		l.res, l.state = &grader.Result{Status: grader.Pass}, "pass"
		b.draw(l)
		flush()
	}
	if term.offTop > 0 {
		t.Errorf("%d redraws went above the top of a %d-line screen (largest move: %d lines)", term.offTop, rows, term.maxMove)
	}
	if term.maxMove > jobs+1 {
		t.Errorf("a redraw moved %d lines up; the live region is at most %d lines", term.maxMove, jobs+1)
	}
	all := strings.Join(term.lines, "\n")
	for _, l := range lines {
		if c := strings.Count(all, l.ex.ID+" "); c != 1 {
			t.Errorf("%s shows %d times in the end, want once:\n%s", l.ex.ID, c, all)
			break
		}
	}
	if strings.Contains(all, "waiting") || strings.Contains(all, "building") {
		t.Errorf("live lines remain after the last exercise:\n%s", all)
	}
}
