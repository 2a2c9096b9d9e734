// Mutant: Close closes the channel and sleeps for a second instead of
// waiting for the writer: a guess at how long the last lines take.
// Package logger is a log whose writer is slow, and a buffer between them.
package logger

import "time"

// A Logger passes lines to a writer goroutine, which calls write for each
// line, in order. write is slow: it takes a second (think of a disk that
// syncs every line).
//
// The callers of Log must not wait for the disk while a burst is small,
// but memory is limited: when the writer is busy, at most two lines may
// wait in the Logger. So, in a burst of lines logged one after another
// while the writer was idle, the first three calls of Log return at once
// (one line is being written, two are waiting), and the fourth returns
// only when the writer has finished the first line and taken the second.
type Logger struct {
	lines chan string
	done  chan struct{}
}

// New starts the writer goroutine, which calls write for every line
// logged, in order, until Close.
func New(write func(line string)) *Logger {
	// Two lines may wait; a third is in the writer's hands.
	l := &Logger{lines: make(chan string, 2), done: make(chan struct{})}
	go func() {
		for line := range l.lines {
			write(line)
		}
		close(l.done)
	}()
	return l
}

// Log hands line to the writer. It waits only while two lines are already
// waiting.
func (l *Logger) Log(line string) {
	l.lines <- line
}

// Close says that no more lines will come, and returns only when every
// line logged before it has been written (flushed) and the writer
// goroutine has ended. Log must not be called after Close.
func (l *Logger) Close() {
	close(l.lines)
	time.Sleep(time.Second) // "long enough for the writer to finish"
}
