// Package serve is the course in the browser: a local web server (bound to
// 127.0.0.1, every asset embedded) that shows every lesson, every exercise
// with its status, checks an exercise each time the learner saves one of its
// files in their own editor (the same file watch as the terminal's) and
// pushes the result to the page (server-sent events), and draws schedules:
// a failing check's, a lesson example's, or one the learner makes by hand.
package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/gocourse/gocourse/course"
	"github.com/gocourse/gocourse/grader"
	"github.com/gocourse/gocourse/grader/simrun"
	"github.com/gocourse/gocourse/internal/play"
	"github.com/gocourse/gocourse/internal/render"
	"github.com/gocourse/gocourse/internal/viewer"
	"github.com/gocourse/gocourse/internal/watch"
	"github.com/gocourse/gocourse/sim/harness"
	simtoken "github.com/gocourse/gocourse/sim/token"
)

//go:embed assets
var assets embed.FS

// Options configure a Server.
type Options struct {
	Course *course.Course
	State  *course.State
	// Check grades an exercise (grader.Check); the server records a pass in
	// State, as the terminal's check does.
	Check func(ctx context.Context, ex *course.Exercise) *grader.Result
	// Events reports saves of the watched exercise's files; nil checks on the
	// page's button only.
	Events watch.Events
	// Debounce is how long to wait after a save for more saves (150ms when 0).
	Debounce time.Duration
	// Log receives one line per problem the page cannot show (nil: discard).
	Log io.Writer
}

// Server serves the course. Create it with New, serve it with Serve.
type Server struct {
	opts Options
	c    *course.Course
	md   goldmark.Markdown
	tmpl *template.Template
	mux  *http.ServeMux

	mu       sync.Mutex
	watched  *course.Exercise
	cancel   context.CancelFunc // of the check in progress
	results  map[string]*grader.Result
	checking map[string]bool
	subs     map[chan []byte]bool
	plays    map[string]*play.Session
	traces   map[string]*simrun.Report // drawn runs, by program and token
	playKeys map[string]string         // play sessions by program
	rendered map[string]template.HTML  // lessons rendered, by name and text
	nplay    int
	ctx      context.Context
	stop     context.CancelFunc
	version  string // of the assets: their URLs carry it, so a browser keeps them
}

// New prepares a server for opts.Course.
func New(opts Options) (*Server, error) {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce == 0 {
		opts.Debounce = 150 * time.Millisecond
	}
	s := &Server{
		opts:     opts,
		c:        opts.Course,
		md:       goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAutoHeadingID())),
		results:  map[string]*grader.Result{},
		checking: map[string]bool{},
		subs:     map[chan []byte]bool{},
		plays:    map[string]*play.Session{},
		traces:   map[string]*simrun.Report{},
		playKeys: map[string]string{},
		rendered: map[string]template.HTML{},
	}
	s.ctx, s.stop = context.WithCancel(context.Background())
	h := sha256.New()
	h.Write(viewer.JS())
	h.Write(viewer.CSS())
	fs.WalkDir(assets, "assets", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(assets, p)
			h.Write(b)
		}
		return nil
	})
	s.version = hex.EncodeToString(h.Sum(nil))[:12]
	t, err := template.New("").Funcs(template.FuncMap{
		"done":  func(id string) bool { s.mu.Lock(); defer s.mu.Unlock(); return s.opts.State.IsDone(id) },
		"json":  func(v any) (template.JS, error) { b, err := json.Marshal(v); return template.JS(b), err },
		"inc":   func(i int) int { return i + 1 },
		"asset": func(name string) string { return "/assets/" + name + "?v=" + s.version },
	}).ParseFS(assets, "assets/*.html")
	if err != nil {
		return nil, fmt.Errorf("serve: templates: %w", err)
	}
	s.tmpl = t
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.index)
	m.HandleFunc("GET /lessons/{lesson}/{rest...}", s.lesson)
	m.HandleFunc("GET /exercises/{lesson}/{name}", s.exercise)
	m.HandleFunc("GET /trace", s.trace)
	m.HandleFunc("GET /play", s.playPage)
	m.HandleFunc("GET /events", s.events)
	m.HandleFunc("POST /api/check", s.apiCheck)
	m.HandleFunc("POST /api/hint", s.apiHint)
	m.HandleFunc("GET /api/solution", s.apiSolution)
	m.HandleFunc("POST /api/play", s.apiPlay)
	m.HandleFunc("GET /api/trace", s.apiTrace)
	m.HandleFunc("GET /assets/", s.asset)
	s.mux = m
	if opts.Events != nil {
		go s.watchLoop()
	}
	return s, nil
}

// Listen opens the server's port on 127.0.0.1 (port 0: any free one). The
// course is the learner's own: nothing else on the network may reach it.
func Listen(port int) (net.Listener, error) {
	return net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
}

// Serve serves on l until ctx ends.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		s.Close()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	err := srv.Serve(l)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Close ends the checks and schedules in progress and removes their files.
func (s *Server) Close() {
	s.stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, p := range s.plays {
		p.Close()
		delete(s.plays, id)
	}
	for ch := range s.subs {
		delete(s.subs, ch)
		close(ch)
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Pages are served to this machine only: refuse a page of another site
	// that points the learner's browser here (DNS rebinding).
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	if host != "127.0.0.1" && host != "localhost" {
		http.Error(w, "gocourse serve answers on 127.0.0.1 only", http.StatusForbidden)
		return
	}
	// A page of another site may send the learner's browser here: it may
	// not act (check, reveal a hint, run a program).
	if r.Method == http.MethodPost {
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
			http.Error(w, "a request from another site", http.StatusForbidden)
			return
		}
	}
	w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'")
	s.mux.ServeHTTP(w, r)
}

// ---- pages

type exerciseView struct {
	*course.Exercise
	Done bool
}

type lessonView struct {
	*course.Lesson
	Exercises []exerciseView
	Done      int
}

func (s *Server) lessonViews() ([]lessonView, int, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []lessonView
	done, total := 0, 0
	for _, l := range s.c.Lessons {
		lv := lessonView{Lesson: l}
		for _, ex := range l.Exercises {
			d := s.opts.State.IsDone(ex.ID)
			lv.Exercises = append(lv.Exercises, exerciseView{ex, d})
			if d {
				lv.Done++
				done++
			}
			total++
		}
		out = append(out, lv)
	}
	return out, done, total
}

func (s *Server) render(w http.ResponseWriter, name string, data map[string]any) {
	var b bytes.Buffer
	lessons, done, total := s.lessonViews()
	data["Course"] = s.c.Title
	data["Lessons"] = lessons
	data["DoneCount"], data["Total"] = done, total
	if err := s.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		fmt.Fprintf(s.opts.Log, "serve: %s: %v\n", name, err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b.Bytes())
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	var cur string
	s.mu.Lock()
	if ex := s.c.Current(s.opts.State); ex != nil {
		cur = ex.ID
	}
	s.mu.Unlock()
	s.render(w, "index.html", map[string]any{"Title": s.c.Title, "Current": cur})
}

// lesson serves /lessons/ID/ (the README, rendered) and the files beside it
// (pictures); only what is under lessons/ID, never a Go or hidden file.
func (s *Server) lesson(w http.ResponseWriter, r *http.Request) {
	l, err := s.c.Lesson(r.PathValue("lesson"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	rest := r.PathValue("rest")
	if rest != "" {
		clean := path.Clean("/" + rest)[1:]
		if strings.Contains(clean, "/.") || strings.HasPrefix(clean, ".") || !allowedAsset(clean) {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, filepath.Join(s.c.Root, "lessons", l.ID, filepath.FromSlash(clean)))
		return
	}
	src, err := os.ReadFile(filepath.Join(s.c.Root, filepath.FromSlash(l.Path())))
	if err != nil {
		http.Error(w, "the lesson's README is missing", http.StatusNotFound)
		return
	}
	body, err := s.markdown(l.Path(), src)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	s.render(w, "lesson.html", map[string]any{
		"Title":    l.Title,
		"Lesson":   l,
		"Body":     body,
		"Examples": s.examples(l),
	})
}

// markdown renders a lesson once per version of its text.
func (s *Server) markdown(name string, src []byte) (template.HTML, error) {
	sum := sha256.Sum256(src)
	key := name + "\x00" + hex.EncodeToString(sum[:])
	s.mu.Lock()
	h, ok := s.rendered[key]
	s.mu.Unlock()
	if ok {
		return h, nil
	}
	var b bytes.Buffer
	if err := s.md.Convert(src, &b); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	h = template.HTML(b.String())
	s.mu.Lock()
	s.rendered[key] = h
	s.mu.Unlock()
	return h, nil
}

var assetExt = []string{".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp", ".txt"}

func allowedAsset(p string) bool { return slices.Contains(assetExt, strings.ToLower(path.Ext(p))) }

type example struct{ Name, Dir string }

func (s *Server) examples(l *course.Lesson) []example {
	dirs, _ := filepath.Glob(filepath.Join(s.c.Root, "lessons", l.ID, "examples", "*"))
	var out []example
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			out = append(out, example{filepath.Base(d), path.Join("lessons", l.ID, "examples", filepath.Base(d))})
		}
	}
	return out
}

func (s *Server) exerciseOf(r *http.Request, id string) (*course.Exercise, error) {
	if id == "" {
		id = r.PathValue("lesson") + "/" + r.PathValue("name")
	}
	return s.c.Exercise(id)
}

func (s *Server) exercise(w http.ResponseWriter, r *http.Request) {
	ex, err := s.exerciseOf(r, "")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.setWatched(ex)
	section := s.section(ex)
	s.mu.Lock()
	res := s.results[ex.ID]
	checking := s.checking[ex.ID]
	seen := s.opts.State.Hints[ex.ID]
	s.mu.Unlock()
	var files []string
	for _, f := range ex.Files {
		files = append(files, filepath.Join(s.c.Root, filepath.FromSlash(ex.Path()), f))
	}
	s.render(w, "exercise.html", map[string]any{
		"Title":    ex.Title,
		"Ex":       ex,
		"Files":    files,
		"Section":  section,
		"Result":   resultView(ex, res),
		"Checking": checking,
		"Hints":    ex.Hints[:min(seen, len(ex.Hints))],
		"Watching": s.opts.Events != nil,
	})
}

// section renders the lesson section an exercise belongs to: from its "## "
// heading to the next one.
func (s *Server) section(ex *course.Exercise) template.HTML {
	src, err := os.ReadFile(filepath.Join(s.c.Root, filepath.FromSlash(ex.Lesson.Path())))
	if err != nil || ex.Section == "" {
		return ""
	}
	sec := render.Section(string(src), ex.Section)
	if sec == "" {
		return ""
	}
	var b bytes.Buffer
	if err := s.md.Convert([]byte(sec), &b); err != nil {
		return ""
	}
	// The section's pictures are relative to the lesson's folder.
	return template.HTML(relativeSrc.ReplaceAllString(b.String(), `src="/lessons/`+ex.Lesson.ID+`/$1"`))
}

// ---- checks

// result is what the page shows of a check.
type result struct {
	ID     string        `json:"id"`
	Status string        `json:"status"`
	Checks []checkResult `json:"checks"`
	Done   bool          `json:"done"`
	Score  string        `json:"score"`
}

type checkResult struct {
	grader.CheckResult
	Trace string `json:"trace,omitempty"` // the page of its failing schedule
	Play  string `json:"play,omitempty"`  // the page to play it by hand
}

func resultView(ex *course.Exercise, res *grader.Result) *result {
	if res == nil {
		return nil
	}
	v := &result{ID: ex.ID, Status: string(res.Status), Score: fmt.Sprintf("%g/%g", res.Score, res.MaxScore)}
	for _, c := range res.Checks {
		cr := checkResult{CheckResult: c}
		if c.Replay != "" && c.Status != grader.Pass {
			cr.Trace = "/trace?" + url.Values{"dir": {ex.Path()}, "replay": {c.Replay}}.Encode()
			q := url.Values{"dir": {ex.Path()}}
			if name, _ := simtoken.Parse(c.Replay); name != "" {
				q.Set("run", name)
			}
			if strings.Contains(c.Replay, "c1.") {
				q.Set("replay", c.Replay) // start from the failing schedule
			}
			cr.Play = "/play?" + q.Encode()
		}
		v.Checks = append(v.Checks, cr)
	}
	return v
}

func (s *Server) setWatched(ex *course.Exercise) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.watched == ex {
		return
	}
	s.watched = ex
	if s.opts.Events != nil {
		if err := s.opts.Events.Watch(filepath.Join(s.c.Root, filepath.FromSlash(ex.Path()))); err != nil {
			fmt.Fprintf(s.opts.Log, "serve: watching %s: %v\n", ex.ID, err)
		}
	}
}

// watchLoop checks the watched exercise after each save of one of its files,
// once the saves have settled (editors write a file in several steps).
func (s *Server) watchLoop() {
	var timer <-chan time.Time
	for {
		select {
		case <-s.ctx.Done():
			return
		case name, ok := <-s.opts.Events.Changes():
			if !ok {
				return
			}
			s.mu.Lock()
			ex := s.watched
			s.mu.Unlock()
			if ex != nil && slices.Contains(ex.Files, name) {
				timer = time.After(s.opts.Debounce)
			}
		case <-timer:
			timer = nil
			s.mu.Lock()
			ex := s.watched
			s.mu.Unlock()
			if ex != nil {
				s.startCheck(ex)
			}
		}
	}
}

// startCheck checks ex in the background; a newer check of the same
// exercise cancels it. Its start and result go to every open page.
func (s *Server) startCheck(ex *course.Exercise) {
	s.mu.Lock()
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(s.ctx)
	s.cancel = cancel
	s.checking[ex.ID] = true
	s.mu.Unlock()
	s.broadcast(map[string]any{"type": "checking", "id": ex.ID})
	go func() {
		defer cancel()
		res := s.opts.Check(ctx, ex)
		if ctx.Err() != nil {
			return // a newer save: its check reports
		}
		s.mu.Lock()
		s.results[ex.ID] = res
		delete(s.checking, ex.ID)
		if res.Status == grader.Pass && !s.opts.State.IsDone(ex.ID) {
			s.opts.State.MarkDone(ex.ID)
			if err := s.opts.State.Save(); err != nil {
				fmt.Fprintf(s.opts.Log, "serve: saving progress: %v\n", err)
			}
		}
		done := s.opts.State.IsDone(ex.ID)
		s.mu.Unlock()
		v := resultView(ex, res)
		v.Done = done
		_, dn, total := s.lessonViews()
		s.broadcast(map[string]any{"type": "result", "id": ex.ID, "result": v, "progress": []int{dn, total}})
	}()
}

func (s *Server) broadcast(msg any) {
	b, err := json.Marshal(msg)
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- b:
		default: // a page that does not read loses a message, not the server
		}
	}
}

// events streams checks' starts and results to a page (server-sent events).
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan []byte, 16)
	s.mu.Lock()
	s.subs[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.subs[ch] {
			delete(s.subs, ch)
		}
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	fmt.Fprint(w, ": connected\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case b, ok := <-ch:
			if !ok {
				return
			}
			fmt.Fprintf(w, "data: %s\n\n", b)
			fl.Flush()
		}
	}
}

func (s *Server) apiCheck(w http.ResponseWriter, r *http.Request) {
	ex, err := s.exerciseOf(r, r.FormValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	s.setWatched(ex)
	s.startCheck(ex)
	w.WriteHeader(http.StatusAccepted)
}

// apiHint reveals one more hint, as gocourse hint does, and returns those seen.
func (s *Server) apiHint(w http.ResponseWriter, r *http.Request) {
	ex, err := s.exerciseOf(r, r.FormValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	s.mu.Lock()
	st := s.opts.State
	seen := min(st.Hints[ex.ID]+1, len(ex.Hints))
	if seen != st.Hints[ex.ID] {
		st.Hints[ex.ID] = seen
		if err := st.Save(); err != nil {
			fmt.Fprintf(s.opts.Log, "serve: saving progress: %v\n", err)
		}
	}
	s.mu.Unlock()
	writeJSON(w, map[string]any{"hints": ex.Hints[:seen], "total": len(ex.Hints)})
}

// apiSolution returns the reference solution's files, once the exercise has
// passed, as gocourse solution does.
func (s *Server) apiSolution(w http.ResponseWriter, r *http.Request) {
	ex, err := s.exerciseOf(r, r.FormValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	s.mu.Lock()
	done := s.opts.State.IsDone(ex.ID)
	s.mu.Unlock()
	if !done {
		http.Error(w, ex.ID+" has not passed yet: its solution opens once it does", http.StatusForbidden)
		return
	}
	files := map[string]string{}
	for _, f := range ex.Files {
		b, err := os.ReadFile(filepath.Join(s.c.Root, filepath.FromSlash(ex.SolutionPath()), f))
		if err != nil {
			http.Error(w, ex.SolutionPath()+"/"+f+": the reference solution is missing", http.StatusNotFound)
			return
		}
		files[f] = string(b)
	}
	writeJSON(w, map[string]any{"files": files})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// ---- schedules

// programDir resolves a folder of the course given by a page: a lesson's
// example or an exercise, nothing else.
func (s *Server) programDir(rel string) (string, error) {
	clean := path.Clean("/" + rel)[1:]
	if !strings.HasPrefix(clean, "lessons/") && !strings.HasPrefix(clean, "exercises/") {
		return "", fmt.Errorf("%s: not a lesson example or an exercise", rel)
	}
	dir := filepath.Join(s.c.Root, filepath.FromSlash(clean))
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return "", fmt.Errorf("%s: no such folder", rel)
	}
	return dir, nil
}

// relativeSrc matches a relative src attribute: no scheme, not from the root.
var relativeSrc = regexp.MustCompile(`src="([^"/:][^":]*)"`)

var testName = regexp.MustCompile(`^Test\w*$`)

// trace draws one run: the schedule a token names (a failing check's), or
// the run that preempts nobody.
func (s *Server) trace(w http.ResponseWriter, r *http.Request) {
	d, cached, err := s.traceData(r, false)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if !cached {
		// The program is built and run after the page is up: the page asks
		// /api/trace and draws what it gets.
		s.render(w, "viewer.html", map[string]any{"Title": "Schedule of " + r.FormValue("dir"), "Pending": "/api/trace?" + r.URL.RawQuery, "Viewer": true})
		return
	}
	s.render(w, "viewer.html", map[string]any{"Title": d.Title, "Data": d, "Viewer": true})
}

// apiTrace builds and runs the program of a schedule page, and gives the
// page's data.
func (s *Server) apiTrace(w http.ResponseWriter, r *http.Request) {
	d, _, err := s.traceData(r, true)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	writeJSON(w, d)
}

// traceData is the viewer's data of one run: the schedule a token names (a
// failing check's), or the run that preempts nobody. A run is a function of
// the program and the token: it is kept until a file of the program
// changes. Without run, only a kept one is returned (cached false when there
// is none).
func (s *Server) traceData(r *http.Request, run bool) (viewer.Data, bool, error) {
	rel := r.FormValue("dir")
	dir, err := s.programDir(rel)
	if err != nil {
		return viewer.Data{}, false, err
	}
	h := harness.Config{Mode: "run", Replay: r.FormValue("replay"), MaxSteps: 100_000, Seed: 1}
	if name := r.FormValue("run"); testName.MatchString(name) {
		h.Run = "^" + name + "$"
	}
	// A race check's schedule is a race only to the race detector: an
	// exercise whose sim check has race: true is drawn with it.
	race := s.playRace(rel, r.FormValue("race") == "1")
	key := fmt.Sprintf("%s\x00%s\x00%s\x00%t\x00%s", dir, h.Replay, h.Run, race, sourceStamp(dir))
	s.mu.Lock()
	rep := s.traces[key]
	s.mu.Unlock()
	if rep == nil {
		if !run {
			return viewer.Data{}, false, nil
		}
		if rep, err = simrun.Run(r.Context(), simrun.Config{Dir: dir, Harness: h, Timeout: 2 * time.Minute, Race: race}); err != nil {
			return viewer.Data{}, false, err
		}
		if rep.Result == nil {
			return viewer.Data{}, false, fmt.Errorf("the run produced no trace")
		}
		s.mu.Lock()
		s.traces[key] = rep
		s.mu.Unlock()
	}
	title := rel
	if rep.Target != "" && rep.Target != "main" {
		title += " " + rep.Target
	}
	title += " — " + rep.Result.Outcome.String()
	if rep.Replay != "" {
		title += " (" + rep.Replay + ")"
	}
	d := viewer.FromResult(title, dir, rep.Result, rep.Replay)
	d.Target = rel
	return d, true, nil
}

// sourceStamp names the state of a package's Go files: their names, sizes
// and modification times.
func sourceStamp(dir string) string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var b strings.Builder
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			fmt.Fprintf(&b, "%s:%d:%d;", filepath.Base(f), st.Size(), st.ModTime().UnixNano())
		}
	}
	return b.String()
}

// playPage is be the scheduler's page; the script asks /api/play for each step.
func (s *Server) playPage(w http.ResponseWriter, r *http.Request) {
	rel := r.FormValue("dir")
	if _, err := s.programDir(rel); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	run := r.FormValue("run")
	if run != "" && !testName.MatchString(run) {
		http.Error(w, "run: not a test name", http.StatusBadRequest)
		return
	}
	s.render(w, "viewer.html", map[string]any{"Title": "Be the scheduler: " + rel, "Play": true, "Viewer": true, "Dir": rel, "Run": run, "Replay": r.FormValue("replay"), "Race": s.playRace(rel, r.FormValue("race") == "1")})
}

// playRequest is a step of a schedule made by hand.
type playRequest struct {
	Session string `json:"session"` // "" starts one (builds the program)
	Dir     string `json:"dir"`
	Run     string `json:"run"`
	Picks   []int  `json:"picks"`
	Random  bool   `json:"random"` // let the random strategy pick the rest
	Finish  bool   `json:"finish"` // the rest preempts nobody: play on to the end
	Seed    uint64 `json:"seed"`
	// Replay, on a session's first step, is a c1 token whose schedule the
	// picks follow (a failing check's): the learner starts at its end and
	// can undo back through it.
	Replay string `json:"replay"`
	// Race builds the program with -race, so that a schedule that races
	// ends as the race (an exercise whose sim check has race: true always
	// is).
	Race bool `json:"race"`
}

// playRace says whether a program played by hand checks data races: when
// the page asks, and always for an exercise whose sim check does, so that
// the race that check found can be reached by hand.
func (s *Server) playRace(rel string, asked bool) bool {
	if asked {
		return true
	}
	id, ok := strings.CutPrefix(path.Clean("/" + rel)[1:], "exercises/")
	if !ok {
		return false
	}
	ex, err := s.c.Exercise(id)
	if err != nil {
		return false
	}
	return grader.SimRace(ex)
}

func (s *Server) apiPlay(w http.ResponseWriter, r *http.Request) {
	var req playRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil {
		http.Error(w, "bad request: "+err.Error(), http.StatusBadRequest)
		return
	}
	dir, err := s.programDir(req.Dir)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	p := s.plays[req.Session]
	s.mu.Unlock()
	if p == nil && req.Replay != "" && req.Picks == nil {
		picks, test, err := play.TokenPicks(req.Replay)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		req.Picks, req.Finish = picks, true
		if req.Run == "" {
			req.Run = test
		}
	}
	if p == nil {
		if req.Run != "" && !testName.MatchString(req.Run) {
			http.Error(w, "run: not a test name", http.StatusBadRequest)
			return
		}
		// A program built before, unchanged since, is played again without
		// a new build.
		race := s.playRace(req.Dir, req.Race)
		key := fmt.Sprintf("%s\x00%s\x00%t\x00%s", dir, req.Run, race, sourceStamp(dir))
		s.mu.Lock()
		req.Session = s.playKeys[key]
		p = s.plays[req.Session]
		s.mu.Unlock()
		if p == nil {
			if p, err = play.Start(s.ctx, dir, play.Options{Test: req.Run, Race: race}); err != nil {
				http.Error(w, err.Error(), http.StatusUnprocessableEntity)
				return
			}
			s.mu.Lock()
			s.nplay++
			req.Session = strconv.Itoa(s.nplay)
			s.plays[req.Session] = p
			s.playKeys[key] = req.Session
			s.mu.Unlock()
		}
	}
	step, err := p.Step(r.Context(), req.Picks, req.Random, req.Seed)
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	if req.Random || req.Finish {
		// The strategy, or the default, took every decision after the
		// picks: the run is over, there is nothing left to decide.
		step.Next = nil
	}
	title := req.Dir
	if p.Target() != "main" {
		title += " " + p.Target()
	}
	d := viewer.FromResult(title, dir, step.Result, step.Token)
	d.Target = req.Dir
	d.Play = &viewer.Play{Picks: step.Picks, Point: step.Next, Token: step.Token, Target: req.Dir, Outcome: step.Result.Outcome.String(), Message: step.Result.Message, Race: p.Race()}
	if step.Next != nil {
		// The run goes on past the decision with defaults; until the
		// learner decides, the outcome is not theirs to see.
		d.Outcome, d.Message = "", ""
		d.Play.Outcome, d.Play.Message = "", ""
		d.Blocked = nil
	}
	writeJSON(w, map[string]any{"session": req.Session, "tests": p.Tests(), "data": d})
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/assets/")
	var b []byte
	switch name {
	case "viewer.js":
		b = viewer.JS()
	case "viewer.css":
		b = viewer.CSS()
	default:
		var err error
		if b, err = fs.ReadFile(assets, "assets/"+name); err != nil || strings.HasSuffix(name, ".html") {
			http.NotFound(w, r)
			return
		}
	}
	switch path.Ext(name) {
	case ".js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	case ".css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
	}
	if r.URL.Query().Get("v") == s.version {
		// The URL names this content: the browser need not ask again.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.Write(b)
}
