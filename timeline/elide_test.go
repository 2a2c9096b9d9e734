package timeline

import (
	"strconv"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
)

// manyParked is the trace of main starting n goroutines that each park
// receiving on release, then closing it: every goroutine wakes and ends.
func manyParked(n int) []sim.TraceEvent {
	var events []sim.TraceEvent
	add := func(e sim.TraceEvent) {
		e.Seq = len(events) + 1
		events = append(events, e)
	}
	add(sim.TraceEvent{G: 1, Op: "make", Chan: "release", Pos: "main.go:5"})
	for g := 2; g < n+2; g++ {
		add(sim.TraceEvent{G: 1, Op: "go", Detail: "G" + strconv.Itoa(g), Pos: "main.go:7"})
		waiters := g - 1
		shown := min(waiters, sim.TraceQueueIDs)
		q := make([]int, shown)
		for i := range q {
			q[i] = 2 + i
		}
		add(sim.TraceEvent{G: g, Op: "park", Chan: "release", Detail: "chan receive", RecvQ: q, RecvQMore: waiters - shown, Pos: "main.go:8"})
	}
	add(sim.TraceEvent{G: 1, Op: "close", Chan: "release", Closed: true, Pos: "main.go:11"})
	for g := 2; g < n+2; g++ {
		add(sim.TraceEvent{G: g, Op: "wake", Pos: "main.go:11"})
		add(sim.TraceEvent{G: g, Op: "done"})
	}
	add(sim.TraceEvent{G: 1, Op: "exit"})
	return events
}

func TestTextElidesLongRunsOfAlikeEvents(t *testing.T) {
	const n = 10_000
	events := manyParked(n)
	var b strings.Builder
	Text(&b, events)
	got := b.String()
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) > 40 {
		t.Fatalf("%d events of %d goroutines drawn in %d lines; want them elided:\n%s", len(events), n+1, len(lines), got)
	}
	// The header has a column for the goroutines drawn, not for all of them.
	if cols := strings.Count(lines[0], " G"); cols > 12 {
		t.Errorf("%d goroutine columns:\n%s", cols, lines[0])
	}
	// Every event is drawn or counted, and the counts name what was left out.
	drawn, counted := 0, 0
	for _, l := range lines[2:] {
		if _, rest, ok := strings.Cut(l, "⋮ "); ok {
			k, _, _ := strings.Cut(rest, " ")
			c, err := strconv.Atoi(strings.ReplaceAll(k, ",", ""))
			if err != nil {
				t.Fatalf("summary line %q: %v", l, err)
			}
			counted += c
			continue
		}
		drawn++
	}
	if drawn+counted != len(events) {
		t.Errorf("%d events drawn and %d counted, want %d in all:\n%s", drawn, counted, len(events), got)
	}
	for _, want := range []string{
		"go G… (main.go:7) ×",
		"park <-release (main.go:8) ×",
		"wake (main.go:11) ×",
		"recvq=[G2 G3 G4 G5 G6 G7 G8 G9 G10 G11 G12 G13 G14 G15 G16 G17 +9,984 more]",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	// The close and the exit are drawn, whatever surrounds them.
	for _, want := range []string{"close release", "exit"} {
		if !strings.Contains(got, "        "+want) {
			t.Errorf("%q is not drawn:\n%s", want, got)
		}
	}
}

// A picture of a few goroutines, as the lessons draw, is drawn whole.
func TestTextDrawsShortRunsWhole(t *testing.T) {
	events := manyParked(20) // 83 events: runs shorter than elideMin
	var b strings.Builder
	Text(&b, events)
	got := b.String()
	if strings.Contains(got, "⋮") {
		t.Errorf("a short trace was elided:\n%s", got)
	}
	if lines := strings.Count(got, "\n"); lines != len(events)+2 {
		t.Errorf("%d lines for %d events, want a line for each and the header's two:\n%s", lines, len(events), got)
	}
}

// The page elides the same runs as the text.
func TestHTMLElidesLongRunsOfAlikeEvents(t *testing.T) {
	var b strings.Builder
	HTML(&b, "many", manyParked(10_000))
	got := b.String()
	if rows := strings.Count(got, "<tr>"); rows > 40 {
		t.Errorf("%d rows for a run of 10,001 goroutines; want it elided", rows)
	}
	if !strings.Contains(got, "⋮ 19,995 more events like these: park &lt;-release (main.go:8) ×9,998, go G… (main.go:7) ×9,997") {
		t.Errorf("no summary row of the parked goroutines in:\n%s", got)
	}
}
