package grader

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func parsed(t *testing.T, src string) []*parsedFile {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return []*parsedFile{{name: "x.go", fset: fset, file: f}}
}

const staticSrc = `package x

import (
	"sync"
	t "time"
)

func f() {
	jobs := make(chan int, 3)
	done := make(chan struct{})
	var wg sync.WaitGroup
	go func() {
		defer close(jobs)
		for i := range 3 {
			jobs <- i
		}
	}()
	go func() {
		for range jobs {
		}
		close(done) // off the sending side: nothing sends on done here
	}()
	select {
	case <-done:
	default:
	}
	t.Sleep(1)
	wg.Wait()
}
`

func TestStaticRules(t *testing.T) {
	files := parsed(t, staticSrc)
	tests := []struct {
		rule string
		want string
	}{
		{"time.Sleep", "x.go:27"},
		{"sync.WaitGroup", "x.go:11"},
		{"sync.Mutex", ""},
		{"make(chan)", "x.go:9 x.go:10"},
		{"make(chan, 3)", "x.go:9"},
		{"make(chan, 0)", "x.go:10"},
		{"make(chan, 2)", ""},
		{"go", "x.go:12 x.go:18"},
		{"select", "x.go:23"},
		{"select-default", "x.go:25"},
		{"close", "x.go:13 x.go:21"},
		{"defer", "x.go:13"},
	}
	for _, tt := range tests {
		if got := strings.Join(findRule(files, tt.rule), " "); got != tt.want {
			t.Errorf("%s: found at %q, want %q", tt.rule, got, tt.want)
		}
	}
	problems := closesOffSender(files)
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "x.go:21: close(done) is not on the sending side") {
		t.Errorf("close-by-sender: %q", problems)
	}
}
