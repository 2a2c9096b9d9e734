// Package condwakeup: a consumer that checks for work with if, not for, and a
// producer that signals before the consumer waits: the wakeup is lost.
package condwakeup

import "sync"

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
	ready bool
}

func New() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	q.cond.Signal() // signalled before the consumer is waiting: lost
}

func (q *Queue) Take() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	if !q.ready { // bug: checks a flag nobody sets, instead of len(items)
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}
