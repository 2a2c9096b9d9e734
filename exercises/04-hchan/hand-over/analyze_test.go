package handover

import (
	"slices"
	"testing"

	"go.uber.org/goleak"
)

func check(t *testing.T, docs []Doc, want []Report) {
	t.Helper()
	got := Analyze(docs)
	if !slices.Equal(got, want) {
		t.Fatalf("Analyze returned\n\t%+v\nwant\n\t%+v\n"+
			"A report was read before its goroutine had finished writing it. A send makes visible\n"+
			"only what the sender wrote BEFORE it (\"What the memory model promises\").",
			got, want)
	}
}

// TestTwoDocs is small enough for the simulator to try every schedule.
func TestTwoDocs(t *testing.T) {
	defer goleak.VerifyNone(t)
	check(t,
		[]Doc{{"a", "one two"}, {"b", "three\nfour five"}},
		[]Report{{"a", 1, 2}, {"b", 2, 3}})
}

func TestManyDocs(t *testing.T) {
	defer goleak.VerifyNone(t)
	docs := []Doc{
		{"poem", "roses are red\nviolets are blue"},
		{"empty", ""},
		{"list", "eggs\nmilk\nbread\n"},
		{"note", "back at five"},
	}
	want := []Report{{"poem", 2, 6}, {"empty", 1, 0}, {"list", 4, 3}, {"note", 1, 3}}
	for range 50 {
		check(t, docs, want)
	}
}
