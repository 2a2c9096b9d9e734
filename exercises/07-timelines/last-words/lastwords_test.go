package lastwords

import (
	"slices"
	"testing"

	"go.uber.org/goleak"
)

func TestRunReturnsTheWholeLog(t *testing.T) {
	defer goleak.VerifyNone(t)
	tests := [][]string{
		{"wash", "dry", "fold"},
		{"one"},
		{},
	}
	for _, jobs := range tests {
		want := []string{}
		for _, j := range jobs {
			want = append(want, "did "+j)
		}
		want = append(want, "worker done")

		got := Run(jobs)
		if !slices.Equal(got, want) {
			t.Fatalf("Run(%q) = %q, want %q\n"+
				"Run returned before the worker had written its last line. A completed send on an\n"+
				"unbuffered channel means the worker has received the job, not that it has done it\n"+
				"(see \"Woken is not running\"): wait for a signal the worker gives after its last write.",
				jobs, got, want)
		}
	}
}
