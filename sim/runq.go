package sim

// runQ holds the runnable goroutines of a run, the running one included,
// in id order. A strategy picks "the i-th runnable goroutine in id order",
// and a decision names the running goroutine by its index in that order, so
// the queue answers both questions, and takes and gives goroutines, in
// O(log n) for n goroutines: a Fenwick tree over the goroutine ids (a count
// of 1 for each runnable id) gives an id's index (its rank) and the id at an
// index. The runnable goroutines are also linked in id order, for a
// strategy that looks at every one (PCT's priorities).
//
// The runtime keeps its run queues in FIFO order; the simulator's order is
// the ids' because a schedule is a list of indices into it (replay tokens,
// DFS paths), and id order makes an index mean the same goroutine whatever
// happened before.
type runQ struct {
	tree        []int32 // tree[i] counts the runnable ids in (i-i&-i, i]; tree[0] is unused
	n           int     // runnable goroutines
	first, last *G      // the runnable goroutines, linked in id order
}

// reset empties q for a new run, keeping its buffer.
//
//go:norace
func (q *runQ) reset() {
	clear(q.tree)
	q.tree = append(q.tree[:0], 0)
	q.n = 0
	q.first, q.last = nil, nil
}

// pushNew adds a new goroutine, runnable: its id is one more than any id
// before it (newG), so its slot of the tree is appended.
//
//go:norace
func (q *runQ) pushNew(gp *G) {
	i := len(q.tree)
	if i != gp.id {
		panic("sim: run queue: goroutine ids out of order")
	}
	// tree[i] covers (i-i&-i, i]: gp itself and the slots below it that
	// the tree's lower nodes already count.
	v := int32(1)
	for j := i - 1; j > i-i&-i; j -= j & -j {
		v += q.tree[j]
	}
	q.tree = append(q.tree, v)
	q.n++
	gp.queued = true
	gp.runPrev, gp.runNext = q.last, nil
	if q.last != nil {
		q.last.runNext = gp
	} else {
		q.first = gp
	}
	q.last = gp
}

// insert makes gp, a goroutine of the run that is not in q, runnable: it
// goes in its place by id. gs are the run's goroutines (gs[i].id == i+1).
//
//go:norace
func (q *runQ) insert(gp *G, gs []*G) {
	r := q.rank(gp.id) // runnable goroutines before gp
	q.add(gp.id, 1)
	q.n++
	gp.queued = true
	var prev *G
	if r > 0 {
		prev = gs[q.idAt(r-1)-1]
	}
	gp.runPrev = prev
	if prev != nil {
		gp.runNext = prev.runNext
		prev.runNext = gp
	} else {
		gp.runNext = q.first
		q.first = gp
	}
	if gp.runNext != nil {
		gp.runNext.runPrev = gp
	} else {
		q.last = gp
	}
}

// remove takes gp out of q; it does nothing if gp is not in q.
//
//go:norace
func (q *runQ) remove(gp *G) {
	if !gp.queued {
		return
	}
	gp.queued = false
	q.add(gp.id, -1)
	q.n--
	if gp.runPrev != nil {
		gp.runPrev.runNext = gp.runNext
	} else {
		q.first = gp.runNext
	}
	if gp.runNext != nil {
		gp.runNext.runPrev = gp.runPrev
	} else {
		q.last = gp.runPrev
	}
	gp.runPrev, gp.runNext = nil, nil
}

// add adds d to the count of id.
//
//go:norace
func (q *runQ) add(id int, d int32) {
	for i := id; i < len(q.tree); i += i & -i {
		q.tree[i] += d
	}
}

// rank returns how many runnable goroutines have an id below id.
//
//go:norace
func (q *runQ) rank(id int) int {
	n := int32(0)
	for i := id - 1; i > 0; i -= i & -i {
		n += q.tree[i]
	}
	return int(n)
}

// idAt returns the id of the k-th runnable goroutine in id order (from 0),
// 0 <= k < q.n: the smallest id whose rank+1 exceeds k.
//
//go:norace
func (q *runQ) idAt(k int) int {
	size := len(q.tree) - 1
	step := 1
	for step*2 <= size {
		step *= 2
	}
	pos, rem := 0, int32(k+1)
	for ; step > 0; step /= 2 {
		if next := pos + step; next <= size && q.tree[next] < rem {
			pos = next
			rem -= q.tree[next]
		}
	}
	return pos + 1
}
