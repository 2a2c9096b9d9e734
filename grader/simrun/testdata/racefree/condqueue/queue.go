// Package condqueue: a queue with a condition variable: Put signals, Get
// waits while it is empty.
package condqueue

import "sync"

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
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
	q.cond.Signal()
}

func (q *Queue) Get() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}

func Run() int {
	q := New()
	go func() {
		for i := 1; i <= 3; i++ {
			q.Put(i)
		}
	}()
	return q.Get() + q.Get() + q.Get()
}
