// Package ring asks you to follow a channel's fields through a script of
// operations, one step at a time.
//
// Steps below is the script: every step does one operation on a channel
// ch made with make(chan string, 3). Most steps run in the test's own
// goroutine ("main"); a step with a Go name starts a new goroutine of that
// name to do its operation, which may park. After each step the test waits
// until every goroutine has either finished or parked, and reads ch's
// fields. Write what you expect in answers.go. Do not change this file.
//
// Use the lesson's sections "The buffer is a ring", "A send, case by case"
// and "A receive, case by case". Work on paper: draw three slots, and
// move sendx and recvx by hand.
package ring

// A Step is one operation of the script.
type Step struct {
	What string            // what the step does, in words
	Go   string            // if not "", the step runs in a new goroutine of this name
	Do   func(chan string) // the operation
}

// Steps is the script, in order. ch starts empty: qcount=0, sendx=0,
// recvx=0, nobody parked.
var Steps = []Step{
	{What: `main sends "a"`, Do: func(ch chan string) { ch <- "a" }},
	{What: `main sends "b"`, Do: func(ch chan string) { ch <- "b" }},
	{What: `main receives`, Do: func(ch chan string) { <-ch }},
	{What: `main sends "c"`, Do: func(ch chan string) { ch <- "c" }},
	{What: `main sends "d"`, Do: func(ch chan string) { ch <- "d" }},
	{What: `goroutine S1 sends "e"`, Go: "S1", Do: func(ch chan string) { ch <- "e" }},
	{What: `goroutine S2 sends "f"`, Go: "S2", Do: func(ch chan string) { ch <- "f" }},
	{What: `main receives`, Do: func(ch chan string) { <-ch }},
	{What: `main receives`, Do: func(ch chan string) { <-ch }},
	{What: `main receives three times`, Do: func(ch chan string) { <-ch; <-ch; <-ch }},
	{What: `goroutine R1 receives`, Go: "R1", Do: func(ch chan string) { <-ch }},
	{What: `goroutine R2 receives`, Go: "R2", Do: func(ch chan string) { <-ch }},
	{What: `main sends "g"`, Do: func(ch chan string) { ch <- "g" }},
	{What: `main closes ch`, Do: func(ch chan string) { close(ch) }},
}

// State is what you predict after a step: the fields of ch's hchan, and
// the names of the goroutines parked in its queues, first to last (nil
// when nobody is).
type State struct {
	QCount int
	SendX  int
	RecvX  int
	SendQ  []string
	RecvQ  []string
}
