package serve_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser test drives `gocourse serve` with headless Chromium, as a
// learner would: GOCOURSE_CHROMIUM names the browser (default: chromium on
// the PATH); without one the test is skipped, unless GOCOURSE_BROWSER_TEST=1
// (test.sh) says it must run. Screenshots go to GOCOURSE_SCREENSHOTS
// (default: gocourse-screenshots in the temporary folder).

// browserEnv is a served copy of the course and a browser looking at it.
type browserEnv struct {
	repo   string // this checkout
	course string // the copy being served
	bin    string // the gocourse binary
	url    string // the server's, with a trailing slash
	ctx    context.Context
	shots  string
}

func chromium(tb testing.TB) string {
	if p := os.Getenv("GOCOURSE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("GOCOURSE_BROWSER_TEST") == "1" {
		tb.Fatal("no Chromium: install it (apt-get install chromium) or set GOCOURSE_CHROMIUM")
	}
	tb.Skip("no Chromium on this machine (GOCOURSE_BROWSER_TEST=1 makes this a failure)")
	return ""
}

func startBrowser(tb testing.TB) *browserEnv {
	tb.Helper()
	browser := chromium(tb)
	e := startServer(tb)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(filepath.Join(tb.TempDir(), "chromium")),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	tb.Cleanup(func() { cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatalf("starting %s: %v", browser, err)
	}
	e.ctx = ctx
	return e
}

// startServer builds gocourse, and serves a copy of this checkout's course
// with it, for a browser to look at.
func startServer(tb testing.TB) *browserEnv {
	tb.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		tb.Fatal(err)
	}
	e := &browserEnv{repo: repo}
	tmp := tb.TempDir()
	e.bin = filepath.Join(tmp, "gocourse")
	build := exec.Command("go", "build", "-o", e.bin, "./cmd/gocourse")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		tb.Fatalf("building gocourse: %v\n%s", err, out)
	}
	e.course = copyCourse(tb, repo)
	// A program whose deadlock only some schedules reach, to reach by hand.
	example := filepath.Join(e.course, "lessons", "25-leaks-and-deadlocks", "examples", "lockorder")
	if err := os.CopyFS(example, os.DirFS("testdata/lockorder")); err != nil {
		tb.Fatal(err)
	}

	cmd := exec.Command(e.bin, "serve", "--course", e.course)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		tb.Fatalf("serve printed no URL: %v", err)
	}
	e.url = strings.TrimSpace(line)
	if !strings.HasPrefix(e.url, "http://127.0.0.1:") || !strings.HasSuffix(e.url, "/") {
		tb.Fatalf("first line %q: want the URL on 127.0.0.1", line)
	}
	go func() { // keep the pipe drained
		for s := bufio.NewScanner(out); s.Scan(); {
		}
	}()

	e.shots = os.Getenv("GOCOURSE_SCREENSHOTS")
	if e.shots == "" {
		e.shots = filepath.Join(os.TempDir(), "gocourse-screenshots")
	}
	if err := os.MkdirAll(e.shots, 0o755); err != nil {
		tb.Fatal(err)
	}
	return e
}

// copyCourse copies the course of this checkout into a temporary folder and
// points the workbook's replace directive back at the checkout.
func copyCourse(tb testing.TB, repo string) string {
	dst := tb.TempDir()
	for _, name := range []string{"lessons", "exercises", "solutions"} {
		if err := os.CopyFS(filepath.Join(dst, name), os.DirFS(filepath.Join(repo, name))); err != nil {
			tb.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(repo, "course.yaml"))
	if err != nil {
		tb.Skip("no course in this checkout")
	}
	os.WriteFile(filepath.Join(dst, "course.yaml"), data, 0o644)
	gomod := filepath.Join(dst, "exercises", "go.mod")
	data, err = os.ReadFile(gomod)
	if err != nil {
		tb.Fatal(err)
	}
	os.WriteFile(gomod, []byte(strings.ReplaceAll(string(data), "=> ../", "=> "+repo+"/")), 0o644)
	filepath.WalkDir(dst, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Chmod(p, 0o644)
		}
		return nil
	})
	return dst
}

func (e *browserEnv) run(tb testing.TB, what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	if err := chromedp.Do(e.ctx, actions...); err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](tb testing.TB, e *browserEnv, expr string) T {
	tb.Helper()
	v, err := chromedp.Run(e.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.Fatalf("%s: %v", expr, err)
	}
	return v
}

// shot writes a screenshot of the whole page to the screenshots folder,
// after checking that nothing sticks out sideways: the page fits the window.
func (e *browserEnv) shot(tb testing.TB, name string) {
	tb.Helper()
	if w := eval[string](tb, e, `(() => {
		const d = document.documentElement;
		return d.scrollWidth > d.clientWidth + 1 ? d.scrollWidth + " > " + d.clientWidth : "";
	})()`); w != "" {
		tb.Errorf("%s: the page is wider than the window (%s)", name, w)
	}
	png, err := chromedp.Run(e.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(e.shots, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("screenshot: %s", path)
}

// waitJS waits until the expression is true.
func (e *browserEnv) waitJS(tb testing.TB, what, expr string, timeout time.Duration) {
	tb.Helper()
	if _, err := chromedp.Run(e.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

func (e *browserEnv) text(tb testing.TB, sel string) string {
	tb.Helper()
	s, err := chromedp.Run(e.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		tb.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// TestBrowser: open the course, open an exercise, check its starter and see
// it fail, open the failing check's schedule and step it, save a solution in
// the exercise's file and see the pass appear without a reload, then play a
// schedule by hand to a deadlock and replay its token with gocourse replay,
// and play a racing exercise by hand to its data race.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and checks a real exercise")
	}
	e := startBrowser(t)
	const id = "01-goroutines/say-hello"

	e.run(t, "open the course", chromedp.Navigate(e.url), chromedp.WaitVisible(chromedp.CSS(".lessons")))
	// The keyboard reaches the content: the first Tab is the skip link.
	e.run(t, "tab", chromedp.KeyEvent(kb.Tab))
	if got := eval[string](t, e, `document.activeElement.textContent`); got != "Skip to the content" {
		t.Fatalf("the first Tab focuses %q, want the skip link", got)
	}
	e.shot(t, "01-course")
	// Light and dark follow the system's preference.
	e.lightDark(t, "01-course")

	e.run(t, "open an exercise",
		chromedp.Click(chromedp.CSS(`a[data-ex="`+id+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("#check")))
	if got := e.text(t, "#status"); got != "to do" {
		t.Fatalf("the starter's status is %q, want to do", got)
	}
	e.shot(t, "02-exercise")
	e.lightDark(t, "02-exercise")

	// The starter fails: its sim check names the schedule that broke it.
	e.run(t, "check the starter", chromedp.KeyEvent("c"))
	e.waitJS(t, "the starter's result", `(document.querySelector('#verdict')||{}).textContent === 'fail'`, 4*time.Minute)
	link, err := chromedp.Run(e.ctx, chromedp.AttributeValue(chromedp.CSS("a.see-schedule"), "href"))
	href := link.Value
	if err != nil || !strings.Contains(href, "replay=") {
		t.Fatalf("no link to the failing schedule (%q)", href)
	}
	e.shot(t, "03-check-fails")

	// The failing schedule, stepped with the keyboard.
	e.run(t, "open the failing schedule", chromedp.Navigate(e.url+strings.TrimPrefix(href, "/")),
		chromedp.WaitVisible(chromedp.CSS(".gcv .stepn")))
	total := stepTotal(t, e.text(t, ".gcv .stepn"))
	if total < 5 {
		t.Fatalf("the schedule has %d events", total)
	}
	if oc := e.text(t, ".gcv .outcome"); !strings.HasPrefix(oc, "fail") {
		t.Fatalf("the schedule's outcome is %q, want the check's fail", oc)
	}
	e.run(t, "step to the start", chromedp.KeyEvent(kb.Home))
	if got := e.text(t, ".gcv .stepn"); got != fmt.Sprintf("0 / %d", total) {
		t.Fatalf("after Home: %q", got)
	}
	for range 4 {
		e.run(t, "step on", chromedp.KeyEvent(kb.ArrowRight))
	}
	e.run(t, "step back", chromedp.KeyEvent(kb.ArrowLeft))
	if got := e.text(t, ".gcv .stepn"); got != fmt.Sprintf("3 / %d", total) {
		t.Fatalf("after 4 steps on and 1 back: %q", got)
	}
	if eval[int](t, e, `document.querySelectorAll('.gcv .lane').length`) == 0 {
		t.Fatal("no goroutine lane after 3 events")
	}
	e.shot(t, "04-failing-schedule")
	e.lightDark(t, "04-failing-schedule")
	// The key t chooses against the system's preference, and keeps the
	// choice.
	e.run(t, "dark", chromedp.KeyEvent("t"))
	if lum := e.luminance(t, "backgroundColor"); lum > 0.3 {
		t.Fatalf("after t, the background has luminance %.2f, want dark", lum)
	}
	// The browser's own parts (scrollbars, controls) follow the choice.
	if cs := eval[string](t, e, `getComputedStyle(document.documentElement).colorScheme`); cs != "dark" {
		t.Fatalf("after t, color-scheme is %q, want dark", cs)
	}
	e.shot(t, "05-failing-schedule-dark")
	e.run(t, "light", chromedp.KeyEvent("t"))

	// Be the scheduler from the failing schedule: the page starts at its
	// end, the check's failure; one pick back, the decision is open again.
	e.run(t, "back to the exercise", chromedp.Navigate(e.url+"exercises/"+id), chromedp.WaitVisible(chromedp.CSS("a.play-it")))
	play, err := chromedp.Run(e.ctx, chromedp.AttributeValue(chromedp.CSS("a.play-it"), "href"))
	if err != nil || !strings.Contains(play.Value, "replay=") {
		t.Fatalf("no link to play the failing schedule (%q): %v", play.Value, err)
	}
	e.run(t, "play the failing schedule", chromedp.Navigate(e.url+strings.TrimPrefix(play.Value, "/")))
	e.waitJS(t, "the failing schedule's end", `document.getElementById('gc-viewer').dataset.outcome === 'fail'`, 3*time.Minute)
	followed := mustAtoi(t, eval[string](t, e, `document.getElementById('gc-viewer').dataset.step`))
	e.run(t, "undo", chromedp.KeyEvent("u"))
	e.waitJS(t, "a decision of the failing schedule", fmt.Sprintf(`document.getElementById('gc-viewer').dataset.step === '%d' && !!document.querySelector('.pick [data-pick]')`, followed-1), time.Minute)
	e.shot(t, "06-play-the-failing-schedule")

	// Save the solution in the learner's own file: the pass appears on the
	// page that is open, without a reload.
	e.run(t, "back to the exercise", chromedp.Navigate(e.url+"exercises/"+id), chromedp.WaitVisible(chromedp.CSS("#verdict")),
		chromedp.Evaluate[chromedp.Void](`window.gcSamePage = true`))
	sol, err := os.ReadFile(filepath.Join(e.repo, "solutions", id, "hello.go"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(e.course, "exercises", id, "hello.go"), sol, 0o644); err != nil {
		t.Fatal(err)
	}
	e.waitJS(t, "the pass after the save", `(document.querySelector('#verdict')||{}).textContent === 'pass'`, 4*time.Minute)
	if !eval[bool](t, e, `window.gcSamePage === true`) {
		t.Fatal("the page was reloaded")
	}
	if got := e.text(t, "#status"); got != "passed" {
		t.Fatalf("status after the pass: %q", got)
	}
	e.run(t, "show the solution", chromedp.KeyEvent("s"), chromedp.WaitVisible(chromedp.CSS(".sol")))
	e.shot(t, "07-save-passes")

	// Be the scheduler: preempt whoever runs at every decision, by key, until
	// the two lock orders meet.
	const dir = "lessons/25-leaks-and-deadlocks/examples/lockorder"
	e.run(t, "open be the scheduler", chromedp.Navigate(e.url+"play?dir="+dir), chromedp.WaitVisible(chromedp.CSS(".pick [data-pick]")))
	e.shot(t, "08-play-start")
	outcome := ""
	for step := 0; outcome == ""; step++ {
		if step > 40 {
			t.Fatal("no end after 40 picks")
		}
		key := eval[string](t, e, `(() => {
			const bs = [...document.querySelectorAll('.pick [data-pick]')];
			const other = bs.find(b => !b.textContent.includes('(go on)')) || bs[0];
			return String(+other.dataset.pick + 1);
		})()`)
		e.run(t, "pick "+key, chromedp.KeyEvent(key))
		e.waitJS(t, "the next decision", fmt.Sprintf(`document.getElementById('gc-viewer').dataset.step === '%d'`, step+1), time.Minute)
		outcome = eval[string](t, e, `document.getElementById('gc-viewer').dataset.outcome`)
	}
	if outcome != "deadlock" {
		t.Fatalf("preempting at every decision ended in %q, want deadlock", outcome)
	}
	token := e.text(t, ".pick .token code")
	e.shot(t, "09-play-deadlock")
	out, _ := exec.Command(e.bin, "replay", token, filepath.Join(e.course, dir)).CombinedOutput()
	if !strings.Contains(string(out), "deadlock: all goroutines are asleep") {
		t.Fatalf("gocourse replay %s: %s", token, out)
	}

	// Undo the last pick: the decision is open again; then let the strategy
	// take every decision left: the run ends, whichever way.
	made := eval[string](t, e, `document.getElementById('gc-viewer').dataset.step`)
	e.run(t, "undo", chromedp.KeyEvent("u"))
	e.waitJS(t, "undone", fmt.Sprintf(`document.getElementById('gc-viewer').dataset.step === '%d' && document.getElementById('gc-viewer').dataset.outcome === ''`, mustAtoi(t, made)-1), time.Minute)
	e.run(t, "rest", chromedp.KeyEvent("r"))
	e.waitJS(t, "the strategy's end", `document.getElementById('gc-viewer').dataset.outcome !== '' && !document.querySelector('.pick [data-pick]')`, time.Minute)

	// A data race by hand: this exercise's sim check has race: true, so its
	// schedules are played with the race detector. Three picks, then the
	// rest without preempting: the starter's unlocked sum races.
	const racy = "exercises/02-concurrency-vs-parallelism/parallel-sum"
	e.run(t, "open be the scheduler on a racing starter", chromedp.Navigate(e.url+"play?dir="+racy), chromedp.WaitVisible(chromedp.CSS(".pick [data-pick]")))
	for step := range 3 {
		n := eval[int](t, e, `document.querySelectorAll('.pick [data-pick]').length`)
		e.run(t, "pick", chromedp.KeyEvent(strconv.Itoa(n)))
		e.waitJS(t, "the next decision", fmt.Sprintf(`document.getElementById('gc-viewer').dataset.step === '%d'`, step+1), time.Minute)
	}
	e.run(t, "finish", chromedp.KeyEvent("f"))
	e.waitJS(t, "the end of the run", `document.getElementById('gc-viewer').dataset.outcome !== ''`, time.Minute)
	if oc := eval[string](t, e, `document.getElementById('gc-viewer').dataset.outcome`); oc != "race" {
		t.Fatalf("the racing starter played by hand ended in %q, want race", oc)
	}
	if cmd := e.text(t, ".pick .token"); !strings.Contains(cmd, "gocourse replay --race TestSum@c1.") {
		t.Fatalf("the token's command %q does not say --race", cmd)
	}
	e.shot(t, "10-play-race")
}

// lightDark has the browser prefer dark, checks that the page turns dark
// (background and text) and writes its screenshot NAME-dark,
// then prefers light again and checks that it is light.
func (e *browserEnv) lightDark(tb testing.TB, name string) {
	tb.Helper()
	e.run(tb, "prefer dark", prefers("dark"))
	if bg, fg := e.luminance(tb, "backgroundColor"), e.luminance(tb, "color"); bg > 0.3 || fg < 0.5 {
		tb.Fatalf("%s preferring dark: background luminance %.2f, text %.2f; want dark on light", name, bg, fg)
	}
	e.shot(tb, name+"-dark")
	e.run(tb, "prefer light", prefers("light"))
	if bg, fg := e.luminance(tb, "backgroundColor"), e.luminance(tb, "color"); bg < 0.5 || fg > 0.3 {
		tb.Fatalf("%s preferring light: background luminance %.2f, text %.2f; want dark on light", name, bg, fg)
	}
}

// prefers emulates the system's light or dark preference
// (prefers-color-scheme).
func prefers(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// luminance is the relative luminance (0 black, 1 white) of a colour
// property of the page's body, as the browser computed it.
func (e *browserEnv) luminance(tb testing.TB, prop string) float64 {
	tb.Helper()
	rgb := eval[[]float64](tb, e, `getComputedStyle(document.body).`+prop+`.match(/[\d.]+/g).slice(0, 3).map(Number)`)
	if len(rgb) != 3 {
		tb.Fatalf("body's %s: %v", prop, rgb)
	}
	return (0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]) / 255
}

func stepTotal(tb testing.TB, s string) int {
	_, total, ok := strings.Cut(s, " / ")
	n, err := strconv.Atoi(total)
	if !ok || err != nil {
		tb.Fatalf("step counter %q", s)
	}
	return n
}

// BenchmarkBrowser measures what the learner waits for in the browser, end
// to end through the DevTools protocol: a page's load (until its content is
// drawn) and a step of the schedule viewer or of a schedule made by hand
// (from the key press until the new state is on the page). Run with
// -benchtime=50x; each figure should stay under 100 ms on a 2-core machine.
func BenchmarkBrowser(b *testing.B) {
	e := startBrowser(b)
	const trace = "trace?dir=lessons/04-hchan/examples/full-buffer"
	const playDir = "play?dir=lessons/25-leaks-and-deadlocks/examples/lockorder"
	// Build both programs once: a page drawn again comes from memory.
	e.run(b, "warm the trace", chromedp.Navigate(e.url+trace), chromedp.WaitVisible(chromedp.CSS(".gcv .stepn")))
	e.run(b, "warm the play", chromedp.Navigate(e.url+playDir), chromedp.WaitVisible(chromedp.CSS(".pick [data-pick]")))
	for _, page := range []struct{ name, path, sel string }{
		// The floor: a page of one line of text, as fast as this browser on
		// this machine loads anything.
		{"load/floor", "assets/none", "body"},
		{"load/course", "", ".lessons"},
		{"load/lesson", "lessons/04-hchan/", ".markdown h1"},
		{"load/exercise", "exercises/01-goroutines/say-hello", "#check"},
		{"load/schedule", trace, ".gcv .lane"},
	} {
		b.Run(page.name, func(b *testing.B) {
			var d, nav durations
			for b.Loop() {
				d.time(func() {
					e.run(b, "load "+page.path, chromedp.Navigate(e.url+page.path), chromedp.WaitVisible(chromedp.CSS(page.sel)))
				})
				// The browser's own measure: from the request to the end of
				// the load event (scripts run, the viewer drawn).
				ms := eval[float64](b, e, `performance.getEntriesByType('navigation')[0].duration`)
				nav = append(nav, time.Duration(ms*float64(time.Millisecond)))
			}
			d.report(b)
			slices.Sort(nav)
			b.ReportMetric(float64(nav[len(nav)/2].Microseconds())/1000, "ms-nav-median")
		})
	}
	b.Run("step/schedule", func(b *testing.B) {
		e.run(b, "open", chromedp.Navigate(e.url+trace), chromedp.WaitVisible(chromedp.CSS(".gcv .stepn")), chromedp.KeyEvent(kb.Home))
		total := stepTotal(b, e.text(b, ".gcv .stepn"))
		n := 0
		var d, draw durations
		for b.Loop() {
			key := kb.ArrowRight
			if n == total {
				key = kb.Home
				n = 0
			} else {
				n++
			}
			d.time(func() {
				e.run(b, "step", chromedp.KeyEvent(key))
				e.waitJS(b, "stepped", fmt.Sprintf(`document.querySelector('.gcv .stepn').textContent === '%d / %d'`, n, total), 10*time.Second)
			})
			ms := eval[string](b, e, `document.getElementById('gc-viewer').dataset.renderMs`)
			f, _ := strconv.ParseFloat(ms, 64)
			draw = append(draw, time.Duration(f*float64(time.Millisecond)))
		}
		d.report(b)
		// The page's own work for a step, without the protocol's round trips.
		slices.Sort(draw)
		b.ReportMetric(float64(draw[len(draw)/2].Microseconds())/1000, "ms-draw-median")
	})
	// The same steps of the same program played with the race detector (as
	// an exercise whose sim check has race: true is), in a -race build.
	playRace := playDir + "&race=1"
	e.run(b, "warm the race play", chromedp.Navigate(e.url+playRace), chromedp.WaitVisible(chromedp.CSS(".pick [data-pick]")))
	for _, p := range []struct{ name, path string }{{"step/play", playDir}, {"step/play-race", playRace}} {
		b.Run(p.name, func(b *testing.B) { benchPlayStep(b, e, p.path) })
	}
}

// benchPlayStep times a pick and its undo in turn, each a run of the
// program, from the key press until the new decision is on the page.
func benchPlayStep(b *testing.B, e *browserEnv, playDir string) {
	e.run(b, "open", chromedp.Navigate(e.url+playDir), chromedp.WaitVisible(chromedp.CSS(".pick [data-pick]")))
	step := 0
	var d durations
	for b.Loop() {
		// Pick, then undo: every step is a run of the program.
		key := "1"
		if step == 1 {
			key = "u"
		}
		want := 1 - step
		d.time(func() {
			e.run(b, "pick", chromedp.KeyEvent(key))
			e.waitJS(b, "picked", fmt.Sprintf(`document.getElementById('gc-viewer').dataset.step === '%d'`, want), 30*time.Second)
		})
		step = want
	}
	d.report(b)
}

// durations are the times of a benchmark's iterations, reported as their
// median and 90th percentile (the mean hides what a learner waits for).
type durations []time.Duration

func (d *durations) time(f func()) {
	t0 := time.Now()
	f()
	*d = append(*d, time.Since(t0))
}

func (d durations) report(b *testing.B) {
	if len(d) == 0 {
		return
	}
	slices.Sort(d)
	b.ReportMetric(float64(d[len(d)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(d[len(d)*9/10].Microseconds())/1000, "ms-p90")
}

func mustAtoi(tb testing.TB, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		tb.Fatalf("%q: %v", s, err)
	}
	return n
}
