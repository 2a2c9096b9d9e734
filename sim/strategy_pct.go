package sim

import (
	"slices"
	"strconv"
)

// PCT returns the probabilistic concurrency testing strategy of Burckhardt
// et al. (ASPLOS 2010) with bug depth depth: every goroutine gets a random
// priority, the highest-priority runnable goroutine always runs, and at
// depth-1 random steps (change points, drawn from the estimated number of
// steps k) the running goroutine drops to a priority below all others. A bug
// of depth d is found with probability at least 1/(n*k^(d-1)) per run.
//
// k starts at 64 and is then the most schedule decisions any earlier run
// made. Execution i uses seed+i; its token is "p1.<depth>.<k>.<seed+i>".
//
// Strict priorities are unfair: a goroutine that spins (a loop of select
// with default, of Gosched, of lock and unlock) while it waits for a
// goroutine of lower priority would starve it forever, where the Go
// runtime preempts it. After pctFairAfter decisions in a run, PCT therefore
// picks among the runnable goroutines at random, as Random does, so that
// such a run goes on as it would on real cores instead of ending as a
// livelock (the fallback of the PCT schedulers of Coyote and shuttle).
//
//go:norace
func PCT(depth int, seed uint64) Strategy {
	return &pctStrategy{depth: max(depth, 1), next: seed, k: 64}
}

// pctFairAfter is how many decisions of a run PCT makes by priority before
// it turns fair (random).
const pctFairAfter = 10_000

type pctStrategy struct {
	depth     int
	next, cur uint64
	k         int  // estimated steps of a run
	fixedK    bool // replaying: k comes from the token
	single    bool
	used      bool
	rng       rng

	prio    []int64 // by goroutine id; 0: not seen yet
	change  []int   // steps at which a change point falls, ascending
	ci      int     // next change point
	steps   int     // decisions so far in this run
	maxStep int     // most decisions of any run so far
}

//go:norace
func (p *pctStrategy) NewExecution() bool {
	if p.single && p.used {
		return false
	}
	p.used = true
	p.maxStep = max(p.maxStep, p.steps)
	if !p.fixedK && p.maxStep > 0 {
		p.k = min(p.maxStep, pctFairAfter) // no change point after PCT turns fair
	}
	p.cur = p.next
	p.next++
	p.rng.seed(p.cur)
	p.prio = p.prio[:0]
	p.change = p.change[:0]
	for range p.depth - 1 {
		p.change = append(p.change, 1+p.rng.intn(max(p.k, 1)))
	}
	slices.Sort(p.change)
	p.ci = 0
	p.steps = 0
	return true
}

//go:norace
func (p *pctStrategy) priority(id int) int64 {
	for len(p.prio) <= id {
		p.prio = append(p.prio, 0)
	}
	if p.prio[id] == 0 {
		// Initial priorities are above every change-point priority (1..depth-1).
		p.prio[id] = int64(p.depth) + 1 + int64(p.rng.intn(1<<40))
	}
	return p.prio[id]
}

//go:norace
func (p *pctStrategy) best(d Decision) int {
	bi := 0
	var bp int64 = -1
	i := 0
	for g := d.Next(nil); g != nil; g = d.Next(g) {
		if pr := p.priority(g.id); pr > bp {
			bi, bp = i, pr
		}
		i++
	}
	return bi
}

//go:norace
func (p *pctStrategy) NextGoroutine(d Decision) int {
	p.steps++
	if p.steps > pctFairAfter {
		return p.rng.intn(d.N)
	}
	i := p.best(d)
	for p.ci < len(p.change) && p.change[p.ci] <= p.steps {
		p.ci++
		// The ci-th change point: the goroutine about to run drops to
		// priority depth-ci, below every initial priority.
		p.prio[d.Runnable(i).id] = int64(p.depth - p.ci)
		i = p.best(d)
	}
	return i
}

//go:norace
func (p *pctStrategy) NextChoice(n int) int { return p.rng.intn(n) }

//go:norace
func (p *pctStrategy) Token() string {
	return "p1." + strconv.Itoa(p.depth) + "." + strconv.Itoa(p.k) + "." + strconv.FormatUint(p.cur, 10)
}
