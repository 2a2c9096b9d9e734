package sim

import (
	"runtime"
	"time"
	"unsafe"
)

// Epoch is the wall-clock time at which every run's virtual clock starts,
// the same instant testing/synctest uses: 2000-01-01 00:00:00 UTC.
var Epoch = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

// clock is a run's virtual time and its pending timers. Time jumps to the
// earliest timer when no goroutine can run. While goroutines run, it moves
// too, as real time does on real cores: every schedule point counts as
// stepCost of running time, and a timer whose deadline that running time
// has reached fires at the next schedule point (the clock then reads its
// deadline), even though goroutines could still run. A goroutine that spins
// (select with default, lock and unlock) while a short timer is pending
// sees it fire, as it would for real; timers of a millisecond or more need
// 100000 schedule points. A goroutine that only polls (see Polled) spins:
// once every runnable goroutine does, the clock moves to the next timer.
type clock struct {
	now     int64    // nanoseconds since Epoch
	timers  []*Timer // min-heap by (when, seq)
	seq     uint64   // timers started so far: ties fire in start order
	inTimer bool     // a timer function is running
	cur     *Timer   // the timer whose function is running
	work    int64    // running time of the run so far: stepCost per schedule point
	moved   int64    // work when now last changed
	frozen  bool     // a testing/synctest bubble: no time passes while goroutines run
}

// stepCost is the running time a schedule point stands for: a lower bound
// of what a channel operation, a lock or a go statement costs on real
// cores, so that a timer never fires sooner than it could for real.
const stepCost = 10 // ns

//go:norace
func (c *clock) reset() {
	clear(c.timers)
	c.timers = c.timers[:0]
	c.now = 0
	c.seq = 0
	c.inTimer = false
	c.cur = nil
	c.work, c.moved = 0, 0
	c.frozen = false
}

// running counts one schedule point of running time, and moves the clock to
// the earliest timer when the running time since both the timer started and
// the clock last moved has reached its deadline. (Only the earliest timer
// is looked at: a later one may fire later than it could, never sooner.)
//
//go:norace
func (c *clock) running() {
	if c.frozen {
		return
	}
	c.work += stepCost
	if len(c.timers) == 0 {
		return
	}
	t := c.timers[0]
	if t.when > c.now && c.work-max(t.startWork, c.moved) >= t.when-c.now {
		c.now = t.when
		c.moved = c.work
	}
}

// FreezeRunningTime makes virtual time move only when no goroutine of the
// run can run, never while goroutines run: the promise of a
// testing/synctest bubble, which the drop-in makes at its start.
//
//go:norace
func FreezeRunningTime() {
	if gp := getg(); gp != nil {
		gp.s.clock.frozen = true
	}
}

// Timer is a pending call of a function at a virtual time. The drop-in
// package sim/time builds time.Timer, Ticker, Sleep and AfterFunc on it.
type Timer struct {
	s    *scheduler
	gen  uint64 // the run it belongs to
	when int64
	seq  uint64
	f    func()

	startWork int64 // the clock's work when the timer was started or reset
	i         int   // index in the heap; -1 when not pending

	// feeds, when set, is the channel that firing the timer only sends to (a
	// time.Timer's or Ticker's C). Such a timer matters only while a goroutine
	// waits on that channel: as in Go 1.23+, where an unwatched timer channel
	// keeps no timer in the heap, a program whose goroutines are all blocked
	// with only unwatched timers pending is deadlocked.
	feeds *hchan

	// race is where the goroutine that started or reset the timer releases
	// its clock: what the timer function does (a send on a timer's channel,
	// AfterFunc's goroutine) happens after that, as in the runtime.
	race uint64

	// pcs is where the timer was started or last reset by a goroutine (when
	// the run records positions): the "timer" event that fires it is drawn at
	// that line of the user's code, not at whatever the scheduler was doing.
	pcs []uintptr
}

// Now returns the virtual time of the current run in nanoseconds since
// Epoch; 0 outside a run. It is not a schedule point.
//
//go:norace
func Now() int64 {
	if gp := getg(); gp != nil {
		return gp.s.clock.now
	}
	return 0
}

// StartTimer arranges for f to run when the virtual clock reaches when
// (nanoseconds since Epoch). f runs between goroutines, like a runtime timer
// function: it must not block, but it may send with TrySend, Ready a
// goroutine or start one with Go.
//
//go:norace
func StartTimer(when int64, f func()) *Timer {
	gp := getg()
	if gp == nil {
		panic(misuse("StartTimer outside a run"))
	}
	s := gp.s
	t := &Timer{s: s, gen: s.gen, f: f, i: -1}
	t.when = when
	if raceOn && !s.clock.inTimer {
		raceRelease(unsafe.Pointer(&t.race))
	}
	t.recordPos()
	s.clock.push(t)
	return t
}

// live reports whether t belongs to the run in progress.
//
//go:norace
func (t *Timer) live() bool {
	return t != nil && t.s != nil && active.Load() == t.s && t.s.gen == t.gen && !t.s.over
}

// Stop cancels t and reports whether it was pending (had not yet fired).
//
//go:norace
func (t *Timer) Stop() bool {
	if !t.live() || t.i < 0 {
		return false
	}
	t.s.clock.remove(t)
	return true
}

// Reset makes t fire at when instead, and reports whether it was pending.
//
//go:norace
func (t *Timer) Reset(when int64) bool {
	if !t.live() {
		return false
	}
	was := t.i >= 0
	if was {
		t.s.clock.remove(t)
	}
	if raceOn && !t.s.clock.inTimer && getg() != nil {
		raceRelease(unsafe.Pointer(&t.race))
	}
	t.when = when
	t.recordPos()
	t.s.clock.push(t)
	return was
}

// recordPos remembers the caller's stack as where t was set, unless positions
// are off or a timer function (a ticker re-arming itself) is the caller: then
// the line that started it stays.
//
//go:norace
func (t *Timer) recordPos() {
	if !t.s.tr.positions || t.s.clock.inTimer {
		return
	}
	var pcs [6]uintptr
	n := runtime.Callers(3, pcs[:])
	t.pcs = append(t.pcs[:0], pcs[:n]...)
}

// When returns the virtual time at which t fires (or fired).
//
//go:norace
func (t *Timer) When() int64 { return t.when }

// Feeds says that firing t only sends on c (a time.Timer's or Ticker's
// channel), so that t cannot wake anyone while nobody waits on c.
func Feeds[T any](t *Timer, c *Chan[T]) {
	if t != nil && c != nil {
		t.feeds = &c.hchan
	}
}

// runDue runs the functions of the timers that are due at the current time.
//
//go:norace
func (s *scheduler) runDue() {
	c := &s.clock
	if len(c.timers) == 0 || c.timers[0].when > c.now {
		return
	}
	c.inTimer = true
	for len(c.timers) > 0 && c.timers[0].when <= c.now {
		t := c.pop()
		c.cur = t
		s.traceEvent(nil, "timer", nil, nil, 0, "")
		t.f()
	}
	c.cur = nil
	c.inTimer = false
}

// raceTok is what an operation of the running timer function acquires from:
// the clock of the goroutine that started or last reset the timer.
//
//go:norace
func (c *clock) raceTok() unsafe.Pointer {
	if c.cur == nil {
		return nil
	}
	return unsafe.Pointer(&c.cur.race)
}

// advanceTime moves the clock to the earliest pending timer and runs every
// timer due then. It reports false when no timer may fire: none is pending,
// none can wake anyone (only timers whose channel nobody waits on), or the
// body has returned and the rest would only sleep past LeakWait.
//
//go:norace
func (s *scheduler) advanceTime() bool {
	c := &s.clock
	if len(c.timers) == 0 {
		return false
	}
	// Time goes on only while some timer can wake a goroutine; the timers whose
	// channel nobody waits on then fire in their turn, as the lessons draw them.
	found := false
	for _, t := range c.timers {
		if t.feeds == nil || t.feeds.recvq.first != nil {
			found = true
			break
		}
	}
	if !found {
		return false // nobody waits on any timer's channel: it cannot wake anyone
	}
	next := c.timers[0].when
	if s.bodyDone && next > s.bodyEnd+int64(s.opts.LeakWait) {
		return false
	}
	if next > c.now {
		c.now = next
		c.moved = c.work
	}
	s.runDue()
	return true
}

//go:norace
func (c *clock) less(a, b *Timer) bool {
	return a.when < b.when || a.when == b.when && a.seq < b.seq
}

//go:norace
func (c *clock) push(t *Timer) {
	c.seq++
	t.seq = c.seq
	t.startWork = c.work
	t.i = len(c.timers)
	c.timers = append(c.timers, t)
	c.up(t.i)
}

//go:norace
func (c *clock) pop() *Timer {
	t := c.timers[0]
	c.remove(t)
	return t
}

//go:norace
func (c *clock) remove(t *Timer) {
	i := t.i
	last := len(c.timers) - 1
	if i != last {
		c.swap(i, last)
	}
	c.timers[last] = nil
	c.timers = c.timers[:last]
	if i != last {
		c.down(i)
		c.up(i)
	}
	t.i = -1
}

//go:norace
func (c *clock) swap(i, j int) {
	c.timers[i], c.timers[j] = c.timers[j], c.timers[i]
	c.timers[i].i = i
	c.timers[j].i = j
}

//go:norace
func (c *clock) up(j int) {
	for j > 0 {
		i := (j - 1) / 2
		if !c.less(c.timers[j], c.timers[i]) {
			break
		}
		c.swap(i, j)
		j = i
	}
}

//go:norace
func (c *clock) down(i int) {
	n := len(c.timers)
	for {
		j := 2*i + 1
		if j >= n {
			return
		}
		if j+1 < n && c.less(c.timers[j+1], c.timers[j]) {
			j++
		}
		if !c.less(c.timers[j], c.timers[i]) {
			return
		}
		c.swap(i, j)
		i = j
	}
}
