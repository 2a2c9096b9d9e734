package sim

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Replay tokens are short printable strings that reproduce one run exactly:
//
//	r1.<seed>              Random, one execution with that seed
//	p1.<depth>.<k>.<seed>  PCT, one execution
//	c1.<base64url>         the run's decisions: varint pairs (skip, choice),
//	                       where skip counts decisions that took the default
//	                       (the running goroutine goes on; the first choice)
//
// Every run can be turned into a c1 token (Result.Token), whatever strategy
// made it.

type decisionKind uint8

const (
	pickDecision   decisionKind = iota // which goroutine runs next
	chooseDecision                     // select case, Choose
)

// choice is one recorded decision of a run.
type choice struct {
	kind decisionKind
	n, v int32
	cur  int32
}

//go:norace
func (c choice) def() int32 {
	if c.kind == pickDecision && c.cur >= 0 {
		return c.cur
	}
	return 0
}

//go:norace
func (s *scheduler) record(kind decisionKind, n, v, cur int) {
	s.choices = append(s.choices, choice{kind: kind, n: int32(n), v: int32(v), cur: int32(cur)})
}

//go:norace
func (s *scheduler) divergedAt(what string, got, n int) {
	if s.diverged == "" {
		s.diverged = fmt.Sprintf("decision %d (%s): replay chose %d of %d", len(s.choices)+1, what, got, n)
	}
}

// choiceToken encodes the decisions of the run as a c1 token.
//
//go:norace
func (s *scheduler) choiceToken() string {
	var buf []byte
	gap := uint64(0)
	for _, c := range s.choices {
		if c.v == c.def() {
			gap++
			continue
		}
		buf = binary.AppendUvarint(buf, gap)
		buf = binary.AppendUvarint(buf, uint64(c.v))
		gap = 0
	}
	return "c1." + base64.RawURLEncoding.EncodeToString(buf)
}

// Preemptions returns how many times the run switched away from a goroutine
// that could have gone on.
//
//go:norace
func (s *scheduler) preemptions() int {
	n := 0
	for _, c := range s.choices {
		if c.kind == pickDecision && c.cur >= 0 && c.v != c.cur {
			n++
		}
	}
	return n
}

// Replay returns the strategy that runs once exactly as the token says.
//
//go:norace
func Replay(token string) (Strategy, error) {
	kind, rest, ok := strings.Cut(strings.TrimSpace(token), ".")
	if !ok {
		return nil, fmt.Errorf("sim: replay token %q: want r1.<seed>, p1.<depth>.<k>.<seed> or c1.<choices>", token)
	}
	switch kind {
	case "r1":
		seed, err := strconv.ParseUint(rest, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("sim: replay token %q: bad seed: %v", token, err)
		}
		return &randomStrategy{next: seed, single: true}, nil
	case "p1":
		f := strings.Split(rest, ".")
		if len(f) != 3 {
			return nil, fmt.Errorf("sim: replay token %q: want p1.<depth>.<k>.<seed>", token)
		}
		d, err1 := strconv.Atoi(f[0])
		k, err2 := strconv.Atoi(f[1])
		seed, err3 := strconv.ParseUint(f[2], 10, 64)
		if err := errors.Join(err1, err2, err3); err != nil || d < 1 || k < 1 {
			return nil, fmt.Errorf("sim: replay token %q: bad numbers", token)
		}
		return &pctStrategy{depth: d, k: k, fixedK: true, next: seed, single: true}, nil
	case "c1":
		raw, err := base64.RawURLEncoding.DecodeString(rest)
		if err != nil {
			return nil, fmt.Errorf("sim: replay token %q: %v", token, err)
		}
		var pairs []int
		for len(raw) > 0 {
			v, n := binary.Uvarint(raw)
			if n <= 0 || v > 1<<31 {
				return nil, fmt.Errorf("sim: replay token %q: bad choice list", token)
			}
			pairs = append(pairs, int(v))
			raw = raw[n:]
		}
		if len(pairs)%2 != 0 {
			return nil, fmt.Errorf("sim: replay token %q: odd choice list", token)
		}
		return &replayStrategy{token: token, pairs: pairs}, nil
	}
	return nil, fmt.Errorf("sim: replay token %q: unknown kind %q", token, kind)
}

// replayStrategy replays a c1 token.
type replayStrategy struct {
	token string
	pairs []int // skip, choice, skip, choice, ...
	pos   int   // next pair
	skip  int   // defaults left before pairs[pos+1]
	used  bool
}

//go:norace
func (r *replayStrategy) NewExecution() bool {
	if r.used {
		return false
	}
	r.used = true
	r.pos = 0
	if len(r.pairs) > 0 {
		r.skip = r.pairs[0]
	}
	return true
}

//go:norace
func (r *replayStrategy) next(def int) int {
	if r.pos >= len(r.pairs) {
		return def
	}
	if r.skip > 0 {
		r.skip--
		return def
	}
	v := r.pairs[r.pos+1]
	r.pos += 2
	if r.pos < len(r.pairs) {
		r.skip = r.pairs[r.pos]
	}
	return v
}

//go:norace
func (r *replayStrategy) NextGoroutine(d Decision) int { return r.next(d.Default()) }

//go:norace
func (r *replayStrategy) NextChoice(n int) int { return r.next(0) }

//go:norace
func (r *replayStrategy) Token() string { return r.token }
