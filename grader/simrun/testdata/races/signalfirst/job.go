// Package signalfirst: a job that reports it is done before it stores its
// result, on a buffered channel that lets it run on.
package signalfirst

type Job struct {
	done   chan bool
	Result string
}

func Run() string {
	j := &Job{done: make(chan bool, 1)}
	go func() {
		j.done <- true  // "done" ...
		j.Result = "ok" // ... and then the result
	}()
	<-j.done
	return j.Result
}
