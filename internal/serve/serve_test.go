package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
	"github.com/gocourse/gocourse/sim"
)

// fakeEvents is a file watch driven by the test.
type fakeEvents struct {
	mu      sync.Mutex
	dir     string
	changes chan string
}

func (f *fakeEvents) Watch(dir string) error { f.mu.Lock(); f.dir = dir; f.mu.Unlock(); return nil }
func (f *fakeEvents) Changes() <-chan string { return f.changes }

// newTestServer serves this checkout's course with a progress file of its
// own; check stands for the grader.
func newTestServer(t *testing.T, check func(ex *course.Exercise) *grader.Result) (*Server, *fakeEvents, *httptest.Server) {
	t.Helper()
	c, err := course.Load("../..")
	if err != nil {
		t.Skip("no course in this checkout")
	}
	st, _ := course.LoadState(t.TempDir())
	ev := &fakeEvents{changes: make(chan string)}
	s, err := New(Options{Course: c, State: st, Events: ev, Debounce: time.Millisecond,
		Check: func(ctx context.Context, ex *course.Exercise) *grader.Result { return check(ex) }})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() { ts.Close(); s.Close() })
	return s, ev, ts
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	sc := bufio.NewScanner(res.Body)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		b.WriteString(sc.Text() + "\n")
	}
	return res.StatusCode, b.String()
}

// TestPagesAndLimits: every lesson and exercise page renders; the server
// shows nothing outside the course's lessons and exercises, and no solution
// before a pass.
func TestPagesAndLimits(t *testing.T) {
	s, _, ts := newTestServer(t, func(*course.Exercise) *grader.Result { return &grader.Result{Status: grader.Fail} })
	for _, l := range s.c.Lessons {
		if code, body := get(t, ts.URL+"/lessons/"+l.ID+"/"); code != 200 || !strings.Contains(body, "<h1") {
			t.Errorf("lesson %s: %d", l.ID, code)
		}
		for _, ex := range l.Exercises {
			if code, body := get(t, ts.URL+"/exercises/"+ex.ID); code != 200 || !strings.Contains(body, `data-exercise="`+ex.ID+`"`) {
				t.Errorf("exercise %s: %d", ex.ID, code)
			}
		}
	}
	ex := s.c.Exercises()[0]
	for url, want := range map[string]int{
		"/lessons/" + ex.Lesson.ID + "/../../go.mod":                404,
		"/lessons/" + ex.Lesson.ID + "/examples/x/main.go":          404,
		"/trace?dir=../../etc":                                      400,
		"/trace?dir=grader":                                         400,
		"/play?dir=sim":                                             400,
		"/api/solution?id=" + ex.ID:                                 403,
		"/exercises/" + ex.Lesson.ID + "/no-such-exercise":          404,
		"/assets/layout.html":                                       404,
		"/play?dir=exercises/" + ex.ID + "&run=Test%22%3E%3Cscript": 400,
	} {
		if code, _ := get(t, ts.URL+url); code != want {
			t.Errorf("GET %s: %d, want %d", url, code, want)
		}
	}
	req, _ := http.NewRequest("GET", ts.URL+"/", nil)
	req.Host = "attacker.example:80"
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("a request for another host: %d, want 403", res.StatusCode)
	}
	req, _ = http.NewRequest("POST", ts.URL+"/api/hint?id="+ex.ID, nil)
	req.Header.Set("Origin", "http://attacker.example")
	if res, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || s.opts.State.Hints[ex.ID] != 0 {
		t.Errorf("a hint asked by another site: %d, %d hints seen; want 403 and none", res.StatusCode, s.opts.State.Hints[ex.ID])
	}
}

// TestScriptsWherePagesUseThem: the viewer's script is loaded by the pages
// that draw a schedule and by no other (each page would parse it for
// nothing); every page applies the saved light or dark choice in its head,
// before it is drawn.
func TestScriptsWherePagesUseThem(t *testing.T) {
	s, _, ts := newTestServer(t, func(*course.Exercise) *grader.Result { return &grader.Result{Status: grader.Fail} })
	ex := s.c.Exercises()[0]
	for url, viewer := range map[string]bool{
		"/":                              false,
		"/lessons/" + ex.Lesson.ID + "/": false,
		"/exercises/" + ex.ID:            false,
		"/play?dir=exercises/" + ex.ID:   true,
		"/trace?dir=exercises/" + ex.ID:  true,
	} {
		code, body := get(t, ts.URL+url)
		if code != 200 {
			t.Fatalf("GET %s: %d", url, code)
		}
		if got := strings.Contains(body, "/assets/viewer.js"); got != viewer {
			t.Errorf("GET %s loads viewer.js: %v, want %v", url, got, viewer)
		}
		head, _, _ := strings.Cut(body, "</head>")
		if !strings.Contains(head, `localStorage.getItem("gocourse-theme")`) {
			t.Errorf("GET %s: the saved theme is not applied in the head", url)
		}
	}
}

// TestSaveChecksAndStreams: a save of the watched exercise's file checks it
// and streams the result to an open page; a save of another file does not.
func TestSaveChecksAndStreams(t *testing.T) {
	var mu sync.Mutex
	checked := 0
	s, ev, ts := newTestServer(t, func(ex *course.Exercise) *grader.Result {
		mu.Lock()
		checked++
		mu.Unlock()
		return &grader.Result{ID: ex.ID, Status: grader.Pass, Checks: []grader.CheckResult{{Name: "test", Status: grader.Pass}}}
	})
	ex := s.c.Exercises()[0]
	if code, _ := get(t, ts.URL+"/exercises/"+ex.ID); code != 200 {
		t.Fatal(code)
	}
	ev.mu.Lock()
	dir := ev.dir
	ev.mu.Unlock()
	if want := filepath.Join(s.c.Root, filepath.FromSlash(ex.Path())); dir != want {
		t.Fatalf("watching %q, want %q", dir, want)
	}
	res, err := http.Get(ts.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	lines := bufio.NewScanner(res.Body)
	lines.Scan() // ": connected"
	ev.changes <- "notes.txt"
	ev.changes <- ex.Files[0]
	var got []string
	for len(got) < 2 && lines.Scan() {
		if l := lines.Text(); strings.HasPrefix(l, "data: ") {
			got = append(got, l)
		}
	}
	if len(got) != 2 || !strings.Contains(got[0], `"type":"checking"`) || !strings.Contains(got[1], `"type":"result"`) || !strings.Contains(got[1], `"done":true`) {
		t.Fatalf("events %q, want checking then a passing result", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if checked != 1 {
		t.Fatalf("%d checks, want 1 (the other file's save checks nothing)", checked)
	}
	if !s.opts.State.IsDone(ex.ID) {
		t.Fatal("the pass is not recorded")
	}
}

// TestPlayReachesTheRace: an exercise whose sim check has race: true is
// played with the race detector, so a schedule made by hand on its racing
// starter ends as the data race that check reports; a lesson's example is
// played without it unless the page asks.
func TestPlayReachesTheRace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an exercise with -race")
	}
	s, _, ts := newTestServer(t, func(*course.Exercise) *grader.Result { return &grader.Result{Status: grader.Fail} })
	const dir = "exercises/02-concurrency-vs-parallelism/parallel-sum"
	for rel, want := range map[string]bool{dir: true, "exercises/01-goroutines/say-hello": false, "lessons/19-mutexes/examples/race": false} {
		if got := s.playRace(rel, false); got != want {
			t.Errorf("playRace(%s) = %v, want %v", rel, got, want)
		}
	}
	if !s.playRace("lessons/19-mutexes/examples/race", true) {
		t.Error("a page's race request is not honoured")
	}
	type reply struct {
		Session string `json:"session"`
		Data    struct {
			Play struct {
				Picks   []int          `json:"picks"`
				Point   *sim.PlayPoint `json:"point"`
				Outcome string         `json:"outcome"`
				Message string         `json:"message"`
				Race    bool           `json:"race"`
				Token   string         `json:"token"`
			} `json:"play"`
		} `json:"data"`
	}
	post := func(req map[string]any) reply {
		t.Helper()
		b, _ := json.Marshal(req)
		res, err := http.Post(ts.URL+"/api/play", "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.StatusCode != 200 {
			msg, _ := io.ReadAll(res.Body)
			t.Fatalf("play %v: %d %s", req, res.StatusCode, msg)
		}
		var r reply
		if err := json.NewDecoder(res.Body).Decode(&r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	// By hand: the goroutine started last runs whenever there is a choice.
	session, picks := "", []int{}
	var r reply
	for range 200 {
		r = post(map[string]any{"session": session, "dir": dir, "picks": picks})
		session = r.Session
		if r.Data.Play.Point == nil {
			break
		}
		picks = append(picks, len(r.Data.Play.Point.Runnable)-1)
	}
	if r.Data.Play.Point != nil {
		t.Fatal("no end after 200 picks")
	}
	t.Logf("after %d picks: %s", len(picks), r.Data.Play.Message)
	if !r.Data.Play.Race || r.Data.Play.Outcome != "race" || !strings.Contains(r.Data.Play.Message, "sum.go:") {
		t.Fatalf("after %d picks: race %v, %s: %s; want the data race in sum.go", len(picks), r.Data.Play.Race, r.Data.Play.Outcome, r.Data.Play.Message)
	}
	// The schedule page of that token (a race check's failing schedule)
	// draws the same race.
	code, body := get(t, ts.URL+"/api/trace?"+url.Values{"dir": {dir}, "replay": {r.Data.Play.Token}}.Encode())
	var d struct {
		Outcome string `json:"outcome"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(body), &d); code != 200 || err != nil || d.Outcome != "race" {
		t.Fatalf("the schedule page of %s: %d %v, outcome %q %s; want the race", r.Data.Play.Token, code, err, d.Outcome, d.Message)
	}
}

// BenchmarkPages measures the server's part of a page load: the handler,
// from request to the last byte written, without network or browser.
func BenchmarkPages(b *testing.B) {
	c, err := course.Load("../..")
	if err != nil {
		b.Skip("no course in this checkout")
	}
	st, _ := course.LoadState(b.TempDir())
	s, err := New(Options{Course: c, State: st, Check: func(context.Context, *course.Exercise) *grader.Result { return nil }})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ex := c.Exercises()[0]
	for _, p := range []struct{ name, path string }{
		{"course", "/"},
		{"lesson", "/lessons/" + ex.Lesson.ID + "/"},
		{"exercise", "/exercises/" + ex.ID},
		{"viewer.js", "/assets/viewer.js?v=" + s.version},
	} {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				w := httptest.NewRecorder()
				r := httptest.NewRequest("GET", p.path, nil)
				r.Host = "127.0.0.1:1"
				s.ServeHTTP(w, r)
				if w.Code != 200 {
					b.Fatalf("%s: %d", p.path, w.Code)
				}
			}
		})
	}
}
