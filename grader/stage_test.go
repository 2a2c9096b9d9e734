package grader

import "testing"

// TestGoAccepts holds the stage's choice of a learner's Go files to the go
// command's own: names it ignores or refuses are left out, not fatal.
func TestGoAccepts(t *testing.T) {
	for name, want := range map[string]bool{
		"sum.go": true, "Sum2.go": true, "9lives.go": true, "ünï.go": true, "sum_test.go": true,
		"-old.go": false, "_old.go": false, ".sum.go": false, "#sum.go#": false, "sum.go~": false,
		"sum.go.orig": false, "~sum.go": false, "_cgo_x.go": false, "sum.s": false, " sum.go": false,
	} {
		if got := goAccepts(name); got != want {
			t.Errorf("goAccepts(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestWithin(t *testing.T) {
	for _, tt := range []struct {
		dir, path string
		want      bool
	}{
		{"/w/ex", "/w/ex/sum.go", true},
		{"/w/ex", "/w/ex/impl/sum.go", true},
		{"/w/ex", "/w/ex", false},
		{"/w/ex", "/w/exercise/sum.go", false},
		{"/w/ex", "/w/other/sum.go", false},
		{"/w/ex", "/w/ex/../other/sum.go", false},
	} {
		if got := within(tt.dir, tt.path); got != tt.want {
			t.Errorf("within(%q, %q) = %v, want %v", tt.dir, tt.path, got, tt.want)
		}
	}
}
