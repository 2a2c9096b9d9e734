// A channel type with methods, as real code writes semaphores and signals:
// its values cross to and from plain channel types, nil and select.
package main

import (
	"fmt"
	"sync"
)

type semChan chan struct{}

func newSem(n int) semChan { return make(semChan, n) }

func (s semChan) acquire()  { s <- struct{}{} }
func (s semChan) release()  { <-s }
func (s semChan) held() int { return len(s) }

type Signal chan struct{}

func (s Signal) Fire() { close(s) }

type Stream[T any] chan T

func (s Stream[T]) Put(v T) { s <- v }

func wait(c <-chan struct{}) { <-c }

func orNil(ok bool) Signal {
	if !ok {
		return nil
	}
	return make(chan struct{})
}

type pool struct {
	sem  semChan
	done Signal
}

func main() {
	p := pool{sem: newSem(2), done: make(Signal)}
	var mu sync.Mutex
	var wg sync.WaitGroup
	most, now := 0, 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.sem.acquire()
			mu.Lock()
			now++
			if now > most {
				most = now
			}
			mu.Unlock()
			mu.Lock()
			now--
			mu.Unlock()
			p.sem.release()
		}()
	}
	wg.Wait()
	fmt.Println("at most", most <= 2, "held", p.sem.held(), "cap", cap(p.sem))

	go p.done.Fire()
	wait(p.done)
	select {
	case <-p.done:
		fmt.Println("fired")
	}

	var never Signal
	fmt.Println(never == nil, orNil(false) == nil, orNil(true) != nil)
	plain := make(chan struct{}, 1)
	s := semChan(plain)
	s.acquire()
	fmt.Println(len(plain), s.held())
	var back chan struct{} = s
	<-back

	st := make(Stream[int], 3)
	st.Put(1)
	st.Put(2)
	close(st)
	sum := 0
	for v := range st {
		sum += v
	}
	fmt.Println("sum", sum)
}
