package cli

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/internal/watch"
)

// copyRealCourse copies the course of this checkout as shipped (not the tool's
// source, nor a learner's edits) into a temporary folder.
func copyRealCourse(tb testing.TB) string {
	tb.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(repo, "course.yaml")); err != nil {
		tb.Skip("no course in this checkout")
	}
	dst := tb.TempDir()
	if err := CopyShippedCourse(repo, dst); err != nil {
		tb.Fatal(err)
	}
	return dst
}

// keyLines counts the key lines a writer has seen: the loop draws one when a result
// is complete on the screen.
type keyLines struct {
	mu    sync.Mutex
	n     int
	tail  string
	ready chan struct{}
}

func (k *keyLines) Write(p []byte) (int, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	text := k.tail + string(p)
	if c := strings.Count(text, " · q quit\n"); c > 0 {
		k.n += c
		select {
		case k.ready <- struct{}{}:
		default:
		}
	}
	if len(text) > 32 {
		text = text[len(text)-32:]
	}
	k.tail = text
	return len(p), nil
}

// BenchmarkWatchSaveToResult measures what a learner waits for in gocourse watch:
// from saving the file of an exercise to the complete result on the screen, through
// fsnotify, the debounce and the grader. Saves alternate between the solution (a
// pass) and the starter (a fail), so that every save compiles anew, as an edit does;
// the build cache is warm. It reports the median, the fastest and the slowest.
//
// "course" saves a typical exercise of the course, 01-goroutines/say-hello (or
// $GOCOURSE_BENCH_EXERCISE), with every check its exercise.yaml names. "fixture"
// saves the test fixture's 01-basics/wait, whose checks are build and -race tests
// only: the real-runtime path, without a check under the simulator. Run it with
//
//	go test ./internal/cli -run '^$' -bench WatchSaveToResult -benchtime 10x
func BenchmarkWatchSaveToResult(b *testing.B) {
	b.Run("course", func(b *testing.B) {
		id := os.Getenv("GOCOURSE_BENCH_EXERCISE")
		if id == "" {
			id = "01-goroutines/say-hello"
		}
		benchSaves(b, copyRealCourse(b), id)
	})
	b.Run("fixture", func(b *testing.B) {
		benchSaves(b, unpackFixture(b), "01-basics/wait")
	})
}

// unpackFixture writes the CLI scripts' fixture course into a temporary folder.
func unpackFixture(tb testing.TB) string {
	tb.Helper()
	a, err := txtar.ParseFile("../../cmd/gocourse/testdata/fixture.txtar")
	if err != nil {
		tb.Skip(err)
	}
	root := tb.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return root
}

func benchSaves(b *testing.B, root, id string) {
	c, err := course.Load(root)
	if err != nil {
		b.Fatal(err)
	}
	st, _ := course.LoadState(root)
	st.Current = id
	ex, err := c.Exercise(id)
	if err != nil {
		b.Skip(err)
	}
	file := filepath.Join(root, filepath.FromSlash(ex.Path()), ex.Files[0])
	starterSrc, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	solutionSrc, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(ex.SolutionPath()), ex.Files[0]))
	if err != nil {
		b.Fatal(err)
	}
	n, err := watch.NewNotifier()
	if err != nil {
		b.Skip(err)
	}
	defer n.Close()
	screen := &keyLines{ready: make(chan struct{}, 1)}
	s := &watchSession{c: c, st: st, io: &IO{Out: screen, Err: screen}}
	keys := make(chan rune)
	loop := &watch.Loop{Session: s, Commands: s.commands(), Out: screen, Keys: keys, Events: n}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- loop.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()

	results := func() int {
		screen.mu.Lock()
		defer screen.mu.Unlock()
		return screen.n
	}
	// save writes src the way an editor does and waits for the result on screen.
	save := func(src []byte) time.Duration {
		before := results()
		start := time.Now()
		if err := writeAtomic(file, src); err != nil {
			b.Fatal(err)
		}
		deadline := time.After(2 * time.Minute)
		for results() == before {
			select {
			case <-screen.ready:
			case <-deadline:
				b.Fatal("no result within 2 minutes of a save")
			}
		}
		return time.Since(start)
	}
	// The first check, and one save of each kind, warm the build cache.
	for deadline := time.Now().Add(2 * time.Minute); results() == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatal("no first result")
		}
	}
	save(solutionSrc)
	save(starterSrc)

	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		src := solutionSrc
		if i%2 == 1 {
			src = starterSrc
		}
		times = append(times, save(src))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "ms-median")
	b.ReportMetric(float64(times[0].Milliseconds()), "ms-min")
	b.ReportMetric(float64(times[len(times)-1].Milliseconds()), "ms-max")
}
