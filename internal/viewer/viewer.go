// Package viewer draws a run of the simulator as an interactive page: step
// forward and back event by event, each channel drawn as its hchan (the ring
// buffer's slots, sendx and recvx, qcount, recvq and sendq), each goroutine
// as a lane with its state and source line, the virtual clock, and a link
// from every event to its line of code.
//
// The page is plain JavaScript and CSS embedded in the binary: `gocourse
// trace --html` writes it as one self-contained file, and `gocourse serve`
// serves the same script for failing checks' schedules and schedules made by
// hand.
package viewer

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gocourse/gocourse/sim"
)

//go:embed assets/viewer.js assets/viewer.css
var assets embed.FS

// JS is the viewer's script: it defines GCViewer.mount(root, data, hooks).
func JS() []byte { b, _ := assets.ReadFile("assets/viewer.js"); return b }

// CSS is the viewer's style sheet, light and dark.
func CSS() []byte { b, _ := assets.ReadFile("assets/viewer.css"); return b }

// Data is what the page draws; its JSON is the script's input.
type Data struct {
	Title   string           `json:"title"`
	Target  string           `json:"target,omitempty"`
	Outcome string           `json:"outcome,omitempty"` // pass, deadlock, leak, ...
	Message string           `json:"message,omitempty"`
	Replay  string           `json:"replay,omitempty"`
	Events  []sim.TraceEvent `json:"events"`
	// Blocked are the goroutines left blocked when the run ended.
	Blocked []int `json:"blocked,omitempty"`
	// Sources holds the package's Go files by base name (the name trace
	// events give in Pos), one string per line.
	Sources map[string][]string `json:"sources,omitempty"`
	// Play is the state of a schedule made by hand; nil for a finished run.
	Play *Play `json:"play,omitempty"`
}

// Play is a schedule being made by hand: the picks so far, the decision the
// run asks next (nil when it is over), and the token of the whole schedule.
type Play struct {
	Picks   []int          `json:"picks"`
	Point   *sim.PlayPoint `json:"point"`
	Token   string         `json:"token"`
	Target  string         `json:"target,omitempty"`
	Outcome string         `json:"outcome"`
	Message string         `json:"message,omitempty"`
	// Race says that each run checks data races (built with -race): the
	// token replays with gocourse replay --race.
	Race bool `json:"race,omitempty"`
}

// FromResult is the page's data for a finished run r of the package in dir
// (a folder or a .go file; "" for none), whose token is replay.
func FromResult(title, dir string, r *sim.Result, replay string) Data {
	d := Data{Title: title, Events: r.Trace, Outcome: r.Outcome.String(), Message: r.Message, Replay: replay}
	if d.Events == nil {
		d.Events = []sim.TraceEvent{}
	}
	for _, g := range r.Goroutines {
		d.Blocked = append(d.Blocked, g.ID)
	}
	if dir != "" {
		d.Sources = Sources(dir)
	}
	return d
}

// Sources reads the Go files of a package's folder (or the folder of a .go
// file) by base name. Unreadable files are left out: the page then shows
// events without their code, which is still a faithful picture.
func Sources(dir string) map[string][]string {
	if strings.HasSuffix(dir, ".go") {
		dir = filepath.Dir(dir)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	sort.Strings(files)
	out := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || len(b) > 1<<20 {
			continue
		}
		out[filepath.Base(f)] = strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	}
	return out
}

// Write writes d as one self-contained HTML page: the script, the style and
// the data inline, nothing fetched.
func Write(w io.Writer, d Data) error {
	data, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("viewer: %w", err)
	}
	// Inside <script>, "</" would end the element: JSON escapes "<" already
	// (json.Marshal's HTML escaping), so the data cannot.
	var b bytes.Buffer
	fmt.Fprintf(&b, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>%s</title>
<style>%s</style></head><body>
<main id="gc-viewer"></main>
<script type="application/json" id="gc-data">%s</script>
<script>%s</script>
</body></html>
`, html.EscapeString(d.Title), CSS(), data, JS())
	_, err = w.Write(b.Bytes())
	return err
}

// WriteFile writes the page of run r to path: `gocourse trace --html`.
func WriteFile(path, title, dir string, r *sim.Result, replay string) error {
	var b bytes.Buffer
	if err := Write(&b, FromResult(title, dir, r, replay)); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the schedule viewer: %w", err)
	}
	return nil
}
