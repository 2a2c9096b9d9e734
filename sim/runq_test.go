package sim

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRunQMatchesSortedSlice drives the run queue and a sorted slice of ids
// (what the scheduler kept before) with the same random operations, and
// checks after each one that both agree on every index and rank and on the
// order the queue links its goroutines in.
func TestRunQMatchesSortedSlice(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		var q runQ
		q.reset()
		var gs []*G
		var want []int // runnable ids, ascending
		for range 300 {
			switch op := r.IntN(3); {
			case op == 0 || len(want) == 0: // a new goroutine
				gp := &G{id: len(gs) + 1}
				gs = append(gs, gp)
				q.pushNew(gp)
				want = append(want, gp.id)
			case op == 1: // one parks or exits
				id := want[r.IntN(len(want))]
				q.remove(gs[id-1])
				q.remove(gs[id-1]) // a second remove does nothing
				want = slices.DeleteFunc(want, func(x int) bool { return x == id })
			default: // a parked one is readied
				var parked []int
				for _, g := range gs {
					if !g.queued {
						parked = append(parked, g.id)
					}
				}
				if len(parked) == 0 {
					continue
				}
				id := parked[r.IntN(len(parked))]
				q.insert(gs[id-1], gs)
				i, _ := slices.BinarySearch(want, id)
				want = slices.Insert(want, i, id)
			}
			if q.n != len(want) {
				t.Fatalf("round %d: n = %d, want %d", round, q.n, len(want))
			}
			d := Decision{N: q.n, q: &q, gs: gs}
			var linked []int
			for g := d.Next(nil); g != nil; g = d.Next(g) {
				linked = append(linked, g.id)
			}
			if !slices.Equal(linked, want) {
				t.Fatalf("round %d: linked %v, want %v", round, linked, want)
			}
			for i, id := range want {
				if got := d.Runnable(i).id; got != id {
					t.Fatalf("round %d: Runnable(%d) = G%d, want G%d (queue %v)", round, i, got, id, want)
				}
				if got := q.rank(id); got != i {
					t.Fatalf("round %d: rank(G%d) = %d, want %d", round, id, got, i)
				}
			}
		}
	}
}

// TestTracedQueuesMatchTheQueue changes a wait queue at random (waiters
// added at the back, taken from the front, select waiters that another case
// has won, select waiters leaving the middle) and records it after each
// change, as every channel event does. Each record must list the queue's
// live waiters at that moment, and stay so when later records share it.
func TestTracedQueuesMatchTheQueue(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 50 {
		var tr tracer
		tr.reset(false)
		var q, other waitq
		type record struct {
			sp   span
			want []int
		}
		var records []record
		var in []*sudog // sudogs in q, front to back
		for id := 1; id <= 400; id++ {
			switch op := r.IntN(10); {
			case op < 5: // a waiter parks
				sg := &sudog{g: &G{id: id}, isSelect: r.IntN(8) == 0}
				q.enqueue(sg)
				in = append(in, sg)
			case op < 8: // the front waiter is woken
				if sg := q.dequeue(); sg != nil {
					in = slices.DeleteFunc(in, func(x *sudog) bool { return x == sg })
				}
				// dequeue also drops select waiters that another case won
				in = slices.DeleteFunc(in, func(x *sudog) bool { return !slices.Contains(q.all(), x) })
			case op < 9: // a select elsewhere wins: its waiter here is dead
				for _, sg := range in {
					if sg.isSelect && !sg.g.selectDone {
						sg.g.selectDone = true
						break
					}
				}
			default: // a select waiter leaves the middle
				for _, sg := range in {
					if sg.isSelect {
						q.dequeueSudoG(sg)
						in = slices.DeleteFunc(in, func(x *sudog) bool { return x == sg })
						break
					}
				}
			}
			if r.IntN(4) == 0 { // another queue's record in between
				other.enqueue(&sudog{g: &G{id: 1000 + id}})
				tr.queue(&other)
			}
			records = append(records, record{tr.queue(&q), q.ids()})
		}
		for i, rec := range records {
			got := tr.idsOf(rec.sp)
			if !slices.Equal(got, rec.want) {
				t.Fatalf("round %d, record %d: %v, want %v", round, i, got, rec.want)
			}
		}
	}
}

// all lists q's sudogs, front to back.
func (q *waitq) all() []*sudog {
	var out []*sudog
	for sg := q.first; sg != nil; sg = sg.next {
		out = append(out, sg)
	}
	return out
}
