package serve_test

import (
	"os"
	"testing"

	"github.com/gocourse/gocourse/grader"
)

// TestMain makes this test binary the grader's sandbox launcher when the
// grader under test starts it as one, as gocourse's hidden command does.
func TestMain(m *testing.M) {
	if grader.IsLauncher(os.Args) {
		os.Exit(grader.Launch())
	}
	os.Exit(m.Run())
}
