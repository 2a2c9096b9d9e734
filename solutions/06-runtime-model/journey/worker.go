// Package journey asks you to follow one goroutine, a worker, through a
// script: at every step, where is it stopped, and in which channel queues
// are its sudogs?
//
// Worker below is the goroutine; Steps is what the test's own goroutine,
// "main", does to it. After each step the test waits until the worker is
// parked, asleep or finished (nothing else can happen without main), and
// looks: at the last place the worker announced with at(...), and at the
// recvq and sendq of the three channels. Write your prediction in
// answers.go. Do not change this file.
package journey

import "time"

// Worker squares jobs until quit is closed. Before each operation that
// may stop it, it says which one, using the runtime's own names for the
// reasons a goroutine waits: "select", "sleep", "chan send".
func Worker(jobs <-chan int, results chan<- int, quit <-chan struct{}, at func(reason string)) {
	for {
		at("select")
		select {
		case j := <-jobs:
			at("sleep")
			time.Sleep(time.Second) // working on the job
			at("chan send")
			results <- j * j
		case <-quit:
			return
		}
	}
}

// The channels, as the test makes them. Note the capacity of results.
func channels() (jobs chan int, results chan int, quit chan struct{}) {
	return make(chan int), make(chan int, 1), make(chan struct{})
}

// A Step is one thing main does.
type Step struct {
	What string
	Do   func(jobs, results chan int, quit chan struct{})
}

// Steps is the script. Before step 1 the worker does not exist yet.
var Steps = []Step{
	{"main starts the worker", nil}, // the test does: go Worker(jobs, results, quit, at)
	{"main sends 3 on jobs", func(jobs, _ chan int, _ chan struct{}) { jobs <- 3 }},
	{"main sleeps 2s", func(chan int, chan int, chan struct{}) { time.Sleep(2 * time.Second) }},
	{"main sends 5 on jobs", func(jobs, _ chan int, _ chan struct{}) { jobs <- 5 }},
	{"main sleeps 2s", func(chan int, chan int, chan struct{}) { time.Sleep(2 * time.Second) }},
	{"main receives from results", func(_, results chan int, _ chan struct{}) { <-results }},
	{"main closes quit", func(_, _ chan int, quit chan struct{}) { close(quit) }},
}

// Where is the worker's situation after a step: Reason is where it is
// stopped ("select", "sleep", "chan send"), or "done" once Worker has
// returned. Queues lists the wait queues holding one of its sudogs, as
// "jobs.recvq", "quit.recvq", "results.sendq", in any order (nil if none).
type Where struct {
	Reason string
	Queues []string
}
