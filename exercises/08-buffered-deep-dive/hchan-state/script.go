// Package hchanstate asks you to predict the inside of a channel.
//
// Script below is a short program written as a list of steps on one
// channel of capacity 3. Read it, follow the runtime's rules step by step,
// and write down in answer.go what the channel's hchan holds at the end.
// Do not change this file: the tests run the script on a real channel and
// compare.
package hchanstate

// Capacity is the size of the channel's buffer.
const Capacity = 3

// Script is the program. Each step runs after the previous one has gone as
// far as it can: a goroutine started by GoSend has either completed its
// send or parked before the next step begins.
var Script = []Step{
	Send("a"),   // main sends "a"
	Send("b"),   // main sends "b"
	Recv(),      // main receives
	Send("c"),   // main sends "c"
	Send("d"),   // main sends "d"
	GoSend("e"), // a new goroutine sends "e"
	GoSend("f"), // another new goroutine sends "f"
	Recv(),      // main receives
	GoSend("g"), // a third new goroutine sends "g"
}

// A Step is one operation of the script.
type Step struct {
	Op    string // "send", "recv" or "go send"
	Value string // what a send sends
}

// Send is a send by the main goroutine; it must not block.
func Send(v string) Step { return Step{"send", v} }

// Recv is a receive by the main goroutine; it must not block.
func Recv() Step { return Step{"recv", ""} }

// GoSend starts a goroutine that sends v; it may park.
func GoSend(v string) Step { return Step{"go send", v} }

// Run runs the script on ch. settle returns once every goroutine that the
// script started has either finished or parked. Run returns the values that
// the Recv steps received, in order.
func Run(ch chan string, script []Step, settle func()) []string {
	var got []string
	for _, s := range script {
		switch s.Op {
		case "send":
			ch <- s.Value
		case "recv":
			got = append(got, <-ch)
		case "go send":
			go func() { ch <- s.Value }()
		}
		settle()
	}
	return got
}
