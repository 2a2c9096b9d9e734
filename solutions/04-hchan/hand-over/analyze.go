// Package handover is about what a send hands over, and when.
package handover

import "strings"

// A Doc is a document to analyze.
type Doc struct {
	Name, Text string
}

// A Report says how many lines and words a document has.
type Report struct {
	Name         string
	Lines, Words int
}

// Analyze reports on every document, each in a goroutine of its own, and
// returns the reports in the order of docs.
//
// Each goroutine builds its Report and sends a pointer to it; Analyze
// reads the reports after it has received them all. The memory model
// makes everything a goroutine wrote BEFORE its send visible to the
// receiver after the receive. Nothing else.
func Analyze(docs []Doc) []Report {
	out := make(chan *Report)
	for _, d := range docs {
		go func() {
			r := &Report{Name: d.Name, Lines: strings.Count(d.Text, "\n") + 1}
			r.Words = len(strings.Fields(d.Text))
			out <- r // r is finished: from here on it belongs to the receiver
		}()
	}

	byName := map[string]*Report{}
	for range docs {
		r := <-out
		byName[r.Name] = r
	}
	reports := make([]Report, len(docs))
	for i, d := range docs {
		reports[i] = *byName[d.Name]
	}
	return reports
}
