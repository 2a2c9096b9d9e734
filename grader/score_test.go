package grader

import "testing"

// TestScore: build and static checks are requirements of a working solution, not
// achievements a starter can collect: build counts only when every other check
// passes, static only when every check of behaviour does.
func TestScore(t *testing.T) {
	check := func(name string, st Status, w float64) CheckResult {
		return CheckResult{Name: name, Status: st, Weight: w}
	}
	tests := []struct {
		name   string
		checks []CheckResult
		score  float64
		status Status
	}{
		{"all pass", []CheckResult{check("build", Pass, 1), check("test", Pass, 2), check("static", Pass, 1), check("sim", Pass, 2)}, 6, Pass},
		{"a starter that compiles and sleeps nowhere", []CheckResult{check("build", Pass, 1), check("test", Fail, 2), check("static", Pass, 1), check("sim", Fail, 2)}, 0, Fail},
		{"behaviour right, shape wrong", []CheckResult{check("build", Pass, 1), check("test", Pass, 2), check("static", Fail, 1), check("sim", Pass, 2)}, 4, Fail},
		{"the real test passes, the simulator fails without a schedule", []CheckResult{check("build", Pass, 1), check("test", Pass, 1), check("static", Pass, 1), check("sim", Fail, 3)}, 1, Fail},
		{"the real test passes, the simulator replays a failing schedule of a test", []CheckResult{check("build", Pass, 1), check("test", Pass, 1), {Name: "sim", Status: Fail, Weight: 3, Replay: "TestCloseTwice@c1.BAE"}}, 0, Fail},
		{"an error", []CheckResult{check("build", Pass, 1), check("test", Error, 2)}, 0, Error},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Result{Checks: tt.checks}
			r.finish(0)
			if r.Score != tt.score || r.Status != tt.status {
				t.Errorf("score %v status %v, want %v %v", r.Score, r.Status, tt.score, tt.status)
			}
		})
	}
}
