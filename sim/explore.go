package sim

import (
	"fmt"
	"strings"
	"time"
)

// Config controls an exploration: many runs of one body under one strategy.
type Config struct {
	// Strategy makes every run; nil means Random(Seed).
	Strategy Strategy
	// Seed seeds the default strategy.
	Seed uint64
	// Schedules is the most runs to make (default 1000).
	Schedules int
	// Timeout bounds the wall-clock time of the exploration (0: none).
	Timeout time.Duration
	// Options apply to every run (their Strategy and Seed are ignored).
	Options Options
	// KeepGoing goes on after a failing run (the Report keeps the first).
	KeepGoing bool
	// Each, if set, is called after every run with its Result (no trace,
	// no positions), for example to collect the set of outcomes.
	Each func(*Result)
}

// Report is the result of an exploration.
type Report struct {
	Schedules int     `json:"schedules"` // runs made
	Exhausted bool    `json:"exhausted"` // the strategy had no schedule left (DFS: all within its bound)
	TimedOut  bool    `json:"timed_out"` // Timeout ran out before the schedules did
	Failure   *Result `json:"failure,omitempty"`
	Token     string  `json:"token,omitempty"` // replays Failure: Replay(Token)
	// Race, with Options.RaceGoOn, is the first run that found a data race
	// and nothing else, when a later run found a failure of another kind
	// (Failure) that this run did not: often the bug the race leads to in
	// the other order of its accesses. Race.Token replays it.
	Race     *Result       `json:"race,omitempty"`
	Steps    int           `json:"steps"`     // schedule points over all runs
	MaxSteps int           `json:"max_steps"` // schedule points of the longest run
	Elapsed  time.Duration `json:"elapsed_ns"`
}

// Failed reports whether some run found a bug.
//
//go:norace
func (r *Report) Failed() bool { return r.Failure != nil }

// String summarises the exploration for a person.
//
//go:norace
func (r *Report) String() string {
	var b strings.Builder
	switch {
	case r.Failure != nil:
		fmt.Fprintf(&b, "bug found after %d schedule(s)\n%s", r.Schedules, r.Failure)
		if r.Token != r.Failure.Token {
			fmt.Fprintf(&b, "also replays: %s\n", r.Token)
		}
		if r.Race != nil {
			fmt.Fprintf(&b, "and, in another schedule, %s", r.Race)
		}
	case r.Exhausted:
		fmt.Fprintf(&b, "no bug: all %d schedules explored\n", r.Schedules)
	default:
		fmt.Fprintf(&b, "no bug in %d schedules\n", r.Schedules)
	}
	return b.String()
}

// Explore runs body under cfg.Strategy again and again until a run fails, the
// strategy is exhausted, or the schedule or time budget is spent. The failing
// run is replayed with positions and its trace, and reported with a token
// that reproduces it.
//
//go:norace
func Explore(body func(), cfg Config) *Report {
	strat := cfg.Strategy
	if strat == nil {
		strat = Random(cfg.Seed)
	}
	limit := cfg.Schedules
	if limit <= 0 {
		limit = 1000
	}
	opts := cfg.Options
	opts.Strategy = nil
	fast := opts
	fast.NoPositions = true

	start := time.Now()
	var deadline time.Time
	if cfg.Timeout > 0 {
		deadline = start.Add(cfg.Timeout)
	}
	rep := &Report{}
	s := acquireScheduler()
	defer releaseScheduler()
	fast.Deadline = deadline // the replay of a failing run is as long as the run
	var raceToken string     // replays rep.Race
	for rep.Schedules < limit {
		if !deadline.IsZero() && time.Now().After(deadline) {
			rep.TimedOut = true
			break
		}
		if !strat.NewExecution() {
			rep.Exhausted = true
			break
		}
		s.reset(fast, strat)
		s.run(body)
		if s.outcome == Timeout {
			rep.TimedOut = true // cut short: not a schedule done
			break
		}
		rep.Schedules++
		rep.Steps += s.steps
		rep.MaxSteps = max(rep.MaxSteps, s.steps)
		if cfg.Each != nil {
			r := s.result(false)
			if t := strat.Token(); t != "" {
				r.Token = t
			}
			cfg.Each(r)
		}
		if s.outcome == Pass || s.outcome == SignalWait || rep.Failure != nil {
			continue
		}
		if s.outcome == Race && opts.RaceGoOn {
			// Only a race: keep the first, and look on for what the race
			// leads to in another order of its accesses.
			if rep.Race == nil {
				rep.Race, raceToken = replayFailure(s, body, opts, strat)
			}
			continue
		}
		rep.Failure, rep.Token = replayFailure(s, body, opts, strat)
		if !cfg.KeepGoing {
			break
		}
	}
	switch {
	case rep.Failure == nil && rep.Race != nil:
		rep.Failure, rep.Token, rep.Race = rep.Race, raceToken, nil
	case rep.Failure != nil && rep.Failure.Race != nil:
		rep.Race = nil // the failing run names its race itself
	}
	rep.Elapsed = time.Since(start)
	return rep
}

// replayFailure replays the run that just ended in s, which failed, with
// positions and its trace, and returns its result and the token that
// reproduces it (the strategy's own, or the run's choices).
//
//go:norace
func replayFailure(s *scheduler, body func(), opts Options, strat Strategy) (*Result, string) {
	outcome := s.outcome
	first := s.result(false)
	token := strat.Token()
	ctoken := s.choiceToken()
	if token == "" {
		token = ctoken
	}
	rs, _ := Replay(ctoken)
	rs.NewExecution()
	var race *forcedRace
	if s.race != nil {
		// ThreadSanitizer reports a pair of accesses once per process.
		race = &forcedRace{check: s.raceAt, info: s.race}
	}
	s.reset(opts, rs)
	s.raceForce = race
	s.run(body)
	res := s.result(true)
	if res.Outcome != outcome {
		// The program is not deterministic (math/rand outside the
		// simulator, map order, addresses...): the replay is another
		// run. The bug was found all the same: report the run that
		// found it, without the positions and trace only a replay has.
		first.Diverged = fmt.Sprintf("the run ended with %v, its replay with %v: the program is not deterministic, and the token may not reproduce the bug", outcome, res.Outcome)
		res = first
	}
	return res, token
}
