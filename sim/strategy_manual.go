package sim

// Steer returns the strategy of a schedule made by hand ("be the scheduler"):
// for one run, the first len(picks) decisions take the given answers (each an
// index into Decision.Runnable, or a select case for a choice), and every
// later one is rest's (the default, preempting nobody, when rest is nil).
// The first decision beyond the picks is recorded as Next: a front end shows
// it and asks the learner, then runs again with one pick more. Runs are
// deterministic, so each run repeats the one before it up to that point.
//
// A negative pick takes the default (the decision a c1 token skips), so that
// a token's schedule can be followed and then changed. A pick out of range
// takes the default and is reported as Result.Diverged, as a replay that does
// not fit the program is.
//
//go:norace
func Steer(picks []int, rest Strategy) *SteerStrategy {
	return &SteerStrategy{picks: picks, rest: rest}
}

// SteerStrategy is the strategy Steer returns.
type SteerStrategy struct {
	picks []int
	rest  Strategy
	n     int // decisions asked so far
	used  bool
	next  *PlayPoint
}

// PlayPoint is a schedule point at which the learner chooses: which
// runnable goroutine goes next, or which ready case a select takes.
type PlayPoint struct {
	// Decision is its number among the run's decisions, from 0: the length
	// of the picks that lead to it.
	Decision int `json:"decision"`
	// Kind is "goroutine" (pick one of Runnable) or "choice" (a select
	// case or Choose, one of N).
	Kind string `json:"kind"`
	// Runnable are the ids of the goroutines that can run, in id order;
	// a pick is an index into it.
	Runnable []int `json:"runnable,omitempty"`
	// Current is the index in Runnable of the goroutine that was running
	// and could go on, or -1 when it blocked or exited.
	Current int `json:"current"`
	// N is the number of choices: len(Runnable), or a select's ready cases.
	N int `json:"n"`
	// Events is how many trace events the run had recorded at this point:
	// the trace up to here is Result.Trace[:Events].
	Events int `json:"events"`
	// TimeNS is the virtual time at this point.
	TimeNS int64 `json:"t_ns"`
}

// Next returns the first decision of the last run beyond the picks, or nil
// when the run ended before it needed one.
//
//go:norace
func (m *SteerStrategy) Next() *PlayPoint { return m.next }

//go:norace
func (m *SteerStrategy) NewExecution() bool {
	if m.used {
		return false
	}
	m.used = true
	m.n = 0
	m.next = nil
	if m.rest != nil {
		m.rest.NewExecution()
	}
	return true
}

//go:norace
func (m *SteerStrategy) NextGoroutine(d Decision) int {
	i := m.n
	m.n++
	if i < len(m.picks) {
		if m.picks[i] < 0 {
			return d.Default()
		}
		return m.picks[i]
	}
	if m.next == nil {
		ids := make([]int, 0, d.N)
		for g := d.Next(nil); g != nil; g = d.Next(g) {
			ids = append(ids, g.id)
		}
		m.mark(&PlayPoint{Decision: i, Kind: "goroutine", Runnable: ids, Current: d.Current, N: len(ids)})
	}
	if m.rest != nil {
		return m.rest.NextGoroutine(d)
	}
	return d.Default()
}

//go:norace
func (m *SteerStrategy) NextChoice(n int) int {
	i := m.n
	m.n++
	if i < len(m.picks) {
		return max(m.picks[i], 0)
	}
	if m.next == nil {
		m.mark(&PlayPoint{Decision: i, Kind: "choice", Current: -1, N: n})
	}
	if m.rest != nil {
		return m.rest.NextChoice(n)
	}
	return 0
}

// mark records p as the next point, with the run's progress so far.
//
//go:norace
func (m *SteerStrategy) mark(p *PlayPoint) {
	if s := active.Load(); s != nil {
		p.Events = len(s.tr.events)
		p.TimeNS = s.clock.now
	}
	m.next = p
}

// Token is "": the run's recorded choices (a c1 token) replay it.
//
//go:norace
func (m *SteerStrategy) Token() string { return "" }
