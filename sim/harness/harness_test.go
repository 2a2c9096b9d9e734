package harness

import (
	"strings"
	"testing"
)

// TestValidate shows that an exploration is judged in one place and that an
// unknown mode is refused rather than explored.
func TestValidate(t *testing.T) {
	good := DefaultExploration()
	if err := good.Validate(); err != nil {
		t.Fatalf("the defaults are invalid: %v", err)
	}
	for _, tt := range []struct {
		name string
		e    func(*Exploration)
		want string
	}{
		{"strategy", func(e *Exploration) { e.Strategy = "bfs" }, `unknown strategy "bfs"`},
		{"empty strategy", func(e *Exploration) { e.Strategy = "" }, `unknown strategy ""`},
		{"schedules", func(e *Exploration) { e.Schedules = 0 }, "at least 1"},
		{"depth", func(e *Exploration) { e.Depth = -1 }, "negative"},
	} {
		e := DefaultExploration()
		tt.e(&e)
		if err := e.Validate(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Validate = %v, want %q", tt.name, err, tt.want)
		}
	}
	cfg := good.Config("^TestX$", 0)
	if cfg.Mode != Explore || cfg.Run != "^TestX$" || cfg.Strategy != "random" || cfg.Schedules != 1000 {
		t.Errorf("Config = %+v", cfg)
	}
	for _, c := range []Config{cfg, {Mode: RunOne}, {Replay: "c1.AA"}} {
		if err := c.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v", c, err)
		}
	}
	for _, c := range []Config{{}, {Mode: "explode"}, {Mode: Explore, Strategy: "bfs"}} {
		if err := c.Validate(); err == nil {
			t.Errorf("Validate(%+v) accepts it", c)
		}
	}
	rep := run(Config{Mode: "explode"}, func() {}, nil)
	if rep.Error == "" || rep.Schedules != 0 {
		t.Errorf("an unknown mode ran: %+v", rep)
	}
}
