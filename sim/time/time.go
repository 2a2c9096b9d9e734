// Package time is the drop-in for package time in programs run under sim.
//
// Types, constants and the functions that do not depend on the clock pass
// through to the standard package (Duration, Time, Parse, Unix, Date, ...).
// The clock is simulated: Now, Since, Until, Sleep, After, Tick, NewTimer,
// NewTicker and AfterFunc use the run's virtual clock, which starts at
// sim.Epoch (2000-01-01 00:00:00 UTC, like testing/synctest) and moves only
// when every goroutine is blocked and a timer is pending. Each of them is a
// schedule point.
//
// Timers and tickers have Go 1.23+ semantics: their channels look
// unbuffered (len and cap are 0), and after Stop or Reset returns no stale
// value is received. A ticker whose reader is slow drops ticks.
//
// Outside a run, Now, Since, Until and Sleep use the real clock; timers and
// tickers cannot be made.
package time

import (
	"math"
	stdtime "time"

	"github.com/gocourse/gocourse/sim"
)

// Types of package time.
type (
	Duration   = stdtime.Duration
	Time       = stdtime.Time
	Month      = stdtime.Month
	Weekday    = stdtime.Weekday
	Location   = stdtime.Location
	ParseError = stdtime.ParseError
)

// Durations.
const (
	Nanosecond  = stdtime.Nanosecond
	Microsecond = stdtime.Microsecond
	Millisecond = stdtime.Millisecond
	Second      = stdtime.Second
	Minute      = stdtime.Minute
	Hour        = stdtime.Hour
)

// Layouts.
const (
	Layout      = stdtime.Layout
	ANSIC       = stdtime.ANSIC
	UnixDate    = stdtime.UnixDate
	RubyDate    = stdtime.RubyDate
	RFC822      = stdtime.RFC822
	RFC822Z     = stdtime.RFC822Z
	RFC850      = stdtime.RFC850
	RFC1123     = stdtime.RFC1123
	RFC1123Z    = stdtime.RFC1123Z
	RFC3339     = stdtime.RFC3339
	RFC3339Nano = stdtime.RFC3339Nano
	Kitchen     = stdtime.Kitchen
	Stamp       = stdtime.Stamp
	StampMilli  = stdtime.StampMilli
	StampMicro  = stdtime.StampMicro
	StampNano   = stdtime.StampNano
	DateTime    = stdtime.DateTime
	DateOnly    = stdtime.DateOnly
	TimeOnly    = stdtime.TimeOnly
)

// Months and weekdays.
const (
	January   = stdtime.January
	February  = stdtime.February
	March     = stdtime.March
	April     = stdtime.April
	May       = stdtime.May
	June      = stdtime.June
	July      = stdtime.July
	August    = stdtime.August
	September = stdtime.September
	October   = stdtime.October
	November  = stdtime.November
	December  = stdtime.December

	Sunday    = stdtime.Sunday
	Monday    = stdtime.Monday
	Tuesday   = stdtime.Tuesday
	Wednesday = stdtime.Wednesday
	Thursday  = stdtime.Thursday
	Friday    = stdtime.Friday
	Saturday  = stdtime.Saturday
)

// Locations.
var (
	UTC   = stdtime.UTC
	Local = stdtime.Local
)

// Functions that do not read the clock pass through.

//go:norace
func Parse(layout, value string) (Time, error) { return stdtime.Parse(layout, value) }

//go:norace
func ParseInLocation(layout, value string, loc *Location) (Time, error) {
	return stdtime.ParseInLocation(layout, value, loc)
}

//go:norace
func ParseDuration(s string) (Duration, error) { return stdtime.ParseDuration(s) }

//go:norace
func Unix(sec, nsec int64) Time { return stdtime.Unix(sec, nsec) }

//go:norace
func UnixMilli(msec int64) Time { return stdtime.UnixMilli(msec) }

//go:norace
func UnixMicro(usec int64) Time { return stdtime.UnixMicro(usec) }

//go:norace
func FixedZone(name string, offset int) *Location { return stdtime.FixedZone(name, offset) }

//go:norace
func LoadLocation(name string) (*Location, error) { return stdtime.LoadLocation(name) }

//go:norace
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	return stdtime.Date(year, month, day, hour, min, sec, nsec, loc)
}

// inRun reports whether the caller is a goroutine of a sim run.
//
//go:norace
func inRun() bool { return sim.Current() != nil }

// now is the virtual time as a Time.
//
//go:norace
func now() Time { return sim.Epoch.Add(Duration(sim.Now())) }

// when is the virtual time d from now, saturating.
//
//go:norace
func when(d Duration) int64 {
	t := sim.Now()
	if d <= 0 {
		return t
	}
	if int64(d) > math.MaxInt64-t {
		return math.MaxInt64
	}
	return t + int64(d)
}

// Now returns the current virtual time.
//
//go:norace
func Now() Time {
	if !inRun() {
		return stdtime.Now()
	}
	sim.Yield("time.Now")
	return now()
}

// Since returns the virtual time elapsed since t.
//
//go:norace
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the virtual duration until t.
//
//go:norace
func Until(t Time) Duration { return t.Sub(Now()) }

// Sleep blocks the calling goroutine for d of virtual time.
//
//go:norace
func Sleep(d Duration) {
	g := sim.Current()
	if g == nil {
		stdtime.Sleep(d)
		return
	}
	sim.Yield("time.Sleep")
	if d <= 0 {
		return
	}
	sim.Event("sleep", nil, d.String())
	sim.StartTimer(when(d), func() { sim.Ready(g) })
	sim.Park("sleep", nil)
}

// Outside a run (a package-level variable, var ticker = time.Tick(d),
// initialised as the process starts), NewTimer, AfterFunc and NewTicker
// make an inert timer that never fires: the package's reset initialises the
// variable again at the start of every run, inside it, on the virtual clock.

// Timer is time.Timer on the virtual clock: C receives the time when it
// fires, unless it was made by AfterFunc (then C is nil).
type Timer struct {
	C *sim.Chan[Time]
	t *sim.Timer
	f func() // AfterFunc's function
}

// NewTimer starts a timer that sends the virtual time on C after d.
//
//go:norace
func NewTimer(d Duration) *Timer {
	t := &Timer{C: sim.MakeTimerChan[Time]()}
	if !inRun() {
		return t // inert
	}
	sim.Yield("time.NewTimer")
	t.t = sim.StartTimer(when(d), t.fire)
	sim.Feeds(t.t, t.C)
	return t
}

// AfterFunc calls f on its own goroutine after d.
//
//go:norace
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{f: f}
	if !inRun() {
		return t // inert
	}
	sim.Yield("time.AfterFunc")
	t.t = sim.StartTimer(when(d), t.fire)
	return t
}

// fire runs on the clock when t is due.
//
//go:norace
func (t *Timer) fire() {
	if t.f != nil {
		sim.Go(t.f)
		return
	}
	t.C.TrySend(sim.Epoch.Add(Duration(t.t.When())))
}

// After is NewTimer(d).C.
//
//go:norace
func After(d Duration) *sim.Chan[Time] { return NewTimer(d).C }

// Stop prevents t from firing. It reports whether the call stopped the
// timer (false: it had already fired and its value was received, or it was
// stopped). After Stop, no stale value is received from C.
//
//go:norace
func (t *Timer) Stop() bool {
	sim.Yield("timer.Stop")
	pending := t.t.Stop()
	if t.C != nil && t.C.Drain() {
		pending = true
	}
	return pending
}

// Reset makes t fire after d instead, and reports whether it was pending.
// After Reset, no stale value is received from C.
//
//go:norace
func (t *Timer) Reset(d Duration) bool {
	sim.Yield("timer.Reset")
	pending := t.t.Stop()
	if t.C != nil && t.C.Drain() {
		pending = true
	}
	t.t.Reset(when(d))
	return pending
}

// Ticker is time.Ticker on the virtual clock: C receives the time every d.
// A reader too slow for the ticks misses some, as with the real one.
type Ticker struct {
	C *sim.Chan[Time]
	t *sim.Timer
	d Duration
}

// NewTicker returns a ticker that ticks every d; d must be positive.
//
//go:norace
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	t := &Ticker{C: sim.MakeTimerChan[Time](), d: d}
	if !inRun() {
		return t // inert
	}
	sim.Yield("time.NewTicker")
	t.t = sim.StartTimer(when(d), t.fire)
	sim.Feeds(t.t, t.C)
	return t
}

//go:norace
func (t *Ticker) fire() {
	at := t.t.When()
	t.C.TrySend(sim.Epoch.Add(Duration(at))) // dropped when the last tick is still unread
	t.t.Reset(at + int64(t.d))
}

// Tick is NewTicker(d).C, or nil if d <= 0.
//
//go:norace
func Tick(d Duration) *sim.Chan[Time] {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}

// Stop turns the ticker off. After Stop, no stale tick is received.
//
//go:norace
func (t *Ticker) Stop() {
	sim.Yield("ticker.Stop")
	t.t.Stop()
	t.C.Drain()
}

// Reset stops the ticker and restarts it with period d.
//
//go:norace
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	sim.Yield("ticker.Reset")
	t.t.Stop()
	t.C.Drain()
	t.d = d
	t.t.Reset(when(d))
}
