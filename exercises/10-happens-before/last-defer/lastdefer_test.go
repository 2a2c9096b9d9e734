package lastdefer

import (
	"testing"

	"go.uber.org/goleak"
)

func TestRun(t *testing.T) {
	defer goleak.VerifyNone(t)
	r := Run(func() int { return 42 })
	if r.Result != 42 || r.Started.IsZero() || r.Finished.IsZero() || r.Finished.Before(r.Started) {
		t.Fatalf("Run returned Result %d, Started %v, Finished %v;\n"+
			"want 42 and two times, Finished not before Started.\n"+
			"The close of done is synchronized before the receive that sees it, and so are the writes\n"+
			"made before the close, but only those. A write after the close races with Run's read,\n"+
			"and on this schedule Run read the report first (see \"Only what came before\").",
			r.Result, r.Started, r.Finished)
	}
}
