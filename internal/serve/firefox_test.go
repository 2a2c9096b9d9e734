package serve_test

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// The Firefox test drives `gocourse serve` with headless Firefox through
// WebDriver BiDi, the W3C protocol Firefox speaks on its remote port
// (chromedp speaks Chromium's DevTools protocol only, and there is no
// geckodriver here). The client is the few commands the test sends, over
// golang.org/x/net/websocket: a module already in this module's graph, small,
// and enough for one request at a time. GOCOURSE_FIREFOX names the browser
// (default: firefox-esr or firefox on the PATH); without one the test is
// skipped, unless GOCOURSE_FIREFOX_TEST=1 (test.sh, when Firefox is
// installed) says it must run.

func firefox(tb testing.TB) string {
	if p := os.Getenv("GOCOURSE_FIREFOX"); p != "" {
		return p
	}
	for _, name := range []string{"firefox-esr", "firefox"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("GOCOURSE_FIREFOX_TEST") == "1" {
		tb.Fatal("no Firefox: install it (apt-get install firefox-esr) or set GOCOURSE_FIREFOX")
	}
	tb.Skip("no Firefox on this machine (GOCOURSE_FIREFOX_TEST=1 makes this a failure)")
	return ""
}

// bidi is a WebDriver BiDi session with one browsing context (a tab).
type bidi struct {
	ws   *websocket.Conn
	id   int
	tab  string
	env  *browserEnv
	name string // the browser, in messages
}

// bidiListening is what Firefox prints on standard error once its remote
// port is open.
var bidiListening = regexp.MustCompile(`WebDriver BiDi listening on (ws://\S+)`)

// startFirefox starts headless Firefox with a fresh profile and opens a
// BiDi session on its remote port.
func startFirefox(tb testing.TB, e *browserEnv) *bidi {
	tb.Helper()
	browser := firefox(tb)
	profile := filepath.Join(tb.TempDir(), "firefox")
	if err := os.MkdirAll(profile, 0o755); err != nil {
		tb.Fatal(err)
	}
	const origin = "http://127.0.0.1"
	cmd := exec.Command(browser, "--headless", "--no-remote", "--profile", profile,
		"--remote-debugging-port", "0", "--remote-allow-origins", origin, "about:blank")
	// Firefox starts processes of its own: they go in one group, ended
	// with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatalf("starting %s: %v", browser, err)
	}
	tb.Cleanup(func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); cmd.Wait() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := bidiListening.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
		close(found)
	}()
	var addr string
	select {
	case a, ok := <-found:
		if !ok {
			tb.Fatalf("%s ended without opening its remote port", browser)
		}
		addr = a
	case <-time.After(2 * time.Minute):
		tb.Fatalf("%s did not open its remote port within 2 minutes", browser)
	}
	ws, err := websocket.Dial(strings.TrimSuffix(addr, "/")+"/session", "", origin)
	if err != nil {
		tb.Fatalf("connecting to %s: %v", addr, err)
	}
	tb.Cleanup(func() { ws.Close() })
	b := &bidi{ws: ws, env: e, name: filepath.Base(browser)}
	b.call(tb, "session.new", map[string]any{"capabilities": map[string]any{}}, nil)
	var tree struct {
		Contexts []struct {
			Context string `json:"context"`
		} `json:"contexts"`
	}
	b.call(tb, "browsingContext.getTree", map[string]any{}, &tree)
	if len(tree.Contexts) == 0 {
		tb.Fatal("Firefox has no tab")
	}
	b.tab = tree.Contexts[0].Context
	// The tab has the focus, as the window a learner types in does.
	b.call(tb, "browsingContext.activate", map[string]any{"context": b.tab}, nil)
	b.call(tb, "browsingContext.setViewport", map[string]any{"context": b.tab, "viewport": map[string]int{"width": 1280, "height": 900}}, nil)
	return b
}

// call sends one command and waits for its answer, skipping the events
// Firefox sends meanwhile; result, when not nil, receives the answer's
// result.
func (b *bidi) call(tb testing.TB, method string, params any, result any) {
	tb.Helper()
	if err := b.do(method, params, result, 5*time.Minute); err != nil {
		tb.Fatalf("%s: %v", method, err)
	}
}

func (b *bidi) do(method string, params, result any, timeout time.Duration) error {
	b.id++
	b.ws.SetDeadline(time.Now().Add(timeout))
	defer b.ws.SetDeadline(time.Time{})
	if err := websocket.JSON.Send(b.ws, map[string]any{"id": b.id, "method": method, "params": params}); err != nil {
		return err
	}
	for {
		var m struct {
			ID      int             `json:"id"`
			Type    string          `json:"type"`
			Error   string          `json:"error"`
			Message string          `json:"message"`
			Result  json.RawMessage `json:"result"`
		}
		if err := websocket.JSON.Receive(b.ws, &m); err != nil {
			return err
		}
		if m.Type == "event" || m.ID != b.id {
			continue
		}
		if m.Type == "error" {
			return fmt.Errorf("%s: %s", m.Error, m.Message)
		}
		if result == nil {
			return nil
		}
		return json.Unmarshal(m.Result, result)
	}
}

// navigate opens url and waits for its load event.
func (b *bidi) navigate(tb testing.TB, url string) {
	tb.Helper()
	b.call(tb, "browsingContext.navigate", map[string]any{"context": b.tab, "url": url, "wait": "complete"}, nil)
}

// eval evaluates a JavaScript expression in the page into v (through JSON).
func (b *bidi) eval(tb testing.TB, expr string, v any) {
	tb.Helper()
	if err := b.evalErr(expr, v); err != nil {
		tb.Fatalf("%s: %v", expr, err)
	}
}

func (b *bidi) evalErr(expr string, v any) error {
	var r struct {
		Type   string `json:"type"`
		Result struct {
			Value string `json:"value"`
		} `json:"result"`
		ExceptionDetails struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	err := b.do("script.evaluate", map[string]any{
		"expression":   "JSON.stringify((() => " + expr + ")() ?? null)",
		"target":       map[string]string{"context": b.tab},
		"awaitPromise": true,
	}, &r, time.Minute)
	if err != nil {
		return err
	}
	if r.Type != "success" {
		return errors.New(r.ExceptionDetails.Text)
	}
	return json.Unmarshal([]byte(r.Result.Value), v)
}

func (b *bidi) text(tb testing.TB, sel string) string {
	tb.Helper()
	var s string
	b.eval(tb, fmt.Sprintf(`(document.querySelector(%q) || {textContent: "(no %s)"}).textContent.trim()`, sel, sel), &s)
	return s
}

// waitJS waits until the expression is true.
func (b *bidi) waitJS(tb testing.TB, what, expr string, timeout time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		err := b.evalErr("!!("+expr+")", &ok)
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%s: not within %s (%v)", what, timeout, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// WebDriver's codes of the keys that are not characters.
const (
	keyHome  = "\uE011"
	keyLeft  = "\uE012"
	keyRight = "\uE014"
	keyTab   = "\uE004"
	keyEnter = "\uE007"
)

// key presses and releases a key, as the learner's keyboard does: the
// browser's own key events, not events made by a script.
func (b *bidi) key(tb testing.TB, k string) {
	tb.Helper()
	b.call(tb, "input.performActions", map[string]any{"context": b.tab, "actions": []any{map[string]any{
		"type": "key", "id": "keyboard",
		"actions": []any{map[string]string{"type": "keyDown", "value": k}, map[string]string{"type": "keyUp", "value": k}},
	}}}, nil)
}

// shot writes a screenshot of the whole page, after checking that nothing
// sticks out sideways.
func (b *bidi) shot(tb testing.TB, name string) {
	tb.Helper()
	var wide string
	b.eval(tb, `(() => { const d = document.documentElement; return d.scrollWidth > d.clientWidth + 1 ? d.scrollWidth + " > " + d.clientWidth : ""; })()`, &wide)
	if wide != "" {
		tb.Errorf("%s: the page is wider than the window (%s)", name, wide)
	}
	var r struct {
		Data string `json:"data"`
	}
	b.call(tb, "browsingContext.captureScreenshot", map[string]any{"context": b.tab, "origin": "document"}, &r)
	png, err := base64.StdEncoding.DecodeString(r.Data)
	if err != nil {
		tb.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(b.env.shots, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("screenshot: %s", path)
}

// TestFirefox is the browser test's path in Firefox, with its real key
// events: the course and its keyboard navigation, an exercise checked with
// its key and the result streamed to the page, the failing check's schedule
// stepped with the arrow keys, light and dark, and a schedule played by hand
// with the digit keys to a deadlock that gocourse replay reproduces.
func TestFirefox(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and checks a real exercise")
	}
	e := startServer(t)
	b := startFirefox(t, e)
	const id = "01-goroutines/say-hello"

	b.navigate(t, e.url)
	b.waitJS(t, "the course", `document.querySelector(".lessons")`, time.Minute)
	// The keyboard reaches the page: the first Tab is the skip link, and
	// Enter on a focused exercise link opens it.
	b.key(t, keyTab)
	// (document.activeElement: a headless window never has the system's
	// focus, so :focus matches nothing.)
	var focused string
	b.eval(t, `document.activeElement.textContent`, &focused)
	if focused != "Skip to the content" {
		t.Fatalf("the first Tab focuses %q, want the skip link", focused)
	}
	b.shot(t, "firefox-01-course")
	b.eval(t, fmt.Sprintf(`document.querySelector('a[data-ex=%q]').focus()`, id), new(any))
	b.key(t, keyEnter)
	b.waitJS(t, "the exercise opened by Enter", `document.getElementById("check")`, time.Minute)
	if got := b.text(t, "#status"); got != "to do" {
		t.Fatalf("the starter's status is %q, want to do", got)
	}

	// The starter fails; the result comes by server-sent events.
	b.key(t, "c")
	b.waitJS(t, "the starter's result", `(document.querySelector('#verdict')||{}).textContent === 'fail'`, 4*time.Minute)
	var href string
	b.eval(t, `(document.querySelector("a.see-schedule") || {}).getAttribute("href")`, &href)
	if !strings.Contains(href, "replay=") {
		t.Fatalf("no link to the failing schedule (%q)", href)
	}
	b.shot(t, "firefox-02-check-fails")

	b.navigate(t, e.url+strings.TrimPrefix(href, "/"))
	b.waitJS(t, "the failing schedule", `document.querySelector(".gcv .stepn")`, 3*time.Minute)
	total := stepTotal(t, b.text(t, ".gcv .stepn"))
	if oc := b.text(t, ".gcv .outcome"); !strings.HasPrefix(oc, "fail") {
		t.Fatalf("the schedule's outcome is %q, want the check's fail", oc)
	}
	b.key(t, keyHome)
	if got := b.text(t, ".gcv .stepn"); got != fmt.Sprintf("0 / %d", total) {
		t.Fatalf("after Home: %q", got)
	}
	for range 4 {
		b.key(t, keyRight)
	}
	b.key(t, keyLeft)
	if got := b.text(t, ".gcv .stepn"); got != fmt.Sprintf("3 / %d", total) {
		t.Fatalf("after 4 steps on and 1 back: %q", got)
	}
	var lanes int
	b.eval(t, `document.querySelectorAll('.gcv .lane').length`, &lanes)
	if lanes == 0 {
		t.Fatal("no goroutine lane after 3 events")
	}
	b.shot(t, "firefox-03-failing-schedule")
	// Light, then dark with the key: the page's background turns dark and
	// its text light.
	if lum := luminance(t, b, "body", "backgroundColor"); lum < 0.5 {
		t.Fatalf("the light page's background has luminance %.2f", lum)
	}
	b.key(t, "t")
	if lum := luminance(t, b, "body", "backgroundColor"); lum > 0.3 {
		t.Fatalf("after t, the background has luminance %.2f, want dark", lum)
	}
	if lum := luminance(t, b, "body", "color"); lum < 0.5 {
		t.Fatalf("after t, the text has luminance %.2f, want light", lum)
	}
	// The browser's own parts (scrollbars, controls) follow the theme.
	var scheme string
	b.eval(t, `getComputedStyle(document.documentElement).colorScheme`, &scheme)
	if scheme != "dark" {
		t.Fatalf("after t, color-scheme is %q, want dark", scheme)
	}
	b.shot(t, "firefox-04-failing-schedule-dark")
	b.key(t, "t")

	// Be the scheduler: preempt whoever runs at every decision, by key,
	// until the two lock orders meet.
	const dir = "lessons/25-leaks-and-deadlocks/examples/lockorder"
	b.navigate(t, e.url+"play?dir="+dir)
	b.waitJS(t, "the first decision", `document.querySelector(".pick [data-pick]")`, 3*time.Minute)
	outcome := ""
	for step := 0; outcome == ""; step++ {
		if step > 40 {
			t.Fatal("no end after 40 picks")
		}
		var key string
		b.eval(t, `(() => {
			const bs = [...document.querySelectorAll('.pick [data-pick]')];
			const other = bs.find(b => !b.textContent.includes('(go on)')) || bs[0];
			return String(+other.dataset.pick + 1);
		})()`, &key)
		b.key(t, key)
		b.waitJS(t, "the next decision", fmt.Sprintf(`document.getElementById('gc-viewer').dataset.step === '%d'`, step+1), time.Minute)
		b.eval(t, `document.getElementById('gc-viewer').dataset.outcome`, &outcome)
	}
	if outcome != "deadlock" {
		t.Fatalf("preempting at every decision ended in %q, want deadlock", outcome)
	}
	token := b.text(t, ".pick .token code")
	b.shot(t, "firefox-05-play-deadlock")
	out, _ := exec.Command(e.bin, "replay", token, filepath.Join(e.course, dir)).CombinedOutput()
	if !strings.Contains(string(out), "deadlock: all goroutines are asleep") {
		t.Fatalf("gocourse replay %s: %s", token, out)
	}
}

// luminance is the relative luminance (0 black, 1 white) of a colour
// property of the element sel, as the browser computed it.
func luminance(tb testing.TB, b *bidi, sel, prop string) float64 {
	tb.Helper()
	var rgb []float64
	b.eval(tb, fmt.Sprintf(`getComputedStyle(document.querySelector(%q)).%s.match(/[\d.]+/g).slice(0, 3).map(Number)`, sel, prop), &rgb)
	if len(rgb) != 3 {
		tb.Fatalf("%s's %s: %v", sel, prop, rgb)
	}
	return (0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]) / 255
}
