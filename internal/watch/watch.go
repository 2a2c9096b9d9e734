// Package watch is the learner's loop: it checks the current exercise, checks it again
// each time the learner saves one of its files, and answers single keys (next, hint,
// list, reset, quit, ...) in between.
//
// The loop knows nothing of courses or graders. What it checks and draws comes from a
// Session, file changes from an Events source and keys from a channel, so that a test
// can drive it with fakes and the cli can drive it with fsnotify and a raw terminal.
package watch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Session is the course as the loop sees it. The loop calls it from one goroutine at
// a time: never two calls at once.
type Session interface {
	// Exercise returns the folder of the current exercise and the names of the files
	// whose saves check it again. ok is false when every exercise is done.
	Exercise() (dir string, files []string, ok bool)
	// Check draws the current exercise and the result of checking it now, and reports
	// whether it passed. ctx is cancelled when a newer save or a quit makes the
	// result moot.
	Check(ctx context.Context, w io.Writer) (passed bool)
	// Next moves on to the exercise after the one that just passed.
	Next()
	// Finished draws the screen shown when every exercise is done.
	Finished(w io.Writer)
}

// A Command is an action bound to a key, besides the loop's own (n next, r or Enter
// check again, q quit).
type Command struct {
	Key  rune
	Name string // one or two words for the key line: "hint", "check all"
	// Confirm, if set, returns a yes/no question to ask before the command runs;
	// only y runs it.
	Confirm func() string
	// Below draws the command's output under the last result instead of on a clean
	// screen (a hint, say).
	Below bool
	// Recheck checks the exercise again after the command (after a reset, say).
	Recheck bool
	// Anytime makes the command available on the final screen too.
	Anytime bool
	Run     func(ctx context.Context, w io.Writer)
}

// Events reports changes to files in one folder.
type Events interface {
	// Watch makes the source report changes in dir (and no longer in the folder
	// it watched before).
	Watch(dir string) error
	// Changes delivers the base name of each file created, written, renamed or
	// removed in the folder.
	Changes() <-chan string
}

// Loop is one watch session. Set its fields, then call Run.
type Loop struct {
	Session  Session
	Commands []Command
	Out      io.Writer
	// Keys delivers the keys the learner presses; closing it ends the loop once the
	// work in hand is done (stdin reached its end).
	Keys <-chan rune
	// Events delivers file changes; nil means manual mode (check on r or Enter only).
	Events Events
	// Clear clears the screen between runs; nil draws a rule instead.
	Clear func(w io.Writer)
	// Debounce is how long the loop waits after a save for more saves before it
	// checks (editors write a file in several steps). 150ms by default.
	Debounce time.Duration
	// QuietAfter is how long after a failed check with no file event at all the loop
	// mentions --manual, in case the file system does not report changes. 90s by
	// default.
	QuietAfter time.Duration
	// Interactive means a person at a terminal: q cancels a check in progress. When
	// false (keys from a pipe, a test), each key waits until the work before it is
	// done, so that a script of keys runs the same every time.
	Interactive bool
	// Program is how the learner runs gocourse, for the commands the loop suggests:
	// "gocourse" by default.
	Program string
}

// quitKeys end the loop: q, Ctrl-C and Ctrl-D (in raw mode the terminal sends the
// latter two as bytes instead of signals).
var quitKeys = []rune{'q', 'Q', 3, 4}

// job is work running outside the loop's goroutine: a check or a command.
type job struct {
	cancel context.CancelFunc
	done   chan bool // receives whether the check passed
	check  bool      // a check of the exercise, which a newer save makes moot
}

type loopState struct {
	*Loop
	ctx     context.Context
	out     io.Writer
	last    bytes.Buffer // what the last check drew, to redraw under a hint
	notice  bytes.Buffer // what a command said before a check, to keep on the new screen
	running *job
	after   func(passed bool) // what to do when the running job ends
	queue   []rune            // keys pressed while a job ran
	eof     bool
	quit    bool
	pending bool // a save arrived while something else ran: check when it ends

	dir      string
	files    []string
	finished bool     // every exercise done: the final screen is up
	passed   bool     // the last check passed
	confirm  *Command // the command whose question is on screen

	debounce *time.Timer
	quiet    *time.Timer
	manual   bool
	// heard is set once the file system has reported a change: it does report
	// them, and the quiet warning would only mislead.
	heard bool
}

// Run runs the loop until the learner quits, the keys end, or ctx is done.
func (l *Loop) Run(ctx context.Context) error {
	if l.Debounce <= 0 {
		l.Debounce = 150 * time.Millisecond
	}
	if l.QuietAfter <= 0 {
		l.QuietAfter = 90 * time.Second
	}
	if l.Program == "" {
		l.Program = "gocourse"
	}
	s := &loopState{Loop: l, ctx: ctx, out: l.Out, manual: l.Events == nil}
	s.debounce = time.NewTimer(time.Hour)
	s.debounce.Stop()
	s.quiet = time.NewTimer(time.Hour)
	s.quiet.Stop()
	var changes <-chan string
	if !s.manual {
		changes = l.Events.Changes()
	}
	s.show()
	for {
		if s.running == nil {
			s.drain()
		}
		if s.running == nil && (s.quit || s.eof && len(s.queue) == 0) {
			return nil
		}
		var done chan bool
		if s.running != nil {
			done = s.running.done
		}
		select {
		case <-ctx.Done():
			if s.running != nil {
				s.running.cancel()
				<-s.running.done
			}
			return ctx.Err()
		case k, ok := <-s.Keys:
			if !ok {
				s.eof, s.Keys = true, nil
				continue
			}
			s.key(k)
		case name := <-changes:
			s.quiet.Stop()
			s.heard = true
			if slices.Contains(s.files, name) {
				s.debounce.Reset(s.Debounce)
			}
		case <-s.debounce.C:
			switch {
			case s.running == nil:
				s.show()
			case s.running.check:
				s.running.cancel()
				s.pending = true
			default:
				s.pending = true
			}
		case passed := <-done:
			after := s.after
			s.running, s.after = nil, nil
			if s.quit {
				fmt.Fprintf(s.out, "\nBye. Your progress is saved; run %s to carry on.\n", s.Program)
				continue
			}
			if s.pending {
				s.pending = false
				s.show()
				continue
			}
			after(passed)
		case <-s.quiet.C:
			if s.running == nil && !s.finished {
				fmt.Fprintf(s.out, "\nNo change seen in the exercise's folder for %s. If you saved %s and nothing happened,\nyour file system may not report changes: press q, run %s watch --manual, then press r or Enter to check.\n",
					s.QuietAfter.Round(time.Second), strings.Join(s.files, ", "), s.Program)
			}
		}
	}
}

// drain handles the keys pressed while a job ran, until one of them starts another.
func (s *loopState) drain() {
	for len(s.queue) > 0 && s.running == nil && !s.quit {
		k := s.queue[0]
		s.queue = s.queue[1:]
		s.key(k)
	}
}

// key handles one key press.
func (s *loopState) key(k rune) {
	if s.running != nil {
		if slices.Contains(quitKeys, k) && s.Interactive {
			s.quit = true
			s.running.cancel()
			return
		}
		s.queue = append(s.queue, k)
		return
	}
	if c := s.confirm; c != nil {
		s.confirm = nil
		fmt.Fprintf(s.out, "%c\n", printable(k))
		if k == 'y' || k == 'Y' {
			s.command(c)
			return
		}
		fmt.Fprintln(s.out, "Nothing was done.")
		s.keyLine()
		return
	}
	switch {
	case slices.Contains(quitKeys, k):
		s.quit = true
		fmt.Fprintf(s.out, "\nBye. Your progress is saved; run %s to carry on.\n", s.Program)
		return
	case k == 'r' || k == 'R' || k == '\r' || k == '\n':
		s.show()
		return
	case k == 'n' || k == 'N':
		if s.finished {
			return
		}
		if !s.passed {
			fmt.Fprintln(s.out, "n moves on once this exercise passes. Save your file to check it again, or press h for a hint.")
			return
		}
		s.Session.Next()
		s.show()
		return
	}
	for i := range s.Commands {
		c := &s.Commands[i]
		if c.Key != k || s.finished && !c.Anytime {
			continue
		}
		if c.Confirm != nil {
			s.confirm = c
			fmt.Fprintf(s.out, "\n%s [y/N] ", c.Confirm())
			return
		}
		s.command(c)
		return
	}
}

// command runs a command as a job.
func (s *loopState) command(c *Command) {
	s.quiet.Stop()
	if c.Below {
		s.clear()
		s.out.Write(s.last.Bytes())
	} else if c.Confirm == nil {
		s.clear()
	}
	s.start(false, func(ctx context.Context, w io.Writer) bool {
		if c.Recheck {
			s.notice.Reset()
			w = io.MultiWriter(w, &s.notice)
		}
		c.Run(ctx, w)
		return false
	}, func(bool) {
		if c.Recheck {
			s.show()
			return
		}
		s.keyLine()
	})
}

// show checks the current exercise on a clean screen, or shows the final screen
// when every exercise is done.
func (s *loopState) show() {
	s.debounce.Stop()
	s.quiet.Stop()
	s.passed = false
	s.clear()
	if s.notice.Len() > 0 {
		s.out.Write(s.notice.Bytes())
		fmt.Fprintln(s.out)
		s.notice.Reset()
	}
	dir, files, ok := s.Session.Exercise()
	if !ok {
		s.finished, s.files, s.dir = true, nil, ""
		s.Session.Finished(s.out)
		s.keyLine()
		return
	}
	s.finished, s.files = false, files
	if dir != s.dir {
		s.dir = dir
		if !s.manual {
			if err := s.Events.Watch(dir); err != nil {
				s.manual = true
				fmt.Fprintf(s.out, "Cannot watch %s for changes (%v): manual mode, press r or Enter to check.\n\n", dir, err)
			}
		}
	}
	s.last.Reset()
	w := io.MultiWriter(s.out, &s.last)
	s.start(true, func(ctx context.Context, _ io.Writer) bool {
		return s.Session.Check(ctx, w)
	}, func(passed bool) {
		s.passed = passed
		s.keyLine()
		// The quiet warning is for a file system that never reports a save; once
		// one change has been seen it does, and a failing check after a save is
		// no sign of the contrary.
		if !passed && !s.manual && !s.heard {
			s.quiet.Reset(s.QuietAfter)
		}
	})
}

// start runs f in its own goroutine; after runs in the loop's when f returns.
func (s *loopState) start(check bool, f func(ctx context.Context, w io.Writer) bool, after func(passed bool)) {
	ctx, cancel := context.WithCancel(s.ctx)
	j := &job{cancel: cancel, done: make(chan bool, 1), check: check}
	s.running, s.after = j, after
	go func() {
		defer cancel()
		j.done <- f(ctx, s.out)
	}()
}

// keyLine draws the keys the learner may press now, and how checks are triggered.
func (s *loopState) keyLine() {
	var keys []string
	if s.passed && !s.finished {
		keys = append(keys, "n next")
	}
	for _, c := range s.Commands {
		if c.Anytime || !s.finished {
			keys = append(keys, fmt.Sprintf("%c %s", c.Key, c.Name))
		}
	}
	if !s.finished {
		keys = append(keys, "r check again")
	}
	keys = append(keys, "q quit")
	fmt.Fprintf(s.out, "\n%s\n", strings.Join(keys, " · "))
	switch {
	case s.finished:
	case s.manual:
		fmt.Fprintf(s.out, "Manual mode: save %s, then press r or Enter to check.\n", strings.Join(s.files, ", "))
	case s.passed:
		fmt.Fprintln(s.out, "Passed. Press n for the next exercise.")
	default:
		fmt.Fprintf(s.out, "Watching %s: every save checks it again.\n", strings.Join(s.files, ", "))
	}
}

func (s *loopState) clear() {
	if s.Clear != nil {
		s.Clear(s.out)
		return
	}
	fmt.Fprintf(s.out, "\n%s\n", strings.Repeat("─", 60))
}

func printable(k rune) rune {
	if k < ' ' {
		return ' '
	}
	return k
}
