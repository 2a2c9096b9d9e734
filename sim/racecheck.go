package sim

// This file holds what a run that checks data races (Options.Race, in a
// binary built with -race) needs beyond the happens-before edges the
// channel, select and drop-in code tell ThreadSanitizer about: goroutine
// start and end, noticing that ThreadSanitizer has reported a race, and
// reading its report back. race.md tells the whole story.

import (
	"bytes"
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unsafe"
)

// raceOn says that the run in progress checks data races. Only the driver
// writes it, between runs.
var raceOn bool

// RaceInfo is the data race that ended a run: two accesses to the same
// memory, at least one of them a write, by goroutines that no
// synchronisation of the program orders.
type RaceInfo struct {
	Addr     string       `json:"addr"`     // the address, as ThreadSanitizer printed it
	Accesses []RaceAccess `json:"accesses"` // the earlier access, then the one that found the race
	Report   string       `json:"report"`   // ThreadSanitizer's report
}

// RaceAccess is one of the two accesses of a data race.
type RaceAccess struct {
	G     int      `json:"g"`     // the goroutine of the run (0: not one of the run's)
	Op    string   `json:"op"`    // "read", "write", "atomic read", ...
	Pos   string   `json:"pos"`   // file:line in the user's code
	Func  string   `json:"func"`  // the function there
	Stack []string `json:"stack"` // the user's frames, innermost first: "main.go:12 main.main.func1"
	tid   int      // ThreadSanitizer's number for the goroutine ("by goroutine 7")
}

//go:norace
func (a RaceAccess) String() string {
	who := "goroutine " + strconv.Itoa(a.G)
	if a.G == 0 {
		who = "a goroutine outside the run"
	}
	pos := a.Pos
	if pos == "" {
		pos = "an unknown place"
	}
	return a.Op + " at " + pos + " by " + who
}

// Message is the one-line summary of the race.
//
//go:norace
func (r *RaceInfo) Message() string {
	if len(r.Accesses) < 2 {
		return "data race (see the race detector's report)"
	}
	return "data race: " + r.Accesses[0].String() + ", then " + r.Accesses[1].String() + ", and nothing orders them"
}

// raceState is a scheduler's race detection.
type raceState struct {
	// raceEnd gets every goroutine's clock when it parks or exits: the
	// driver acquires it between runs, and synctest.Wait when it returns.
	raceEnd    uint64
	raceSeen   int         // ThreadSanitizer's report count when last looked at
	raceLogOff int64       // how much of the report log has been read, over all runs
	raceChecks int         // checks for a report in this run
	race       *RaceInfo   // the race that ended this run
	raceAt     int         // the check that found it
	raceForce  *forcedRace // a race this run must end with (see Explore)
	endG       *G          // the goroutine that ended the run
}

// forcedRace makes the replay of a run that ended with a race, in the same
// process, end the same way: ThreadSanitizer reports a pair of accesses once
// per process, so the replay would not see its report again.
type forcedRace struct {
	check int
	info  *RaceInfo
}

//go:norace
func (s *scheduler) raceReset() {
	s.raceChecks = 0
	s.race = nil
	s.raceAt = 0
	s.raceForce = nil
	s.endG = nil
}

// raceStartRun is the driver's part of starting a run: G1 starts after
// everything the driver did (package initialisation, earlier runs).
//
//go:norace
func (s *scheduler) raceStartRun(g1 *G) {
	s.raceSeen = raceErrors()
	raceRelease(unsafe.Pointer(&g1.raceStart))
	g1.raceStartTok = unsafe.Pointer(&g1.raceStart)
}

// raceStarted runs first on a G's real goroutine.
//
//go:norace
func (gp *G) raceStarted() {
	raceAcquire(gp.raceStartTok)
}

// raceGo starts gp's real goroutine (for handoff) from a chain of calls that
// spells gp's id in binary, one frame per bit, the lowest bit innermost:
// ThreadSanitizer's report prints it under "Goroutine N (...) created at:",
// which is how a report's goroutine N becomes one of the run's. (Its N is
// ThreadSanitizer's own thread number, not a goroutine id; in a run that
// checks races no real goroutine of the run ends before the run does, so
// that no N is reused within a run.)
//
//go:norace
func raceGo(gp *G) {
	raceGoBit(gp, uint(bits.Len(uint(gp.id)))-1)
}

//go:norace
func raceGoBit(gp *G, i uint) {
	switch {
	case i > 64:
		raceGoStart(gp)
	case uint(gp.id)>>i&1 == 1:
		raceGoOne(gp, i)
	default:
		raceGoZero(gp, i)
	}
}

// raceGoOne and raceGoZero are the frames that spell the id: the race
// detector records where raceGoFrame, which it sees (it is not go:norace),
// is called from.
//
//go:norace
func raceGoOne(gp *G, i uint) { raceGoFrame(gp, i) }

//go:norace
func raceGoZero(gp *G, i uint) { raceGoFrame(gp, i) }

//go:noinline
func raceGoFrame(gp *G, i uint) { raceGoBit(gp, i-1) }

//go:norace
func raceGoStart(gp *G) { go gp.main() }

// raceEndRun is the driver's look for a report once the run has ended, and
// before its goroutines are unwound. With RaceGoOn, a run that found a race
// and would otherwise have passed ends with Race.
//
//go:norace
func (s *scheduler) raceEndRun() {
	if s.outcome != Race {
		s.raceFound(s.endG)
	}
	if s.race != nil && (s.outcome == Pass || s.outcome == SignalWait) {
		s.outcome = Race
	}
}

// raceUnwound follows the unwinding of the goroutines left: what their
// deferred calls did happens before the next run, and a report about it is
// not the run's (a real program would never have run them).
//
//go:norace
func (s *scheduler) raceUnwound() {
	raceAcquire(unsafe.Pointer(&s.raceEnd))
	if n := raceErrors(); n != s.raceSeen {
		s.raceSeen = n
		if s.opts.RaceLog != "" {
			if st, err := os.Stat(raceLogFile(s.opts.RaceLog)); err == nil {
				s.raceLogOff = st.Size()
			}
		}
	}
}

// raceFound reports whether the run has run into a data race that ends
// it, with the outcome Race. It is called at every schedule point. With
// RaceGoOn it records the run's first race (s.race) and never ends the run.
//
//go:norace
func (s *scheduler) raceFound(gp *G) bool {
	if s.outcome == Race {
		return true
	}
	s.raceChecks++
	var info *RaceInfo
	if n := raceErrors(); n != s.raceSeen {
		s.raceSeen = n
		info = s.readRaceReports()
	}
	if f := s.raceForce; info == nil && f != nil && f.check == s.raceChecks {
		info = f.info
	}
	if info == nil || s.race != nil {
		return false // no race, or one after the run's first (RaceGoOn)
	}
	// The access that found the race is the running goroutine's: control
	// has not passed since (every hand-off looks first).
	if n := len(info.Accesses); n == 2 && info.Accesses[1].G == 0 && gp != nil {
		info.Accesses[1].G = gp.id
	}
	s.race = info
	s.raceAt = s.raceChecks
	if s.opts.RaceGoOn {
		return false
	}
	s.outcome = Race
	return true
}

// raceLogFile is where ThreadSanitizer writes its reports given
// GORACE=log_path=prefix.
//
//go:norace
func raceLogFile(prefix string) string { return prefix + "." + strconv.Itoa(os.Getpid()) }

// readRaceReports reads the reports ThreadSanitizer has written since the
// last look and returns the first about the user's code; nil when each of
// them was about the simulator's own memory (which should never happen; they
// are printed to standard error).
//
//go:norace
func (s *scheduler) readRaceReports() *RaceInfo {
	if s.opts.RaceLog == "" {
		return &RaceInfo{}
	}
	f, err := os.Open(raceLogFile(s.opts.RaceLog))
	if err != nil {
		return &RaceInfo{Report: "the race detector's log: " + err.Error()}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() <= s.raceLogOff {
		return &RaceInfo{Report: "the race detector reported a race, but its log has nothing new"}
	}
	buf := make([]byte, st.Size()-s.raceLogOff)
	n, _ := f.ReadAt(buf, s.raceLogOff)
	buf = buf[:n]
	// Read whole reports only.
	const sep = "==================\n"
	end := bytes.LastIndex(buf, []byte(sep))
	if end < 0 {
		return &RaceInfo{Report: string(buf)}
	}
	buf = buf[:end+len(sep)]
	s.raceLogOff += int64(len(buf))
	var first *RaceInfo
	for _, rep := range strings.Split(string(buf), sep) {
		if !strings.Contains(rep, "WARNING: DATA RACE") {
			continue
		}
		info, user := parseRaceReport(rep)
		if !user {
			fmt.Fprintf(os.Stderr, "sim: a race report about the simulator's own memory, not the program's:\n%s", rep)
			continue
		}
		if first == nil {
			first = info
		}
	}
	return first
}

// parseRaceReport reads one of ThreadSanitizer's reports:
//
//	WARNING: DATA RACE
//	Write at 0x00c000016118 by goroutine 7:
//	  main.main.func1()
//	      /path/main.go:12 +0x44
//	...
//
//	Previous read at 0x00c000016118 by goroutine 6:
//	  ...
//
//	Goroutine 7 (running) created at:
//	  ...
//
// It reports whether both accesses are the user's code: the first frame of
// each that is not the runtime's or the standard library's is not sim's.
//
//go:norace
func parseRaceReport(rep string) (*RaceInfo, bool) {
	info := &RaceInfo{Report: strings.TrimSpace(rep)}
	lines := strings.Split(rep, "\n")
	var cur *RaceAccess
	var accesses []RaceAccess
	var firstKind []frameKind
	var fn string
	created, bit := -1, 0
	ids := map[int]int{} // ThreadSanitizer's goroutine number -> the G's id
	for _, line := range lines {
		switch {
		case strings.HasSuffix(line, ":") && !strings.HasPrefix(line, " ") && strings.Contains(line, " at 0x") && strings.Contains(line, " by "):
			a := RaceAccess{}
			head, who, _ := strings.Cut(strings.TrimSuffix(line, ":"), " by ")
			op, addr, _ := strings.Cut(head, " at ")
			op = strings.ToLower(strings.TrimPrefix(op, "Previous "))
			a.Op = op
			info.Addr = addr
			a.tid = -1
			if g, ok := strings.CutPrefix(who, "goroutine "); ok {
				a.tid, _ = strconv.Atoi(g)
			}
			accesses = append(accesses, a)
			firstKind = append(firstKind, frameNone)
			cur = &accesses[len(accesses)-1]
			fn = ""
			created = -1
		case strings.HasPrefix(line, "Goroutine ") && strings.HasSuffix(line, " created at:"):
			// "Goroutine 7 (running) created at:", then frames; raceGo
			// spelled the G's id in them.
			cur = nil
			n, _, _ := strings.Cut(strings.TrimPrefix(line, "Goroutine "), " ")
			created, _ = strconv.Atoi(n)
			ids[created] = 0
			bit = 0
		case created >= 0 && strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "      "):
			switch strings.TrimSpace(line) {
			case "github.com/gocourse/gocourse/sim.raceGoOne()":
				ids[created] |= 1 << bit
				bit++
			case "github.com/gocourse/gocourse/sim.raceGoZero()":
				bit++
			}
		case cur == nil:
		case line == "" || !strings.HasPrefix(line, " "):
			cur = nil
		case strings.HasPrefix(line, "      "):
			// "      /path/file.go:12 +0x44"
			loc := strings.TrimSpace(line)
			if i := strings.LastIndex(loc, " +0x"); i >= 0 {
				loc = loc[:i]
			}
			file, lineNo := loc, ""
			if i := strings.LastIndex(loc, ":"); i >= 0 {
				file, lineNo = loc[:i], loc[i+1:]
			}
			k := classifyFrame(fn, file)
			i := len(accesses) - 1
			if firstKind[i] == frameNone && k != frameOther {
				firstKind[i] = k
			}
			if k == frameUser {
				pos := filepath.Base(file) + ":" + lineNo
				if cur.Pos == "" {
					cur.Pos, cur.Func = pos, fn
				}
				cur.Stack = append(cur.Stack, pos+" "+fn)
			}
		default:
			// "  main.main.func1()"
			fn = strings.TrimSuffix(strings.TrimSpace(line), "()")
			// The runner renames Test functions (grader/simrun).
			fn = strings.Replace(fn, ".gocourseSimTest", ".Test", 1)
		}
	}
	if len(accesses) < 2 {
		return info, true
	}
	for _, k := range firstKind[:2] {
		if k != frameUser {
			return info, false
		}
	}
	for i := range accesses {
		if id, ok := ids[accesses[i].tid]; ok {
			accesses[i].G = id
		}
	}
	// ThreadSanitizer prints the access that found the race first.
	info.Accesses = []RaceAccess{accesses[1], accesses[0]}
	return info, true
}

type frameKind uint8

const (
	frameNone  frameKind = iota // no frame seen yet
	frameUser                   // the user's code
	frameSim                    // the simulator's
	frameOther                  // the runtime's or the standard library's
)

//go:norace
func classifyFrame(fn, file string) frameKind {
	switch {
	case fn == "github.com/gocourse/gocourse/sim.raceRead" || fn == "github.com/gocourse/gocourse/sim.raceWrite",
		strings.HasPrefix(fn, "github.com/gocourse/gocourse/sim/sync.(*WaitGroup)."):
		// The access a drop-in reports on purpose (RaceRead, RaceWrite),
		// and the drop-in's methods that call it and are instrumented for
		// that (WaitGroup's Add, Wait, Go), as the standard library's own
		// frames would be.
		return frameOther
	case strings.HasPrefix(fn, "github.com/gocourse/gocourse/sim"),
		strings.HasPrefix(file, simDir+"/") && !strings.HasSuffix(file, "_test.go"):
		return frameSim
	case strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "internal/") || strings.HasPrefix(fn, "sync/atomic.") || strings.HasPrefix(fn, "iter."),
		goroot != "" && strings.HasPrefix(file, goroot):
		return frameOther
	}
	return frameUser
}

// RaceAcquire, RaceRelease and RaceReleaseMerge tell the race detector the
// happens-before edges of a simulated synchronisation operation that the
// running goroutine performs on the object at addr, as the standard library
// tells it of its own (internal/race): a Mutex's Unlock releases and its Lock
// acquires. They do nothing unless the run checks data races, outside a run,
// and in a timer function (which runs on whichever goroutine has control).
//
// RaceAcquire takes the clock last released at addr; RaceRelease stores the
// goroutine's clock there (atomic_store(memory_order_release));
// RaceReleaseMerge adds it (atomic_exchange(memory_order_release)).
//
//go:norace
func RaceAcquire(addr unsafe.Pointer) {
	if raceOn && raceGoroutine() {
		raceAcquire(addr)
	}
}

// RaceRelease: see RaceAcquire.
//
//go:norace
func RaceRelease(addr unsafe.Pointer) {
	if raceOn && raceGoroutine() {
		raceRelease(addr)
	}
}

// RaceReleaseMerge: see RaceAcquire.
//
//go:norace
func RaceReleaseMerge(addr unsafe.Pointer) {
	if raceOn && raceGoroutine() {
		raceReleaseMerge(addr)
	}
}

// RaceRead and RaceWrite tell the race detector that the running goroutine
// reads or writes addr, as the standard library does for a marker of misuse
// (sync.WaitGroup: the first Add from zero reads wg.sema, a Wait that blocks
// writes it, so an Add that is not ordered with a Wait is a race). A report
// shows the frames of the drop-in's caller: the drop-in's exported method that
// calls this must not be go:norace (its entry records the caller's line) and
// must touch no memory itself. They do nothing unless the run checks data
// races.
//
//go:norace
func RaceRead(addr unsafe.Pointer) {
	if raceOn && raceGoroutine() {
		raceRead(addr)
	}
}

// RaceWrite: see RaceRead.
//
//go:norace
func RaceWrite(addr unsafe.Pointer) {
	if raceOn && raceGoroutine() {
		raceWrite(addr)
	}
}

// RaceEnabled reports whether the run in progress checks data races.
//
//go:norace
func RaceEnabled() bool { return raceOn && getg() != nil }

// raceGoroutine reports whether a goroutine of the run is doing the operation
// (not a timer function, not code outside the run).
//
//go:norace
func raceGoroutine() bool {
	gp := getg()
	return gp != nil && !gp.s.clock.inTimer
}
