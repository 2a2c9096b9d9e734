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
	Schedules int           `json:"schedules"` // runs made
	Exhausted bool          `json:"exhausted"` // the strategy had no schedule left (DFS: all within its bound)
	TimedOut  bool          `json:"timed_out"` // Timeout ran out before the schedules did
	Failure   *Result       `json:"failure,omitempty"`
	Token     string        `json:"token,omitempty"` // replays Failure: Replay(Token)
	Steps     int           `json:"steps"`           // schedule points over all runs
	MaxSteps  int           `json:"max_steps"`       // schedule points of the longest run
	Elapsed   time.Duration `json:"elapsed_ns"`
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
		// Replay the failing run with positions and its trace.
		outcome := s.outcome
		first := s.result(false)
		rep.Token = strat.Token()
		ctoken := s.choiceToken()
		if rep.Token == "" {
			rep.Token = ctoken
		}
		rs, _ := Replay(ctoken)
		rs.NewExecution()
		var race *forcedRace
		if outcome == Race {
			race = &forcedRace{check: s.raceAt, info: s.race}
		}
		s.reset(opts, rs)
		s.raceForce = race
		s.run(body)
		rep.Failure = s.result(true)
		if rep.Failure.Outcome != outcome {
			// The program is not deterministic (math/rand outside the
			// simulator, map order, addresses...): the replay is another
			// run. The bug was found all the same: report the run that
			// found it, without the positions and trace only a replay has.
			first.Diverged = fmt.Sprintf("the run ended with %v, its replay with %v: the program is not deterministic, and the token may not reproduce the bug", outcome, rep.Failure.Outcome)
			rep.Failure = first
		}
		if !cfg.KeepGoing {
			break
		}
	}
	rep.Elapsed = time.Since(start)
	return rep
}
