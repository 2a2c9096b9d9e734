// Package timeline draws a simulated run as a person can follow it: a column per
// goroutine, a row per event, virtual time in the margin, and each channel's buffer
// and queues drawn as the lessons draw them:
//
//	jobs buf [1 2 _] qcount=2 sendx=2 recvx=0 recvq=[] sendq=[G3]
package timeline

import (
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gocourse/gocourse/sim"
)

// colWidth is the width of one goroutine's column in the text drawing.
const colWidth = 18

// Text writes the events as a table: time, one column per goroutine, then the state
// of the channel the event touched.
func Text(out io.Writer, events []sim.TraceEvent) { draw(out, events, channels(events)) }

// afterExit separates a program's run from what the simulator does after the
// process has exited: finishing or judging the goroutines left, which the real
// runtime never runs.
const afterExit = "── the process has exited here; below, only the simulator goes on, to judge the goroutines left ──"

// Tail draws the last n events of a run that are about the learner's code (see
// Learner), with the channels known from the whole run.
func Tail(out io.Writer, events []sim.TraceEvent, n int) {
	TailOf(out, events, Learner(events), n)
}

// TailOf draws the last n of mine, events chosen from the run's events (by
// Learner or Of), with the channels known from the whole run.
func TailOf(out io.Writer, events, mine []sim.TraceEvent, n int) {
	if len(mine) > n {
		mine = mine[len(mine)-n:]
	}
	draw(out, mine, channels(events))
}

func draw(out io.Writer, events []sim.TraceEvent, chans map[string]bool) {
	w := out
	rows, gs := elide(events)
	fmt.Fprintf(w, "%-8s", "time")
	for _, g := range gs {
		fmt.Fprintf(w, "%-*s", colWidth, "G"+strconv.Itoa(g))
	}
	fmt.Fprintln(w, "channel after the event")
	fmt.Fprintln(w, strings.Repeat("─", 8+colWidth*len(gs)+24))
	col := make(map[int]int, len(gs))
	for i, g := range gs {
		col[g] = i
	}
	lastT := int64(-1)
	marked := false
	for _, r := range rows {
		if !marked && r.i > 0 && events[r.i-1].Op == "exit" {
			// The process ended at "exit"; the simulator goes on only to
			// judge the goroutines left (leaks). Say so, so that nobody
			// reads what follows as the program running after main.
			fmt.Fprintln(out, afterExit)
			marked = true
		}
		if r.n > 0 {
			fmt.Fprintln(out, strings.Repeat(" ", 8)+summary(events[r.i:r.i+r.n]))
			continue
		}
		e := events[r.i]
		t := ""
		if e.TimeNS != lastT {
			t = formatTime(e.TimeNS)
			lastT = e.TimeNS
		}
		var row strings.Builder
		w := &row
		fmt.Fprintf(w, "%-8s", t)
		cell := Cell(e)
		for i := range gs {
			if i == col[e.G] {
				if len(cell) >= colWidth {
					cell = cell[:colWidth-2] + "…"
				}
				fmt.Fprintf(w, "%-*s", colWidth, cell)
			} else {
				fmt.Fprintf(w, "%-*s", colWidth, "│")
			}
		}
		line := ""
		if chans[e.Chan] {
			line = State(e)
		}
		if e.Pos != "" {
			if line != "" {
				line += "  "
			}
			line += "(" + e.Pos + ")"
		}
		fmt.Fprintln(out, strings.TrimRight(row.String()+line, " "))
	}
}

// A long run of alike events (n goroutines started, then each parking on
// one channel; a close waking them all) is drawn elided: the first
// elideHead events of it, a line that counts the rest, and its last
// elideTail, so that a picture of a hundred thousand goroutines has a
// dozen columns and rows, not a hundred thousand. A run is at least
// elideMin events, each alike (see kind) one of its first elideHead:
// no shorter run is elided, so a picture of a few goroutines is whole.
const (
	elideMin  = 100
	elideHead = 4
	elideTail = 2
)

// A drawRow is the event events[i] (n == 0), or the n events from i, elided.
type drawRow struct{ i, n int }

// elide returns the rows that draw the events: each event, but for long runs
// of alike events, which are elided in the middle. The process's exit is
// never elided, nor anything across it. gs are the goroutines of the events
// drawn whole, in id order: the picture's columns.
func elide(events []sim.TraceEvent) (rows []drawRow, gs []int) {
	rows = elideRows(events)
	shown := make([]sim.TraceEvent, 0, len(rows))
	for _, r := range rows {
		if r.n == 0 {
			shown = append(shown, events[r.i])
		}
	}
	return rows, goroutines(shown)
}

// elideRows is elide's rows.
func elideRows(events []sim.TraceEvent) []drawRow {
	rows := make([]drawRow, 0, min(len(events), 1024))
	kinds := make([]string, len(events))
	for i, e := range events {
		kinds[i] = kind(e)
	}
	for i := 0; i < len(events); {
		head := map[string]bool{}
		j := i
		for ; j < len(events) && events[j].Op != "exit"; j++ {
			if j < i+elideHead {
				head[kinds[j]] = true
			} else if !head[kinds[j]] {
				break
			}
		}
		if j-i < elideMin {
			rows = append(rows, drawRow{i: i})
			i++
			continue
		}
		for k := i; k < i+elideHead; k++ {
			rows = append(rows, drawRow{i: k})
		}
		rows = append(rows, drawRow{i: i + elideHead, n: j - elideTail - (i + elideHead)})
		for k := j - elideTail; k < j; k++ {
			rows = append(rows, drawRow{i: k})
		}
		i = j
	}
	return rows
}

// goID is a goroutine's name in an event's text.
var goID = regexp.MustCompile(`\bG[0-9]+\b`)

// kind is what alike events share: the operation, the object, the line, and
// the text of the event with goroutine ids left out (go G5 and go G6 are
// alike; who did them is not asked).
func kind(e sim.TraceEvent) string {
	return e.Op + "\x00" + e.Chan + "\x00" + e.Pos + "\x00" + label(e)
}

// label is an event's text with its goroutine ids as "G…".
func label(e sim.TraceEvent) string { return goID.ReplaceAllString(Cell(e), "G…") }

// summary is the line that stands for elided events: how many, and of which
// kinds, in the order they first appear.
func summary(events []sim.TraceEvent) string {
	type count struct {
		what string
		n    int
	}
	var counts []*count
	byKind := map[string]*count{}
	for _, e := range events {
		k := kind(e)
		c := byKind[k]
		if c == nil {
			what := label(e)
			if e.Pos != "" {
				what += " (" + e.Pos + ")"
			}
			c = &count{what: what}
			byKind[k] = c
			counts = append(counts, c)
		}
		c.n++
	}
	parts := make([]string, len(counts))
	for i, c := range counts {
		parts[i] = c.what + " ×" + thousands(c.n)
	}
	return "⋮ " + thousands(len(events)) + " more events like these: " + strings.Join(parts, ", ")
}

// thousands prints n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Cell is the short text of an event in its goroutine's column: "send jobs",
// "park <-done" (parked receiving), "park jobs<-" (parked sending), "go G3".
func Cell(e sim.TraceEvent) string {
	switch {
	case e.Op == "park" && e.Detail == "chan receive" && e.Chan != "":
		return "park <-" + e.Chan
	case e.Op == "park" && e.Detail == "chan send" && e.Chan != "":
		return "park " + e.Chan + "<-"
	}
	s := e.Op
	if e.Chan != "" {
		s += " " + e.Chan
	}
	if e.Op == "print" {
		return "print " + e.Detail
	}
	if e.Op == "go" || e.Op == "park" || e.Op == "wake" || e.Op == "select" {
		if e.Detail != "" && len(s)+len(e.Detail) < colWidth {
			s += " " + e.Detail
		}
	}
	return s
}

// State draws a channel's fields after an event, as the lessons do; "" for events
// that touch no channel.
func State(e sim.TraceEvent) string {
	if e.Chan == "" || !isChanOp(e.Op) {
		return ""
	}
	var b strings.Builder
	b.WriteString(e.Chan)
	if e.DataqSiz > 0 {
		b.WriteString(" buf [")
		for i := 0; i < e.DataqSiz; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			if occupied(e, i) {
				b.WriteByte('#')
			} else {
				b.WriteByte('_')
			}
		}
		b.WriteString("]")
	} else {
		b.WriteString(" unbuffered")
	}
	fmt.Fprintf(&b, " qcount=%d", e.QCount)
	if e.DataqSiz > 0 {
		fmt.Fprintf(&b, " sendx=%d recvx=%d", e.SendX, e.RecvX)
	}
	fmt.Fprintf(&b, " recvq=%s sendq=%s", ids(e.RecvQ, e.RecvQMore), ids(e.SendQ, e.SendQMore))
	if e.Closed {
		b.WriteString(" closed")
	}
	return b.String()
}

// occupied reports whether slot i of the ring holds a value: the qcount slots from
// recvx onwards, wrapping around.
func occupied(e sim.TraceEvent, i int) bool {
	if e.DataqSiz == 0 {
		return false
	}
	off := (i - e.RecvX + e.DataqSiz) % e.DataqSiz
	return off < e.QCount
}

// channels returns the names that the events show to be channels: those made,
// sent on, received from or closed. Other names are locks, wait groups and the
// like, whose events have no buffer or queues to draw.
func channels(events []sim.TraceEvent) map[string]bool {
	names := map[string]bool{}
	for _, e := range events {
		switch e.Op {
		case "make", "send", "recv", "close":
			if e.Chan != "" {
				names[e.Chan] = true
			}
		}
	}
	return names
}

// Learner keeps the events of the learner's code and drops the test's own
// (its goroutines, synctest's bubble, subtests' done channels), which a
// learner did not write and need not read. An event is the learner's when it
// happened at a line of a file that is not a test (_test.go), or, having no
// line (a wake, a done, a timer firing), when it concerns a channel or a
// goroutine that the learner's code used or started. A trace without any line (a
// program's, or one recorded without positions) keeps everything but the
// harness's machinery.
func Learner(events []sim.TraceEvent) []sim.TraceEvent {
	return keep(events, func(file string) bool { return !strings.HasSuffix(file, "_test.go") })
}

// Of keeps the events of the code in files (names of the files the learner
// edits, such as "hello.go"; a position matches by its last path elements),
// as Learner does for every file that is not a test. An exercise's other
// files (the program a "predict" exercise asks about, a helper the course
// gives) are not the learner's code: their events are left out, and so a
// trace of a mistake in a prediction has no events to show.
func Of(events []sim.TraceEvent, files []string) []sim.TraceEvent {
	return keep(events, func(file string) bool {
		for _, f := range files {
			if file == f || strings.HasSuffix(file, "/"+f) {
				return true
			}
		}
		return false
	})
}

// keep keeps the events at a line of a file that mine accepts, and those
// without a line that concern a channel or goroutine of such events.
func keep(events []sim.TraceEvent, mineFile func(file string) bool) []sim.TraceEvent {
	mine := func(e sim.TraceEvent) bool {
		if e.Pos == "" {
			return false
		}
		file := e.Pos
		if i := strings.LastIndexByte(file, ':'); i >= 0 {
			file = file[:i]
		}
		return mineFile(file)
	}
	chans, gs := map[string]bool{}, map[int]bool{}
	havePos := false
	for _, e := range events {
		if e.Pos != "" {
			havePos = true
		}
		if mine(e) {
			if e.Chan != "" {
				chans[e.Chan] = true
			}
			gs[e.G] = true
			var started int
			if _, err := fmt.Sscanf(e.Detail, "G%d", &started); e.Op == "go" && err == nil {
				gs[started] = true // a goroutine the learner's code started
			}
		}
	}
	var out []sim.TraceEvent
	for _, e := range events {
		if strings.HasPrefix(e.Chan, "synctest.") || strings.HasPrefix(e.Chan, "Test") {
			continue
		}
		switch {
		case !havePos, mine(e):
		case e.Pos == "" && (chans[e.Chan] || e.Chan == "" && gs[e.G]):
		default:
			continue
		}
		out = append(out, e)
	}
	return out
}

func isChanOp(op string) bool {
	switch op {
	case "make", "send", "recv", "close", "select", "park", "wake", "len", "cap":
		return true
	}
	return false
}

// ids draws a queue: the goroutines the event names, and how many more it
// left out (sim.TraceQueueIDs).
func ids(q []int, more int) string {
	parts := make([]string, len(q), len(q)+1)
	for i, g := range q {
		parts[i] = "G" + strconv.Itoa(g)
	}
	if more > 0 {
		parts = append(parts, "+"+thousands(more)+" more")
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func goroutines(events []sim.TraceEvent) []int {
	var gs []int
	seen := map[int]bool{}
	for _, e := range events {
		if !seen[e.G] {
			seen[e.G] = true
			gs = append(gs, e.G)
		}
	}
	slices.Sort(gs)
	return gs
}

func formatTime(ns int64) string {
	if ns == 0 {
		return "0s"
	}
	return time.Duration(ns).String()
}

// HTML writes a self-contained page that draws the same run: one column per
// goroutine, one row per event, the channel's state beside it.
func HTML(w io.Writer, title string, events []sim.TraceEvent) {
	rows, gs := elide(events)
	chans := channels(events)
	fmt.Fprintf(w, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>%s</title>
<style>
body{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;margin:2em;color:#222}
h1{font-size:16px}
table{border-collapse:collapse}
th,td{padding:2px 10px;border-bottom:1px solid #eee;text-align:left;white-space:nowrap}
th{position:sticky;top:0;background:#fafafa;border-bottom:2px solid #ccc}
td.g{border-left:2px solid #ddd;min-width:9em}
td.ev{background:#eef5ff;border-left:2px solid #58f}
td.park{background:#fff2e0;border-left:2px solid #f90}
td.wake{background:#eaffea;border-left:2px solid #3a3}
td.fail,td.panic{background:#ffe8e8;border-left:2px solid #d33}
td.t{color:#888}
.slot{display:inline-block;width:1.4em;text-align:center;border:1px solid #999;margin-right:-1px}
.full{background:#58f;color:#fff}
.pos{color:#888}
</style></head><body>
<h1>%s</h1>
<table><tr><th>time</th>`, html.EscapeString(title), html.EscapeString(title))
	for _, g := range gs {
		fmt.Fprintf(w, "<th>G%d</th>", g)
	}
	fmt.Fprint(w, "<th>channel after the event</th><th>where</th></tr>\n")
	for _, r := range rows {
		if r.i > 0 && events[r.i-1].Op == "exit" {
			fmt.Fprintf(w, "<tr><td colspan=%d class=t>%s</td></tr>\n", len(gs)+3, html.EscapeString(afterExit))
		}
		if r.n > 0 {
			fmt.Fprintf(w, "<tr><td></td><td colspan=%d class=t>%s</td></tr>\n", len(gs)+2, html.EscapeString(summary(events[r.i:r.i+r.n])))
			continue
		}
		e := events[r.i]
		fmt.Fprintf(w, "<tr><td class=t>%s</td>", formatTime(e.TimeNS))
		for _, g := range gs {
			if g == e.G {
				fmt.Fprintf(w, "<td class=\"ev %s\">%s</td>", html.EscapeString(e.Op), html.EscapeString(Cell(e)))
			} else {
				fmt.Fprint(w, "<td class=g></td>")
			}
		}
		state := ""
		if chans[e.Chan] {
			state = stateHTML(e)
		}
		fmt.Fprintf(w, "<td>%s</td><td class=pos>%s</td></tr>\n", state, html.EscapeString(e.Pos))
	}
	fmt.Fprint(w, "</table></body></html>\n")
}

func stateHTML(e sim.TraceEvent) string {
	s := State(e)
	if s == "" || e.DataqSiz == 0 {
		return html.EscapeString(s)
	}
	var slots strings.Builder
	for i := 0; i < e.DataqSiz; i++ {
		class := "slot"
		if occupied(e, i) {
			class += " full"
		}
		fmt.Fprintf(&slots, "<span class=%q>%d</span>", class, i)
	}
	fields := strings.SplitN(s, "] ", 2)
	rest := ""
	if len(fields) == 2 {
		rest = fields[1]
	}
	return html.EscapeString(e.Chan) + " " + slots.String() + " " + html.EscapeString(rest)
}
