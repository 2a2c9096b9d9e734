// Package play lets a learner be the scheduler: at every schedule point of a
// program (its main function, or one of its tests) under the simulator, they
// pick which runnable goroutine goes next, and see the run up to the next
// decision.
//
// A Session builds the program once (through grader/simrun, as explore and
// trace do) and keeps the built binary; each Step runs it again with the
// picks made so far (sim.Steer). The simulator is deterministic, so each run
// repeats the one before it up to the new decision, and the schedule made is
// an ordinary replay token that `gocourse replay` accepts.
package play

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gocourse/gocourse/grader/simrun"
	"github.com/gocourse/gocourse/sim"
	"github.com/gocourse/gocourse/sim/harness"
	simtoken "github.com/gocourse/gocourse/sim/token"
)

// Session is one program built for playing schedules by hand.
type Session struct {
	dir      string   // the package's folder
	files    []string // the files of a one-file program, else nil
	target   string   // "main", or the test played
	tests    []string // the package's tests
	maxSteps int
	race     bool // built with -race: every run checks data races

	mu  sync.Mutex // one run at a time
	tmp string     // holds the kept binary
	bin string
}

// Step is the run a set of picks makes.
type Step struct {
	Picks  []int       `json:"picks"`
	Result *sim.Result `json:"result"`
	// Next is the decision after the picks: nil when the run ended first.
	Next *sim.PlayPoint `json:"next"`
	// Token replays the whole run: the picks, then what followed them.
	Token string `json:"token"`
}

// Options say what to play and how.
type Options struct {
	// Test names the Test function to play in a package without a main
	// function; "" means its first one.
	Test string
	// Race builds the program with -race, so that every run checks data
	// races as a sim check with race: true does (sim/race.md): a schedule
	// made by hand that races ends with the outcome race, both accesses
	// named. It needs cgo (a C compiler), and each run costs more.
	Race bool
}

// Start builds the program at target (a package folder or a .go file) under
// the simulator. Close removes the binary.
func Start(ctx context.Context, target string, opts Options) (*Session, error) {
	test := opts.Test
	abs, err := filepath.Abs(target)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("%s: no such file or folder", target)
	}
	s := &Session{dir: abs, maxSteps: 100_000, race: opts.Race}
	if !st.IsDir() {
		if !strings.HasSuffix(abs, ".go") {
			return nil, fmt.Errorf("%s: not a Go file or a folder", target)
		}
		s.dir, s.files = filepath.Dir(abs), []string{abs}
	}
	if s.tmp, err = os.MkdirTemp("", "gocourse-play-"); err != nil {
		return nil, err
	}
	run := ""
	if test != "" {
		run = "^" + regexp.QuoteMeta(test) + "$"
	}
	cfg := simrun.Config{
		Dir:     s.dir,
		Files:   s.files,
		Timeout: 5 * time.Minute,
		Race:    opts.Race,
		Harness: harness.Config{Mode: "run", Run: run, MaxSteps: s.maxSteps, Play: true},
		Exec: func(ctx context.Context, x simrun.Exec) (simrun.ExecResult, error) {
			// Keep the binary for the steps to come, then run it as asked.
			s.bin = filepath.Join(s.tmp, "play.test")
			if err := copyFile(x.Path, s.bin); err != nil {
				return simrun.ExecResult{}, err
			}
			return execute(ctx, x.Path, x.Dir, x.Env, x.ExtraFiles)
		},
	}
	rep, err := simrun.Run(ctx, cfg)
	if err != nil {
		s.Close()
		return nil, err
	}
	s.tests = rep.Tests
	s.target = rep.Target
	if rep.Main {
		s.target = "main"
	} else if test == "" && len(rep.Tests) > 0 {
		s.target = rep.Tests[0]
	}
	if s.target == "" {
		s.Close()
		return nil, fmt.Errorf("%s: no main function and no test to play", target)
	}
	return s, nil
}

// Target is "main" or the name of the test being played.
func (s *Session) Target() string { return s.target }

// Race says whether each run checks data races.
func (s *Session) Race() bool { return s.race }

// Tests are the package's Test functions (none for a main package).
func (s *Session) Tests() []string { return s.tests }

// Close removes the built program.
func (s *Session) Close() error { return os.RemoveAll(s.tmp) }

// Step runs the program with picks deciding its first decisions; with random
// the decisions after them are Random(seed)'s, else they preempt nobody.
func (s *Session) Step(ctx context.Context, picks []int, random bool, seed uint64) (*Step, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if picks == nil {
		picks = []int{}
	}
	h := harness.Config{Mode: "run", MaxSteps: s.maxSteps, Play: true, Picks: picks, PlayRandom: random, Seed: seed}
	if s.race {
		h.Race, h.RaceLog = true, filepath.Join(s.tmp, "race.log")
		// The logs of earlier runs: each process writes its own.
		if old, _ := filepath.Glob(h.RaceLog + ".*"); len(old) > 0 {
			for _, f := range old {
				os.Remove(f)
			}
		}
	}
	if s.target != "main" {
		h.Run = "^" + regexp.QuoteMeta(s.target) + "$"
	}
	cfgJSON, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	secret := hex.EncodeToString(b)
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	_, err = w.WriteString(secret)
	w.Close()
	defer r.Close()
	if err != nil {
		return nil, err
	}
	reportPath := filepath.Join(s.tmp, "report.json")
	os.Remove(reportPath)
	env := []string{"GOMAXPROCS=1", harness.ConfigEnv + "=" + string(cfgJSON), harness.ReportEnv + "=" + reportPath, simtoken.FDEnv + "=3"}
	if s.race {
		// As simrun runs a -race build: ThreadSanitizer's reports go to a
		// log of their own that the harness reads back (race.log.<pid>),
		// and a race is the run's result, not the process's failure.
		env = append(env, "GORACE=log_path="+h.RaceLog+" halt_on_error=0 atexit_sleep_ms=0 exitcode=0")
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	res, err := execute(ctx, s.bin, s.dir, env, []*os.File{r})
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(reportPath)
	if err != nil {
		return nil, fmt.Errorf("the program ended the process before the simulator was done (%s)%s", exitStatus(res), excerpt(res.Output))
	}
	var rep harness.Report
	if err := json.Unmarshal(data, &rep); err != nil || rep.Token != secret {
		return nil, fmt.Errorf("the simulator's report was not written by its harness")
	}
	if rep.Error != "" {
		return nil, errors.New(rep.Error)
	}
	if rep.Result == nil {
		return nil, fmt.Errorf("the run produced no result")
	}
	if rep.Result.Diverged != "" {
		return nil, fmt.Errorf("the picks do not fit the program: %s", rep.Result.Diverged)
	}
	return &Step{Picks: picks, Result: rep.Result, Next: rep.Play, Token: rep.Replay}, nil
}

// execute runs the built program in its own process group, killed with the
// group when ctx ends.
func execute(ctx context.Context, bin, dir string, env []string, extra []*os.File) (simrun.ExecResult, error) {
	cmd := exec.CommandContext(ctx, bin)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.ExtraFiles = extra
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 2 * time.Second
	var out limited
	cmd.Stderr = &out
	if err := cmd.Start(); err != nil {
		return simrun.ExecResult{}, fmt.Errorf("running the program under the simulator: %w", err)
	}
	cmd.Wait()
	return simrun.ExecResult{Output: out.b, ExitCode: cmd.ProcessState.ExitCode()}, nil
}

type limited struct{ b []byte }

func (l *limited) Write(p []byte) (int, error) {
	if room := 64<<10 - len(l.b); room > 0 {
		l.b = append(l.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func exitStatus(r simrun.ExecResult) string {
	if r.ExitCode < 0 {
		return "killed by a signal"
	}
	return fmt.Sprintf("exit status %d", r.ExitCode)
}

func excerpt(b []byte) string {
	s := strings.TrimSpace(string(b))
	if s == "" {
		return ""
	}
	lines := strings.SplitN(s, "\n", 9)
	if len(lines) > 8 {
		lines = lines[:8]
	}
	return ":\n" + strings.Join(lines, "\n")
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// TokenPicks turns a c1 replay token (a failing check's, say; "TestX@c1...."
// names its test) into picks that follow its schedule: -1 for each decision
// the token leaves to the default, then its choice. After them the run goes
// on with defaults, as the token's does, so Step(picks) is the token's run,
// and the learner can undo back through it and choose otherwise. Tokens of
// other kinds (r1, p1) name a seed, not choices: they cannot be followed.
func TokenPicks(token string) (picks []int, test string, err error) {
	test, token = simtoken.Parse(token)
	raw, ok := strings.CutPrefix(strings.TrimSpace(token), "c1.")
	if !ok {
		return nil, "", fmt.Errorf("replay token %q: only a c1 token's choices can be followed by hand", token)
	}
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return nil, "", fmt.Errorf("replay token %q: %w", token, err)
	}
	var pairs []int
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 || v > 1<<20 {
			return nil, "", fmt.Errorf("replay token %q: bad choice list", token)
		}
		pairs = append(pairs, int(v))
		b = b[n:]
	}
	if len(pairs)%2 != 0 {
		return nil, "", fmt.Errorf("replay token %q: odd choice list", token)
	}
	picks = []int{}
	for i := 0; i < len(pairs); i += 2 {
		for range pairs[i] {
			picks = append(picks, -1)
		}
		picks = append(picks, pairs[i+1])
	}
	return picks, test, nil
}
