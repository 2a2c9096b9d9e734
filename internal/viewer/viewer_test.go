package viewer

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/sim"
)

// TestWriteIsSelfContained: the page carries its data, script and style, and
// nothing a program printed or named can end the script element early.
func TestWriteIsSelfContained(t *testing.T) {
	ev := []sim.TraceEvent{{Seq: 1, G: 1, Op: "make", Chan: "</script><b>x", DataqSiz: 2, SendQ: []int{}, RecvQ: []int{}, Pos: "main.go:3"}}
	d := Data{Title: "t <b>", Events: ev, Outcome: "deadlock", Blocked: []int{1}, Sources: map[string][]string{"main.go": {"package main"}}}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if strings.Count(strings.ToLower(page), "</script>") != 2 {
		t.Errorf("the data ends a script element early")
	}
	if regexp.MustCompile(`(?i)<(script|link|img)[^>]+(src|href)=`).MatchString(page) {
		t.Errorf("the page fetches something")
	}
	m := regexp.MustCompile(`(?s)<script type="application/json" id="gc-data">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no data element")
	}
	var back Data
	if err := json.Unmarshal([]byte(m[1]), &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Events) != 1 || back.Events[0].Chan != ev[0].Chan || back.Sources["main.go"][0] != "package main" {
		t.Errorf("data round trip: %+v", back)
	}
	if !strings.Contains(page, "GCViewer") || !strings.Contains(page, ".ring") {
		t.Errorf("script or style missing")
	}
}
