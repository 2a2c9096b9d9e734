package cli

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// TestPlayByKeys plays a program in the terminal with keys from a pipe: G1
// goes on until it has started G3, then G3 runs and goes on until it has
// sent, so main receives G3's 1 and G2 is the sender left blocked. The
// schedule made is printed as a token.
func TestPlayByKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program under the simulator")
	}
	var out bytes.Buffer
	opts := &playOptions{io: &IO{In: strings.NewReader("12222" + strings.Repeat("1", 40)), Out: &out, Err: &out}, dir: "../play/testdata/twosenders", seed: 1}
	err := runPlay(context.Background(), opts)
	var exit *ExitError
	if err != nil || errors.As(err, &exit) {
		t.Fatalf("err %v, want none: a program that exits with a sender still blocked exits 0, as for real\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{"who runs next?  [1] G1", "c unbuffered qcount=0 recvq=[] sendq=[G2 G3]", "note: 1 goroutine still blocked when main returned", "goroutine 3 [chan send] on c", "output:\n  0\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if !regexp.MustCompile(`the schedule you made: gocourse replay c1\.\S+ \.\./play/testdata/twosenders`).MatchString(got) {
		t.Errorf("no replay command in:\n%s", got)
	}
}

// TestPlayRaceByKeys: with --race, a schedule made by keys in which two
// goroutines' increments are not ordered ends as the data race, both
// accesses named, and the replay command printed says --race.
func TestPlayRaceByKeys(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program with -race under the simulator")
	}
	var out bytes.Buffer
	opts := &playOptions{io: &IO{In: strings.NewReader(strings.Repeat("2", 40)), Out: &out, Err: &out}, dir: "../play/testdata/racyhits", seed: 1, race: true}
	err := runPlay(context.Background(), opts)
	var exit *ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("err %v, want the exit of a failing run\n%s", err, out.String())
	}
	got := out.String()
	if !regexp.MustCompile(`race: data race: (read|write) at main\.go:17 by goroutine \d+, then (read|write) at main\.go:17 by goroutine \d+`).MatchString(got) {
		t.Errorf("no data race at main.go:17 in:\n%s", got)
	}
	if !regexp.MustCompile(`gocourse replay --race c1\.\S+ \.\./play/testdata/racyhits`).MatchString(got) {
		t.Errorf("no replay command with --race in:\n%s", got)
	}
}

// TestRaceChecked: play checks races in an exercise whose sim check does,
// and not elsewhere unless asked.
func TestRaceChecked(t *testing.T) {
	for dir, want := range map[string]bool{
		"../../exercises/02-concurrency-vs-parallelism/parallel-sum": true,
		"../../exercises/01-goroutines/say-hello":                    false,
		"../../lessons/19-mutexes/examples/race":                     false,
		"../play/testdata/racyhits":                                  false,
	} {
		if got := raceChecked(dir); got != want {
			t.Errorf("raceChecked(%s) = %v, want %v", dir, got, want)
		}
	}
}
