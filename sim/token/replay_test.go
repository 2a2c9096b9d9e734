package token

import "testing"

func TestReplayToken(t *testing.T) {
	for _, tt := range []struct{ target, sched, token string }{
		{"main", "c1.AgEDAQ", "c1.AgEDAQ"},
		{"", "r1.42", "r1.42"},
		{"TestWorkers", "c1.AgEDAQ", "TestWorkers@c1.AgEDAQ"},
		{"Test1", "r1.7", "Test1@r1.7"},
	} {
		got := Format(tt.target, tt.sched)
		if got != tt.token {
			t.Errorf("Format(%q, %q) = %q, want %q", tt.target, tt.sched, got, tt.token)
		}
		test, sched := Parse(got)
		wantTest := tt.target
		if wantTest == "main" {
			wantTest = ""
		}
		if test != wantTest || sched != tt.sched {
			t.Errorf("Parse(%q) = %q, %q, want %q, %q", got, test, sched, wantTest, tt.sched)
		}
	}
	if got := Format("TestX", ""); got != "" {
		t.Errorf("a schedule without a token formats as %q", got)
	}
}
