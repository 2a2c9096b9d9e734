package sim

// DFS returns the strategy that explores every schedule of a program, depth
// first, with at most bound preemptions per run (a preemption: switching
// away from a goroutine that could have gone on). A negative bound means no
// bound. Select and Choose choices are always explored in full. Most
// concurrency bugs need only a few preemptions (Musuvathi and Qadeer, PLDI
// 2007), and the number of schedules grows polynomially in the run's length
// for a fixed bound. When NewExecution returns false, every schedule within
// the bound has been run.
//
// DFS tokens are choice lists (Result.Token): a run is replayed decision by
// decision.
//
//go:norace
func DFS(bound int) Strategy { return &dfsStrategy{bound: bound} }

// dfsNode is one decision of the current run's path.
type dfsNode struct {
	n    int32 // options
	cur  int32 // the running goroutine's index, or -1 (also for Choose)
	k    int32 // which option this run takes, in exploration order
	neff int32 // options to explore: 1 when the preemption budget is spent
}

// option returns the k-th option in exploration order: the default (no
// preemption) first, then the others in index order.
//
//go:norace
func (nd *dfsNode) option(k int32) int {
	def := max(nd.cur, 0)
	if k == 0 {
		return int(def)
	}
	i := k - 1
	if i >= def {
		i++
	}
	return int(i)
}

type dfsStrategy struct {
	bound    int
	stack    []dfsNode // the path of the current run
	depth    int       // decisions so far in the current run
	preempts int       // preemptions so far in the current run
	started  bool
}

//go:norace
func (s *dfsStrategy) NewExecution() bool {
	s.depth, s.preempts = 0, 0
	if !s.started {
		s.started = true
		return true
	}
	// Backtrack: the deepest decision with an option left takes the next one.
	for len(s.stack) > 0 {
		top := &s.stack[len(s.stack)-1]
		if top.k+1 < top.neff {
			top.k++
			return true
		}
		s.stack = s.stack[:len(s.stack)-1]
	}
	return false
}

//go:norace
func (s *dfsStrategy) decide(n, cur int) int {
	var nd *dfsNode
	if s.depth < len(s.stack) {
		nd = &s.stack[s.depth]
		if int(nd.n) != n || int(nd.cur) != cur {
			// The program did not repeat itself: it is not deterministic.
			// Follow the new shape from here on.
			s.stack = s.stack[:s.depth]
			nd = nil
		}
	}
	if nd == nil {
		neff := n
		if cur >= 0 && s.bound >= 0 && s.preempts >= s.bound {
			neff = 1
		}
		s.stack = append(s.stack, dfsNode{n: int32(n), cur: int32(cur), neff: int32(neff)})
		nd = &s.stack[len(s.stack)-1]
	}
	s.depth++
	v := nd.option(nd.k)
	if cur >= 0 && v != cur {
		s.preempts++
	}
	return v
}

//go:norace
func (s *dfsStrategy) NextGoroutine(d Decision) int { return s.decide(d.N, d.Current) }

//go:norace
func (s *dfsStrategy) NextChoice(n int) int { return s.decide(n, -1) }

//go:norace
func (s *dfsStrategy) Token() string { return "" }
