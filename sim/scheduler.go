package sim

import (
	"math/rand"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"
)

// gStatus mirrors the runtime's goroutine states (_Grunnable, _Gwaiting, _Gdead).
type gStatus uint8

const (
	gRunnable gStatus = iota // in the run queue; the running G stays there too
	gWaiting                 // parked: in a channel operation, select, sleep or a sync hook
	gDead                    // returned, panicked or called runtime.Goexit
)

// G is a simulated goroutine. Each G runs on a real goroutine of its own, but
// only the one the scheduler has handed control to runs at any time.
type G struct {
	id     int
	status gStatus
	fn     func()
	s      *scheduler
	gen    uint64 // the run it belongs to (the scheduler is reused)

	queued           bool // in the run queue (runq.go)
	runPrev, runNext *G   // its neighbours there, in id order

	started   bool          // its real goroutine exists
	wake      chan struct{} // the hand-off: a token here lets it run
	abandoned bool          // the run is over: unwind with runtime.Goexit
	returned  bool          // fn returned normally

	// Why it is parked (runtime: g.waitreason), on what, since when and where.
	waitReason string
	waitObj    any
	waitSince  int64
	pcs        [10]uintptr
	npcs       int

	// Channel machinery, as in the runtime's g.
	param      *sudog // the sudog whose operation woke it, set by the waker
	waiting    *sudog // select: its sudogs in case order, linked by waitlink
	selectDone bool   // select: some case has already won (runtime: g.selectDone)

	// Race detection (see race.md): the go statement that made it releases
	// into raceStart and raceStartTok names what the goroutine acquires first;
	// goid is its real goroutine's id, which ThreadSanitizer's reports use.
	raceStart    uint64
	raceStartTok unsafe.Pointer
	lingering    bool // dead, its real goroutine waiting for the run's end (see raceGo)

	// Spinning: spins counts the fruitless polls (a select that took its
	// default, an atomic load, a failed TryLock, Gosched) it has made in a
	// row, with no other operation between them; prevSpins keeps the count
	// across the schedule point before the next operation (see Polled).
	spins, prevSpins int

	panics []panicRec // its panics in progress, oldest first (see Panicking)
}

// ID returns the goroutine's number: 1 for the body of a run, then 2, 3, ...
// in creation order.
//
//go:norace
func (g *G) ID() int { return g.id }

// scheduler is the state of one run. Exactly one goroutine of the run (or the
// driver, g0, between runs) touches it at a time; control moves only through
// handoff, so no locks are needed.
type scheduler struct {
	opts  Options
	strat Strategy
	gen   uint64 // runs so far, to reject stale timers

	g0    *G   // the driver: the goroutine that called Run
	cur   *G   // the goroutine that has control
	gs    []*G // every goroutine of the run: gs[i].id == i+1
	runq  runQ // runnable goroutines in id order, the running one included
	nlive int  // goroutines not dead
	over  bool // the run has ended; nothing schedules any more

	steps      int             // schedule points so far
	stillNow   int64           // virtual time at the last schedule point
	stillSince int             // steps when virtual time last moved
	bodyDone   bool            // G1 has returned
	leakCheck  bool            // the run asked for a leak check (CheckLeaks)
	bodyEnd    int64           // virtual time at which it did
	mainGoexit bool            // G1 is a program's main and called runtime.Goexit
	unfinished []GoroutineInfo // a program's goroutines left when main returned

	clock  clock
	nchans int // channels made in this run, for "chan#N"

	outcome  Outcome
	panicked *PanicInfo
	failures []string
	blocked  []GoroutineInfo // for deadlock and leak reports
	diverged string          // a replayed decision did not fit this run

	choices []choice   // every decision, for replay tokens
	rand    *rand.Rand // the run's random numbers (RunRand), made at first use
	tr      tracer
	out     outBuffer

	raceState // race detection, when Options.Race asks for it (race.md)
}

var (
	runMu  sync.Mutex                // one run at a time in a process
	active atomic.Pointer[scheduler] // the run in progress
)

// getg returns the goroutine that has control, or nil outside a run.
//
//go:norace
func getg() *G {
	if s := active.Load(); s != nil {
		return s.cur
	}
	return nil
}

// Current returns the running goroutine, or nil outside a run.
//
//go:norace
func Current() *G { return getg() }

//go:norace
func newScheduler() *scheduler {
	s := &scheduler{}
	s.g0 = &G{id: 0, started: true, wake: make(chan struct{}, 1)}
	s.g0.s = s
	return s
}

// reset prepares s for a new run, keeping its buffers.
//
//go:norace
func (s *scheduler) reset(opts Options, strat Strategy) {
	s.opts = opts.withDefaults()
	s.strat = strat
	s.gen++
	clear(s.gs)
	s.gs = s.gs[:0]
	s.runq.reset()
	s.nlive = 0
	s.over = false
	s.cur = nil
	s.steps = 0
	s.stillNow, s.stillSince = 0, 0
	s.bodyDone = false
	s.bodyEnd = 0
	s.mainGoexit = false
	s.leakCheck = false
	s.unfinished = nil
	s.clock.reset()
	s.nchans = 0
	s.outcome = Pass
	s.panicked = nil
	s.failures = nil
	s.blocked = nil
	s.diverged = ""
	s.choices = s.choices[:0]
	s.rand = nil
	s.tr.reset(!s.opts.NoPositions)
	s.tr.max = max(maxTraceEvents, s.opts.MaxSteps)
	s.out.reset(s.opts.MaxOutput)
	s.raceReset()
}

// run executes body as G1 until the run ends, then unwinds every goroutine
// that is left. It is called by the driver with runMu held.
//
//go:norace
func (s *scheduler) run(body func()) {
	raceOn = s.opts.Race && RaceBuild
	active.Store(s)
	reset := s.opts.Reset
	g1 := s.newG(func() {
		if reset != nil {
			reset()
		}
		body()
	})
	if raceOn {
		s.raceStartRun(g1)
	}
	s.cur = g1
	handoff(s.g0, g1, false)
	if raceOn {
		s.raceEndRun()
	}
	// The run is over: record what is left, then unwind it.
	if (s.outcome == Deadlock || s.outcome == Leak || s.outcome == StepLimit || s.outcome == SignalWait) && s.blocked == nil {
		s.blocked = s.goroutineInfos()
	}
	for i := 0; i < len(s.gs); i++ {
		g := s.gs[i]
		if g.lingering {
			s.cur = g
			handoff(s.g0, g, false)
			continue
		}
		if g.status == gDead || !g.started {
			continue
		}
		g.abandoned = true
		s.cur = g
		handoff(s.g0, g, false)
	}
	if raceOn {
		s.raceUnwound()
	}
	s.cur = nil
	active.Store(nil)
	raceOn = false
}

//go:norace
func (s *scheduler) newG(fn func()) *G {
	gp := &G{id: len(s.gs) + 1, fn: fn, s: s, gen: s.gen, status: gRunnable}
	s.gs = append(s.gs, gp)
	s.nlive++
	s.runq.pushNew(gp) // the newest G has the highest id
	return gp
}

// main is the body of a G's real goroutine.
//
//go:norace
func (gp *G) main() {
	if raceOn {
		gp.raceStarted()
	}
	defer gp.exit()
	gp.fn()
	gp.returned = true
}

// exit ends gp: it returned, panicked or called runtime.Goexit (or was
// abandoned when the run ended). It hands control to whoever runs next.
//
//go:norace
func (gp *G) exit() {
	s := gp.s
	if gp.abandoned {
		recover() // a deferred call that panicked while unwinding
		gp.status = gDead
		if raceOn {
			raceReleaseMerge(unsafe.Pointer(&s.raceEnd))
		}
		handoff(gp, s.g0, true)
		return
	}
	if raceOn {
		// Whatever gp did happens before the run's end (and a later
		// synctest.Wait); a race it ran into ends the run.
		raceReleaseMerge(unsafe.Pointer(&s.raceEnd))
		if s.raceFound(gp) {
			recover()
			gp.status = gDead
			s.end(gp, true)
			return
		}
	}
	if !gp.returned {
		n := panicDepth()
		if r := recover(); r != nil {
			s.setPanic(gp, r, debug.Stack())
			if n > 1 || len(gp.panics) > 0 {
				s.panicked.Message = gp.panicChain(r)
			}
			s.traceEvent(gp, "panic", nil, nil, 0, s.panicked.Message)
			gp.status = gDead
			s.end(gp, true)
			return
		}
		// runtime.Goexit, for example from t.FailNow: an ordinary exit.
	}
	gp.status = gDead
	s.removeRunnable(gp)
	s.nlive--
	s.event(gp, "done", nil, 0)
	if gp.id == 1 {
		switch {
		case s.opts.MainExits && !gp.returned:
			// main called runtime.Goexit: the program goes on without it
			// until the other goroutines end (runtime: checkdead).
			s.mainGoexit = true
		case s.opts.MainExits:
			// main returned: the process exits here, and whatever runs or
			// waits then is stopped where it is.
			s.bodyDone = true
			s.bodyEnd = s.clock.now
			s.event(gp, "exit", nil, 0)
			s.out.frozen = true
			s.mainExited()
			s.end(gp, true)
			return
		default:
			s.bodyDone = true
			s.bodyEnd = s.clock.now
		}
	}
	if s.nlive == 0 {
		if s.mainGoexit {
			s.panicked = &PanicInfo{G: 1, Value: fatalError(mainGoexitMsg), Message: mainGoexitMsg}
			s.outcome = Panic
		}
		s.end(gp, true)
		return
	}
	next := s.findRunnable()
	if next == nil {
		s.setBlocked()
		s.end(gp, true)
		return
	}
	s.cur = next
	if raceOn {
		// Keep the real goroutine until the run is over (see raceGo).
		gp.lingering = true
		handoff(gp, next, false)
		gp.lingering = false
		handoff(gp, s.g0, true)
		return
	}
	handoff(gp, next, true)
}

// mainGoexitMsg is the runtime's fatal error when main called runtime.Goexit
// and every other goroutine has ended.
const mainGoexitMsg = "no goroutines (main called runtime.Goexit) - deadlock!"

// mainExited records the goroutines a program's main left blocked when it
// returned. They are a note of the result, as the process exits anyway,
// unless Options.LeaksFail makes them a leak.
//
//go:norace
func (s *scheduler) mainExited() {
	var left []GoroutineInfo
	for _, g := range s.goroutineInfos() {
		if g.State != "runnable" { // a runnable one was only not done yet
			left = append(left, g)
		}
	}
	if len(left) == 0 {
		return
	}
	if s.opts.LeaksFail {
		s.outcome = Leak
		s.blocked = left
		return
	}
	s.unfinished = left
}

// end finishes the run from the goroutine gp that has control and gives
// control back to the driver. Unless gp is exiting, end does not return:
// gp stays parked until the driver abandons it, then unwinds.
//
//go:norace
func (s *scheduler) end(gp *G, exiting bool) {
	s.over = true
	s.endG = gp
	if s.outcome == Pass && len(s.failures) > 0 {
		s.outcome = Failed
	}
	s.cur = s.g0
	handoff(gp, s.g0, exiting)
	if !exiting {
		runtime.Goexit()
	}
}

// switchTo passes control from the running goroutine gp to next, and
// returns when gp has control again.
//
//go:norace
func (s *scheduler) switchTo(gp, next *G) {
	if next == gp {
		return
	}
	s.cur = next
	handoff(gp, next, false)
	if gp.abandoned {
		runtime.Goexit()
	}
}

// yield is a schedule point for the running goroutine gp, which stays
// runnable: the strategy may let another goroutine run first.
//
//go:norace
func (s *scheduler) yield(gp *G) {
	if gp.abandoned || s.clock.inTimer {
		return
	}
	gp.prevSpins, gp.spins = gp.spins, 0
	s.countStep(gp)
	s.clock.running()
	s.runDue()
	if s.runq.n == 1 {
		return
	}
	s.switchTo(gp, s.pick(gp))
}

//go:norace
func (s *scheduler) countStep(gp *G) {
	s.steps++
	if s.steps&4095 == 0 && !s.opts.Deadline.IsZero() && time.Now().After(s.opts.Deadline) {
		s.outcome = Timeout
		s.end(gp, false)
	}
	if raceOn && s.raceFound(gp) {
		s.end(gp, false)
	}
	if s.clock.now != s.stillNow {
		s.stillNow, s.stillSince = s.clock.now, s.steps
	}
	// A livelock is MaxSteps schedule points in which virtual time does not
	// move. A run whose time moves goes on as the real program would, until
	// the Deadline; without one, a hundred times MaxSteps is too long.
	if s.steps-s.stillSince > s.opts.MaxSteps || s.opts.Deadline.IsZero() && s.steps > 100*s.opts.MaxSteps {
		s.outcome = StepLimit
		if s.bodyDone {
			// The body has returned and goroutines still run on, past
			// the bound: they would outlive a test or a program's main.
			// That is a leak (goleak reports goroutines still running),
			// not the body's livelock; or a note, when go test's rule
			// applies (it does not wait for them).
			s.outcome = Leak
			if s.leaksNoted() {
				s.outcome = Pass
				s.unfinished = s.goroutineInfos()
			}
		}
		s.end(gp, false)
	}
}

// park blocks the running goroutine gp until some other goroutine (or a
// timer) calls ready(gp). Runtime: gopark.
//
//go:norace
func (s *scheduler) park(gp *G, reason string, obj any) {
	if gp.abandoned {
		runtime.Goexit()
	}
	if s.clock.inTimer {
		panic(misuse("a timer function must not block"))
	}
	if raceOn {
		// A goroutine's parking happens before a later synctest.Wait
		// returns, as in the runtime; a race it ran into ends the run.
		raceReleaseMerge(unsafe.Pointer(&s.raceEnd))
		if s.raceFound(gp) {
			s.end(gp, false)
		}
	}
	gp.status = gWaiting
	gp.spins = 0
	gp.waitReason = reason
	gp.waitObj = obj
	gp.waitSince = s.clock.now
	if s.tr.positions {
		gp.npcs = runtime.Callers(3, gp.pcs[:])
	}
	s.removeRunnable(gp)
	s.traceEvent(gp, "park", nil, obj, 0, reason)
	next := s.findRunnable()
	if next == nil {
		s.setBlocked()
		s.end(gp, false)
	}
	s.switchTo(gp, next)
}

// ready makes the parked goroutine gp runnable; it does not switch.
// Runtime: goready.
//
//go:norace
func (s *scheduler) ready(gp *G) {
	if gp.status != gWaiting {
		if s.over {
			return
		}
		panic(misuse("ready of a goroutine that is not parked"))
	}
	gp.status = gRunnable
	gp.waitReason = ""
	gp.waitObj = nil
	s.runq.insert(gp, s.gs) // in id order
	s.event(gp, "wake", nil, 0)
}

//go:norace
func (s *scheduler) removeRunnable(gp *G) {
	s.runq.remove(gp)
}

// findRunnable picks the next goroutine to run once the running one has
// blocked or exited. When none is runnable it lets virtual time move to the
// next timer; it returns nil when nothing can ever run again.
//
//go:norace
func (s *scheduler) findRunnable() *G {
	s.runDue()
	for s.runq.n == 0 {
		if s.wakeIdle() { // synctest.Wait returns before time moves
			break
		}
		if !s.advanceTime() {
			return nil
		}
	}
	return s.pick(nil)
}

// signalWatch, set by the drop-in os/signal with WatchSignals, reports
// whether a channel of the run is registered with signal.Notify.
var signalWatch func() bool

// WatchSignals registers the function that reports whether the running
// program has asked for signals (signal.Notify), in which case a run whose
// goroutines are all blocked waits for one instead of deadlocking.
//
//go:norace
func WatchSignals(f func() bool) { signalWatch = f }

// setBlocked judges a run in which no goroutine can run again.
//
//go:norace
func (s *scheduler) setBlocked() {
	if !s.bodyDone && signalWatch != nil && signalWatch() {
		// The runtime's signal goroutine waits too: no deadlock.
		s.outcome = SignalWait
		return
	}
	switch {
	case s.bodyDone && s.leaksNoted():
		s.unfinished = s.goroutineInfos()
	case s.bodyDone:
		s.outcome = Leak
	default:
		s.outcome = Deadlock
	}
}

// leaksNoted reports whether the goroutines left when the body has returned
// are a note rather than a leak: a test's (Options.LeaksNote) that did not
// ask for the check (CheckLeaks).
//
//go:norace
func (s *scheduler) leaksNoted() bool {
	return s.opts.LeaksNote && !s.opts.MainExits && !s.leakCheck
}

// CheckLeaks makes goroutines left blocked or running once the body of the
// run in progress has returned a Leak, even under Options.LeaksNote: the test
// asked for the check (goleak.VerifyNone). It does nothing outside a run.
//
//go:norace
func CheckLeaks() {
	if gp := getg(); gp != nil {
		gp.s.leakCheck = true
	}
}

// pick asks the strategy which runnable goroutine runs next; cur is the
// running goroutine when it is still runnable (a yield), else nil.
//
//go:norace
func (s *scheduler) pick(cur *G) *G {
	n := s.runq.n
	if n == 1 {
		return s.runq.first
	}
	ci := -1
	if cur != nil && cur.queued {
		ci = s.runq.rank(cur.id)
	}
	d := Decision{N: n, Current: ci, q: &s.runq, gs: s.gs}
	i := s.strat.NextGoroutine(d)
	if i < 0 || i >= n {
		s.divergedAt("goroutine", i, n)
		i = d.Default()
	}
	s.record(pickDecision, n, i, ci)
	return d.Runnable(i)
}

// choose returns a recorded nondeterministic choice in [0,n).
//
//go:norace
func (s *scheduler) choose(n int) int {
	i := s.strat.NextChoice(n)
	if i < 0 || i >= n {
		s.divergedAt("choice", i, n)
		i = 0
	}
	s.record(chooseDecision, n, i, -1)
	return i
}

//go:norace
func (s *scheduler) setPanic(gp *G, v any, stack []byte) {
	s.outcome = Panic
	s.panicked = &PanicInfo{G: gp.id, Value: v, Message: panicMessage(v), Stack: string(stack)}
}

// Go starts fn on a new simulated goroutine, as the go statement does. The
// rewriter evaluates the arguments of the call before Go, as Go does.
// Outside a run it starts a real goroutine.
//
//go:norace
func Go(fn func()) {
	gp := getg()
	if gp == nil {
		go fn()
		return
	}
	if gp.abandoned {
		return
	}
	if fn == nil {
		Fatal("go of nil func value")
	}
	s := gp.s
	s.yield(gp)
	ng := s.newG(fn)
	if raceOn {
		// The go statement happens before the goroutine starts; from a
		// timer function (time.AfterFunc), what started the timer does.
		if s.clock.inTimer {
			ng.raceStartTok = s.clock.raceTok()
		} else {
			raceRelease(unsafe.Pointer(&ng.raceStart))
			ng.raceStartTok = unsafe.Pointer(&ng.raceStart)
		}
	}
	s.event(gp, "go", nil, ng.id)
	if raceOn {
		// The new goroutine may start at once on another core: what it
		// does first and what its parent does next race, in either order.
		// Every run that checks races has this schedule point, whether it
		// stops at the first race or goes on (RaceGoOn), so that a token
		// replays the same schedule in every tool that checks races.
		s.yield(gp)
	}
}

// spawn starts fn on a new goroutine from a timer function (time.AfterFunc):
// not a schedule point.
//
//go:norace
func (s *scheduler) spawn(fn func()) {
	if s.over {
		return
	}
	ng := s.newG(fn)
	if raceOn {
		ng.raceStartTok = s.clock.raceTok()
	}
	s.event(nil, "go", nil, ng.id)
}

// spinLimit is how many fruitless polls in a row make a goroutine spinning.
const spinLimit = 64

// Polled says that the running goroutine has just polled without effect: its
// select took the default case, it loaded an atomic, its TryLock failed, it
// called Gosched. Drop-in packages call it after the operation. On real
// cores time passes while goroutines spin, and a sleeping goroutine wakes at
// its deadline; here, once every runnable goroutine has spun spinLimit
// times in a row, the clock moves to the next timer, so that a program that
// polls (a stateful goroutine, a busy-wait on a flag) ends when the real one
// would. Only a run that spins with no timer to wait for is a livelock.
//
//go:norace
func Polled() {
	gp := getg()
	if gp == nil || gp.abandoned {
		return
	}
	s := gp.s
	if s.clock.inTimer {
		return
	}
	gp.spins = gp.prevSpins + 1
	if gp.spins < spinLimit || s.clock.frozen || len(s.clock.timers) == 0 {
		return
	}
	for _, g := range s.gs {
		if g.status == gRunnable && g.spins < spinLimit {
			return // some goroutine does more than poll
		}
	}
	s.advanceTime()
}

// Gosched is runtime.Gosched: a schedule point that lets other goroutines run.
//
//go:norace
func Gosched() {
	if gp := getg(); gp != nil {
		gp.s.yield(gp)
		gp.s.event(gp, "gosched", nil, 0)
		Polled()
	} else {
		runtime.Gosched()
	}
}

// NumGoroutine is runtime.NumGoroutine: the goroutines of the run that
// have not exited.
//
//go:norace
func NumGoroutine() int {
	if gp := getg(); gp != nil {
		return gp.s.nlive
	}
	return runtime.NumGoroutine()
}

// Yield is a schedule point for the running goroutine without blocking it;
// drop-in packages call it before each operation (atomic.Add, Mutex.Lock, ...).
// op names the operation for debugging; it is not traced (see Event).
// Outside a run Yield does nothing.
//
//go:norace
func Yield(op string) {
	if gp := getg(); gp != nil {
		gp.s.yield(gp)
	}
}

// Park blocks the running goroutine until another calls Ready on it; reason
// says why, in the runtime's words ("sync.Mutex.Lock", "sleep", ...), and obj
// is what it waits on. Both appear in deadlock and leak reports. Park is a
// schedule point. Runtime: gopark.
//
//go:norace
func Park(reason string, obj any) {
	gp := getg()
	if gp == nil {
		panic(misuse("Park outside a run"))
	}
	gp.s.park(gp, reason, obj)
}

// Ready makes the parked goroutine g runnable again; it does not switch.
// Runtime: goready.
//
//go:norace
func Ready(g *G) {
	if g == nil || g.s == nil || active.Load() != g.s || g.gen != g.s.gen {
		return // a goroutine of a run that is over
	}
	g.s.ready(g)
}

// Choose returns a nondeterministic choice in [0,n), made by the strategy and
// recorded, so that exhaustive search enumerates it and replay repeats it.
// Outside a run it returns 0.
//
//go:norace
func Choose(n int) int {
	if n <= 1 {
		return 0
	}
	gp := getg()
	if gp == nil || gp.abandoned {
		return 0
	}
	return gp.s.choose(n)
}

// Fail marks the current run as failed with msg and lets it go on, like
// testing.T.Error. Outside a run it panics.
//
//go:norace
func Fail(msg string) {
	gp := getg()
	if gp == nil {
		panic(misuse("Fail outside a run: " + msg))
	}
	if gp.abandoned {
		return
	}
	gp.s.failures = append(gp.s.failures, msg)
	gp.s.event(gp, "fail", nil, 0)
}

// FailNow marks the current run as failed with msg and ends the calling
// goroutine with runtime.Goexit, like testing.T.FailNow.
//
//go:norace
func FailNow(msg string) {
	Fail(msg)
	runtime.Goexit()
}
