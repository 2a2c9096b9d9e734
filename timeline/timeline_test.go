package timeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
)

func TestText(t *testing.T) {
	events := []sim.TraceEvent{
		{Seq: 1, G: 1, Op: "make", Chan: "jobs", DataqSiz: 3, Pos: "main.go:5"},
		{Seq: 2, G: 1, Op: "go", Detail: "G2", Pos: "main.go:6"},
		{Seq: 3, G: 1, Op: "send", Chan: "jobs", DataqSiz: 3, QCount: 1, SendX: 1, Pos: "main.go:9"},
		{Seq: 4, G: 1, Op: "send", Chan: "jobs", DataqSiz: 3, QCount: 2, SendX: 2, Pos: "main.go:9"},
		{Seq: 5, G: 2, Op: "recv", Chan: "jobs", DataqSiz: 3, QCount: 1, SendX: 2, RecvX: 1, Pos: "main.go:12"},
		{Seq: 6, G: 2, Op: "park", Chan: "waitgroup#1", Detail: "sync.WaitGroup.Wait", TimeNS: 2e9, Pos: "main.go:14"},
		{Seq: 7, G: 1, Op: "park", Chan: "jobs", Detail: "chan send", DataqSiz: 3, QCount: 3, SendQ: []int{1}, TimeNS: 2e9, Pos: "main.go:9"},
		{Seq: 8, G: 1, Op: "print", Detail: `"hi"`, TimeNS: 2e9, Pos: "main.go:20"},
	}
	var b strings.Builder
	Text(&b, events)
	got := b.String()
	for _, want := range []string{
		"time    G1                G2                channel after the event",
		"0s      make jobs         │                 jobs buf [_ _ _] qcount=0 sendx=0 recvx=0 recvq=[] sendq=[]  (main.go:5)",
		"        send jobs         │                 jobs buf [# # _] qcount=2 sendx=2 recvx=0 recvq=[] sendq=[]  (main.go:9)",
		// the ring from recvx: slot 0 is free again, slots 1 and 2 hold values
		"        │                 recv jobs         jobs buf [_ # _] qcount=1 sendx=2 recvx=1 recvq=[] sendq=[]  (main.go:12)",
		// a wait group is not a channel: no buffer drawn
		"2s      │                 park waitgroup#1  (main.go:14)",
		"        park jobs<-       │                 jobs buf [# # #] qcount=3 sendx=0 recvx=0 recvq=[] sendq=[G1]  (main.go:9)",
		`        print "hi"        │                 (main.go:20)`,
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("missing line:\n%s\nin:\n%s", want, got)
		}
	}
}

func TestTailKeepsTheLearnersEvents(t *testing.T) {
	events := []sim.TraceEvent{
		{Seq: 1, G: 1, Op: "make", Chan: "done", Pos: "x.go:3"},
		{Seq: 2, G: 1, Op: "make", Chan: "synctest.Test"},
		{Seq: 3, G: 2, Op: "send", Chan: "done", Pos: "x.go:5"},
		{Seq: 4, G: 2, Op: "close", Chan: "synctest.Test"},
	}
	var b strings.Builder
	Tail(&b, events, 1)
	if got := b.String(); !strings.Contains(got, "send done") || strings.Contains(got, "synctest") || strings.Contains(got, "make done") {
		t.Errorf("Tail:\n%s", got)
	}
}

// The test's own goroutines and lines (a failing t.Errorf, synctest.Wait)
// are not the learner's: the tail of a failing schedule leaves them out.
func TestLearnerLeavesOutTheTests(t *testing.T) {
	events := []sim.TraceEvent{
		{Seq: 1, G: 1, Op: "go", Detail: "G2", Pos: "hello_test.go:20"},
		{Seq: 2, G: 2, Op: "send", Chan: "results", Pos: "hello.go:12"},
		{Seq: 3, G: 1, Op: "park", Chan: "wg", Pos: "hello_test.go:22"},
		{Seq: 4, G: 2, Op: "done"},
		{Seq: 5, G: 1, Op: "wake", Chan: "wg"},
		{Seq: 6, G: 1, Op: "fail", Pos: "hello_test.go:30"},
		{Seq: 7, G: 1, Op: "done"},
	}
	var seqs []int
	for _, e := range Learner(events) {
		seqs = append(seqs, e.Seq)
	}
	if !slices.Equal(seqs, []int{2, 4}) {
		t.Errorf("Learner kept events %v, want [2 4] (the learner's send and the done of its goroutine)", seqs)
	}
	// A program's trace (main.go) is all the learner's.
	prog := []sim.TraceEvent{{Seq: 1, G: 1, Op: "go", Detail: "G2", Pos: "main.go:5"}, {Seq: 2, G: 2, Op: "done"}, {Seq: 3, G: 1, Op: "done"}}
	if got := Learner(prog); len(got) != 3 {
		t.Errorf("Learner dropped events of a program: %v", got)
	}
}

// Of keeps only the files the learner edits: a predict exercise's program
// (breakfast.go), which the course wrote, is not the learner's code, and a
// file of the same name elsewhere counts by its last path elements.
func TestOfKeepsTheLearnersFiles(t *testing.T) {
	events := []sim.TraceEvent{
		{Seq: 1, G: 1, Op: "go", Detail: "G2", Pos: "breakfast_test.go:20"},
		{Seq: 2, G: 2, Op: "send", Chan: "water", Pos: "breakfast.go:40"},
		{Seq: 3, G: 2, Op: "done"},
		{Seq: 4, G: 1, Op: "go", Detail: "G3", Pos: "ex/dir/answer.go:7"},
		{Seq: 5, G: 3, Op: "done"},
		{Seq: 6, G: 1, Op: "send", Chan: "c", Pos: "notanswer.go:3"},
	}
	seqsOf := func(evs []sim.TraceEvent) []int {
		var seqs []int
		for _, e := range evs {
			seqs = append(seqs, e.Seq)
		}
		return seqs
	}
	if got := seqsOf(Of(events, []string{"answer.go"})); !slices.Equal(got, []int{4, 5}) {
		t.Errorf("Of(answer.go) kept %v, want [4 5]", got)
	}
	if got := seqsOf(Of(events[:3], []string{"answer.go"})); len(got) != 0 {
		t.Errorf("Of(answer.go) on a trace of the course's program kept %v, want nothing", got)
	}
	if got := seqsOf(Learner(events)); !slices.Equal(got, []int{2, 3, 4, 5, 6}) {
		t.Errorf("Learner kept %v, want every event of a file that is not a test", got)
	}
}

// Events after "exit" are not the program's: the drawing says so once,
// right after the exit row, and only when something follows it.
func TestTextMarksWhatFollowsExit(t *testing.T) {
	events := []sim.TraceEvent{
		{Seq: 1, G: 1, Op: "go", Detail: "G2"},
		{Seq: 2, G: 1, Op: "done"},
		{Seq: 3, G: 1, Op: "exit"},
		{Seq: 4, G: 2, Op: "done"},
	}
	var b strings.Builder
	Text(&b, events)
	lines := strings.Split(b.String(), "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "exit") && !strings.Contains(l, "exited") })
	if at < 0 || at+2 >= len(lines) || lines[at+1] != afterExit || !strings.Contains(lines[at+2], "done") {
		t.Errorf("want the exit row, then %q, then G2's done:\n%s", afterExit, b.String())
	}
	b.Reset()
	HTML(&b, "run", events)
	if !strings.Contains(b.String(), afterExit) {
		t.Errorf("the HTML drawing does not mark the exit:\n%s", b.String())
	}
	b.Reset()
	Text(&b, events[:3])
	if strings.Contains(b.String(), afterExit) {
		t.Errorf("nothing follows exit, yet the drawing says something does:\n%s", b.String())
	}
}
