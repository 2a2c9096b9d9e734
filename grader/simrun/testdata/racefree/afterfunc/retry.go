// Package afterfunc: state written before time.AfterFunc is read by its
// function, and what is written before a ticker's Reset is read by the
// goroutine that receives the next tick: the timer carries the edge.
package afterfunc

import "time"

func Run() int {
	attempts := 3
	out := make(chan int)
	time.AfterFunc(10*time.Millisecond, func() {
		out <- attempts * 2
	})
	v := <-out
	tk := time.NewTicker(time.Hour)
	defer tk.Stop()
	got := make(chan string)
	label := ""
	go func() {
		<-tk.C
		got <- label
	}()
	label = "tick"
	tk.Reset(time.Millisecond)
	return v + len(<-got)
}
