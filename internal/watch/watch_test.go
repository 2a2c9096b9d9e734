package watch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// screen is an io.Writer that tests can read while the loop writes.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor waits until the screen shows want n times in all. The tests run
// in synctest bubbles: the deadline is on the bubble's clock, which moves only
// when every goroutine of the loop is blocked, so a busy machine cannot run it
// out.
func (s *screen) waitFor(t *testing.T, want string, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Count(s.String(), want) >= n {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("the screen never showed %q %d time(s); it shows:\n%s", want, n, s.String())
}

// fakeSession is a course of exercises named ex1, ex2, ... in folders /ex1, /ex2.
type fakeSession struct {
	mu     sync.Mutex
	n      int // exercises in the course
	cur    int
	pass   map[int]bool
	checks int
	block  bool // Check waits for its context to end
	ctxErr error
}

func (f *fakeSession) Exercise() (string, []string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cur >= f.n {
		return "", nil, false
	}
	return fmt.Sprintf("/ex%d", f.cur+1), []string{"a.go"}, true
}

func (f *fakeSession) Check(ctx context.Context, w io.Writer) bool {
	f.mu.Lock()
	f.checks++
	cur, pass, block, n := f.cur, f.pass[f.cur], f.block, f.checks
	f.mu.Unlock()
	fmt.Fprintf(w, "Progress %d/%d\ncheck #%d of ex%d\n", cur, f.n, n, cur+1)
	if block {
		<-ctx.Done()
		f.mu.Lock()
		f.ctxErr = ctx.Err()
		f.mu.Unlock()
		return false
	}
	if pass {
		fmt.Fprintf(w, "ex%d passes\n", cur+1)
	} else {
		fmt.Fprintf(w, "ex%d fails\n", cur+1)
	}
	return pass
}

func (f *fakeSession) Next() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cur++
}

func (f *fakeSession) Finished(w io.Writer) { fmt.Fprintln(w, "all done!") }

func (f *fakeSession) setPass(i int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pass[i] = true
}

func (f *fakeSession) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.checks
}

type fakeEvents struct {
	mu      sync.Mutex
	dirs    []string
	changes chan string
}

func (e *fakeEvents) Watch(dir string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.dirs = append(e.dirs, dir)
	return nil
}

func (e *fakeEvents) Changes() <-chan string { return e.changes }

func (e *fakeEvents) watched() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.dirs...)
}

type harness struct {
	sess   *fakeSession
	events *fakeEvents
	keys   chan rune
	scr    *screen
	done   chan error
	cancel context.CancelFunc
	ran    map[string]int
	mu     sync.Mutex
}

func start(t *testing.T, configure func(*Loop)) *harness {
	t.Helper()
	h := &harness{
		sess:   &fakeSession{n: 2, pass: map[int]bool{}},
		events: &fakeEvents{changes: make(chan string)},
		keys:   make(chan rune),
		scr:    &screen{},
		done:   make(chan error, 1),
		ran:    map[string]int{},
	}
	cmd := func(name string) func(context.Context, io.Writer) {
		return func(_ context.Context, w io.Writer) {
			h.mu.Lock()
			h.ran[name]++
			h.mu.Unlock()
			fmt.Fprintf(w, "ran %s\n", name)
		}
	}
	l := &Loop{
		Session: h.sess,
		Commands: []Command{
			{Key: 'h', Name: "hint", Below: true, Run: cmd("hint")},
			{Key: 'l', Name: "list", Anytime: true, Run: cmd("list")},
			{Key: 'x', Name: "reset", Confirm: func() string { return "Reset ex?" }, Recheck: true, Run: cmd("reset")},
		},
		Out:        h.scr,
		Keys:       h.keys,
		Events:     h.events,
		Clear:      func(w io.Writer) { io.WriteString(w, "<clear>\n") },
		Debounce:   30 * time.Millisecond,
		QuietAfter: time.Hour,
	}
	if configure != nil {
		configure(l)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- l.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-h.done
	})
	return h
}

func (h *harness) press(keys string) {
	for _, k := range keys {
		h.keys <- k
	}
}

func (h *harness) ranCount(name string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.ran[name]
}

// TestSavesAreDebounced runs on synctest's clock: synctest.Wait returns once
// every goroutine of the loop is blocked, so what the screen and the session
// say then is all that the events caused, not what had arrived by some time.
func TestSavesAreDebounced(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, nil)
		h.scr.waitFor(t, "ex1 fails", 1)
		h.scr.waitFor(t, "Watching a.go: every save checks it again.", 1)
		if got := h.events.watched(); len(got) != 1 || got[0] != "/ex1" {
			t.Fatalf("watched %v, want [/ex1]", got)
		}
		// An editor's save: several events in a row, for the file and its swap file.
		for _, name := range []string{".a.go.swp", "a.go", "a.go~", "a.go", "a.go"} {
			h.events.changes <- name
		}
		settle()
		if n := h.sess.count(); n != 2 {
			t.Errorf("%d checks after one save, want 2 (the first and one for the save)", n)
		}
		// A change to another file in the folder checks nothing.
		h.events.changes <- "notes.txt"
		settle()
		if n := h.sess.count(); n != 2 {
			t.Errorf("a change to notes.txt checked the exercise (%d checks)", n)
		}
		if strings.Count(h.scr.String(), "<clear>") != 2 {
			t.Errorf("the screen is not cleared once per check:\n%s", h.scr.String())
		}
	})
}

// settle lets a loop in a synctest bubble do all that its events and its timers
// (the debounce among them) make it do: it waits until every goroutine of the
// bubble is blocked, moves the fake clock well past every timer the loop sets
// for a save, and waits again.
func settle() {
	synctest.Wait()
	time.Sleep(time.Minute)
	synctest.Wait()
}

func TestNextOnlyAfterPass(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, nil)
		h.scr.waitFor(t, "ex1 fails", 1)
		h.press("n")
		h.scr.waitFor(t, "n moves on once this exercise passes", 1)
		h.sess.setPass(0)
		h.events.changes <- "a.go"
		h.scr.waitFor(t, "ex1 passes", 1)
		h.scr.waitFor(t, "Press n for the next exercise.", 1)
		if !strings.Contains(h.scr.String(), "n next · h hint") {
			t.Errorf("the key line does not offer n after a pass:\n%s", h.scr.String())
		}
		h.press("n")
		h.scr.waitFor(t, "ex2 fails", 1)
		if got := h.events.watched(); len(got) != 2 || got[1] != "/ex2" {
			t.Errorf("after n the loop watches %v, want /ex2 last", got)
		}
		// The last exercise passes: the final screen, with only the commands that still
		// make sense.
		h.sess.setPass(1)
		h.press("r")
		h.scr.waitFor(t, "ex2 passes", 1)
		h.press("n")
		h.scr.waitFor(t, "all done!", 1)
		h.scr.waitFor(t, "l list · q quit", 1)
		h.press("h")
		h.press("l")
		h.scr.waitFor(t, "ran list", 1)
		if h.ranCount("hint") != 0 {
			t.Error("h gave a hint on the final screen")
		}
	})
}

func TestConfirm(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, nil)
		h.scr.waitFor(t, "ex1 fails", 1)
		h.press("x")
		h.scr.waitFor(t, "Reset ex? [y/N] ", 1)
		h.press("n")
		h.scr.waitFor(t, "Nothing was done.", 1)
		if h.ranCount("reset") != 0 {
			t.Fatal("reset ran after the learner answered n")
		}
		h.press("xy")
		h.scr.waitFor(t, "check #2", 1)
		if h.ranCount("reset") != 1 {
			t.Fatal("reset did not run after y")
		}
		// What reset said stays on the screen of the check that follows it.
		out := h.scr.String()
		if i := strings.LastIndex(out, "<clear>"); !strings.Contains(out[i:], "ran reset\n\nProgress") {
			t.Errorf("the new screen does not keep what reset said:\n%s", out[i:])
		}
	})
}

func TestHintStaysUnderResult(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, nil)
		h.scr.waitFor(t, "ex1 fails", 1)
		h.press("h")
		h.scr.waitFor(t, "ran hint", 1)
		out := h.scr.String()
		last := out[strings.LastIndex(out, "<clear>"):]
		if !strings.Contains(last, "ex1 fails\nran hint") {
			t.Errorf("the hint is not drawn under the result:\n%s", last)
		}
	})
}

// Keys from a pipe wait their turn: a script of keys does the same every time.
func TestKeysFromPipe(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		keys := make(chan rune, 10)
		for _, k := range "hlq" {
			keys <- k
		}
		close(keys)
		h := start(t, func(l *Loop) { l.Keys = keys })
		if err := <-h.done; err != nil {
			t.Fatal(err)
		}
		h.done <- nil // for the cleanup
		out := h.scr.String()
		for _, want := range []string{"ex1 fails", "ran hint", "ran list", "Bye."} {
			if !strings.Contains(out, want) {
				t.Errorf("missing %q in:\n%s", want, out)
			}
		}
	})
}

// The end of the keys ends the loop once the check in hand is done.
func TestEOFEndsLoop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		keys := make(chan rune)
		close(keys)
		h := start(t, func(l *Loop) { l.Keys = keys })
		if err := <-h.done; err != nil {
			t.Fatal(err)
		}
		h.done <- nil
		if !strings.Contains(h.scr.String(), "ex1 fails") {
			t.Errorf("the loop ended before its first check:\n%s", h.scr.String())
		}
	})
}

// At a terminal, q does not wait for a long check. On synctest's clock: once
// every goroutine is blocked after q, the loop has ended or it never will.
func TestQuitCancelsCheck(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, func(l *Loop) { l.Interactive = true })
		h.sess.mu.Lock()
		h.sess.block = true
		h.sess.mu.Unlock()
		h.events.changes <- "a.go"
		h.scr.waitFor(t, "check #2", 1)
		h.press("q")
		synctest.Wait()
		select {
		case err := <-h.done:
			h.done <- err
		default:
			t.Fatal("q did not end a check in progress")
		}
		h.sess.mu.Lock()
		defer h.sess.mu.Unlock()
		if h.sess.ctxErr == nil {
			t.Error("the check's context was not cancelled")
		}
	})
}

// A save during a check cancels it and checks again.
func TestSaveDuringCheck(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, nil)
		h.scr.waitFor(t, "ex1 fails", 1)
		h.sess.mu.Lock()
		h.sess.block = true
		h.sess.mu.Unlock()
		h.events.changes <- "a.go"
		h.scr.waitFor(t, "check #2", 1)
		h.sess.mu.Lock()
		h.sess.block = false
		h.sess.mu.Unlock()
		h.events.changes <- "a.go"
		h.scr.waitFor(t, "check #3", 1)
		h.scr.waitFor(t, "ex1 fails", 2)
	})
}

func TestManualMode(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := start(t, func(l *Loop) { l.Events = nil })
		h.scr.waitFor(t, "ex1 fails", 1)
		h.scr.waitFor(t, "Manual mode: save a.go, then press r or Enter to check.", 1)
		h.press("\r")
		h.scr.waitFor(t, "check #2", 1)
		h.press("r")
		h.scr.waitFor(t, "check #3", 1)
	})
}

func TestNotifierSeesEditorSaves(t *testing.T) {
	dir := t.TempDir()
	n, err := NewNotifier()
	if err != nil {
		t.Fatal(err)
	}
	defer n.Close()
	if err := n.Watch(dir); err != nil {
		t.Fatal(err)
	}
	expect := func(how string, save func(path string) error) {
		t.Helper()
		if err := save(filepath.Join(dir, "a.go")); err != nil {
			t.Fatal(err)
		}
		// No deadline: a loaded machine may be slow to report, and a
		// notifier that never reports is caught by go test's -timeout.
		for name := range n.Changes() {
			if name == "a.go" {
				return
			}
		}
		t.Fatalf("%s: the notifier closed without reporting a.go", how)
	}
	expect("write", func(p string) error { return os.WriteFile(p, []byte("package a\n"), 0o644) })
	expect("atomic rename", func(p string) error {
		tmp := filepath.Join(dir, ".a.go.tmp123")
		if err := os.WriteFile(tmp, []byte("package a // 2\n"), 0o644); err != nil {
			return err
		}
		return os.Rename(tmp, p)
	})
	expect("rename away, then write anew (vim)", func(p string) error {
		if err := os.Rename(p, p+"~"); err != nil {
			return err
		}
		return os.WriteFile(p, []byte("package a // 3\n"), 0o644)
	})
	// Moving to another folder stops reports from the first. A file of a
	// name never used before is written in the first folder, then one in the
	// new folder: reports up to the new folder's may be late ones of the saves
	// above, never the new name of the first folder.
	other := t.TempDir()
	if err := n.Watch(other); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c.go"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "b.go"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for name := range n.Changes() {
		if name == "c.go" {
			t.Fatalf("change from the folder no longer watched: %s", name)
		}
		if name == "b.go" {
			return
		}
	}
	t.Error("no change reported in the new folder")
}

func TestReadKeys(t *testing.T) {
	var got []rune
	for k := range ReadKeys(strings.NewReader("a\x1b[Ab\x1bOPc\x1bqé\r")) {
		got = append(got, k)
	}
	if string(got) != "abcqé\r" {
		t.Errorf("keys %q, want %q", string(got), "abcqé\r")
	}
}

// TestQuietOnlyWhenNoChangeIsSeen checks that the --manual suggestion is for a file
// system that reports nothing: after a save that did trigger a check, a failing
// result and a long silence are the learner thinking, not a broken file system.
// The loop's timers run on synctest's clock.
func TestQuietOnlyWhenNoChangeIsSeen(t *testing.T) {
	const quiet = 90 * time.Second
	synctest.Test(t, func(t *testing.T) {
		h := start(t, func(l *Loop) { l.QuietAfter = quiet })
		h.scr.waitFor(t, "ex1 fails", 1)
		h.events.changes <- "a.go" // the learner saves: the check runs again, and fails
		h.scr.waitFor(t, "check #2", 1)
		synctest.Wait()
		time.Sleep(3 * quiet)
		synctest.Wait()
		if strings.Contains(h.scr.String(), "--manual") {
			t.Errorf("the loop doubts the file system after a save it saw:\n%s", h.scr.String())
		}
	})
	synctest.Test(t, func(t *testing.T) {
		h := start(t, func(l *Loop) { l.QuietAfter = quiet })
		h.scr.waitFor(t, "ex1 fails", 1)
		synctest.Wait()
		time.Sleep(quiet + time.Second) // nothing ever reported
		synctest.Wait()
		if !strings.Contains(h.scr.String(), "run gocourse watch --manual") {
			t.Errorf("no change at all for %s, and no word of --manual:\n%s", quiet, h.scr.String())
		}
	})
}
