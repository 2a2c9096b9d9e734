package grader

import (
	"context"
	"strings"
	"testing"
)

// TestRerunAfterACrash grades an exercise of three tests whose middle one
// leaks a goroutine inside a testing/synctest bubble, which makes the runtime
// end the whole test binary. The middle test is reported in the lessons' words
// (a goroutine leak, not synctest's "bubble"), and the tests on either side of
// it still get their own results: the first passes, the last fails with its
// own message, not "did not run to the end".
func TestRerunAfterACrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and race-tests an exercise")
	}
	c := trustCourse(t, "testdata/rerun")
	res := Check(context.Background(), c, c.Exercises()[0], Options{})
	var test *CheckResult
	for i := range res.Checks {
		if res.Checks[i].Name == "test" {
			test = &res.Checks[i]
		}
	}
	if test == nil {
		t.Fatalf("no test check in %+v", res.Checks)
	}
	t.Logf("%s:\n%s", test.Status, test.Message)
	if test.Status != Fail {
		t.Fatalf("test check %s, want fail", test.Status)
	}
	for _, want := range []string{
		"TestMiddle crashed: panic: deadlock: main bubble goroutine has exited but blocked goroutines remain",
		"That is a goroutine leak: the test's function returned while goroutines your code started were still blocked",
		"TestLast failed:\n  work_test.go:22: Double(3) = 4, want 6",
	} {
		if !strings.Contains(test.Message, want) {
			t.Errorf("the message does not say %q", want)
		}
	}
	for _, wrong := range []string{"TestFirst", "did not run to the end", "never finished"} {
		if strings.Contains(test.Message, wrong) {
			t.Errorf("the message says %q", wrong)
		}
	}
}
