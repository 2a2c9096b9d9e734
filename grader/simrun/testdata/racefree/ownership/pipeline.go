// Package ownership: a pipeline that hands each record on by pointer; a
// stage owns a record from its receive until its send, and touches it only
// then.
package ownership

type Record struct {
	ID    int
	Steps []string
}

func stage(name string, in <-chan *Record) <-chan *Record {
	out := make(chan *Record, 1)
	go func() {
		defer close(out)
		for r := range in {
			r.Steps = append(r.Steps, name)
			out <- r
		}
	}()
	return out
}

func Run(n int) int {
	src := make(chan *Record)
	out := stage("b", stage("a", src))
	go func() {
		for i := range n {
			src <- &Record{ID: i}
		}
		close(src)
	}()
	steps := 0
	for r := range out {
		steps += len(r.Steps)
	}
	return steps
}
