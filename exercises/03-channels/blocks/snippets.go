// Package blocks asks you to predict, for each of a dozen short pieces of
// channel code, whether it completes, blocks forever, or panics.
//
// Read each snippet below and write your prediction in answers.go. Do not
// change this file: the tests run every snippet, each on a fresh channel
// ch of the capacity its Cap says, in a goroutine of its own, and compare
// what really happens with what you predicted. "Blocks forever" means that
// the goroutine running the snippet waits and nothing in the snippet could
// ever wake it.
//
// Use the table in the lesson's section "Will it block?" and predict first;
// run the tests only to check.
package blocks

// An Outcome is what a snippet does.
type Outcome int

const (
	Unknown       Outcome = iota // no prediction yet
	Completes                    // runs to its end
	BlocksForever                // waits, and nothing in it can wake it
	Panics                       // stops with a run-time panic
)

func (o Outcome) String() string {
	switch o {
	case Completes:
		return "Completes"
	case BlocksForever:
		return "BlocksForever"
	case Panics:
		return "Panics"
	}
	return "Unknown"
}

// A Snippet is a piece of channel code. Run gets a fresh channel of
// capacity Cap.
type Snippet struct {
	Name string
	Cap  int
	Run  func(ch chan int)
}

// Snippets are the programs to predict, in the order of answers.go.
var Snippets = []Snippet{
	{"send-unbuffered", 0, func(ch chan int) {
		ch <- 1
	}},
	{"send-buffered", 1, func(ch chan int) {
		ch <- 1
	}},
	{"send-twice-cap-1", 1, func(ch chan int) {
		ch <- 1
		ch <- 2
	}},
	{"receive-more-than-sent", 2, func(ch chan int) {
		ch <- 1
		<-ch
		<-ch
	}},
	{"receive-after-close", 0, func(ch chan int) {
		close(ch)
		v, ok := <-ch
		_, _ = v, ok
	}},
	{"send-after-close", 0, func(ch chan int) {
		close(ch)
		ch <- 1
	}},
	{"range-closed", 3, func(ch chan int) {
		ch <- 1
		ch <- 2
		close(ch)
		for range ch {
		}
	}},
	{"range-open", 3, func(ch chan int) {
		ch <- 1
		ch <- 2
		for range ch {
		}
	}},
	{"select-default", 0, func(ch chan int) {
		select {
		case ch <- 1:
		default:
		}
	}},
	{"select-nil-case", 0, func(ch chan int) {
		var never chan int
		select {
		case <-never:
		case ch <- 1:
		}
	}},
	{"close-twice", 0, func(ch chan int) {
		close(ch)
		close(ch)
	}},
	{"partner-goroutine", 0, func(ch chan int) {
		go func() { ch <- 1 }()
		<-ch
	}},
	{"receive-own-send", 1, func(ch chan int) {
		ch <- <-ch
	}},
	{"close-nil", 0, func(ch chan int) {
		var c chan int
		close(c)
	}},
}
