package grader

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func parsed(t *testing.T, src string) []*typedFile {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	files := []*typedFile{{name: "x.go", fset: fset, file: f, refs: map[ast.Node]string{}}}
	resolveRefs(fset, files, []*ast.File{f}, "x")
	return files
}

// TestStaticResolves holds the rules to what names mean, not how they are
// spelled: a dot import, a renamed import, a variable that shadows a package.
func TestStaticResolves(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"package x\nimport . \"time\"\nfunc f() { Sleep(Second) }\n", "x.go:3"},
		{"package x\nimport clock \"time\"\nfunc f() { clock.Sleep(1) }\n", "x.go:3"},
		{"package x\nimport \"time\"\nfunc f() { s := time.Sleep; s(1) }\n", "x.go:3"},
		{"package x\nimport \"time\"\nvar _ = time.Now\nfunc f() { time := struct{ Sleep func(int) }{}; time.Sleep(1) }\n", ""},
		{"package x\nfunc Sleep(int) {}\nfunc f() { Sleep(1) }\n", ""},
	}
	for _, tt := range tests {
		if got := locations(findRule(parsed(t, tt.src), "time.Sleep")); got != tt.want {
			t.Errorf("%q: time.Sleep found at %q, want %q", tt.src, got, tt.want)
		}
	}
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
		if got := locations(findRule(files, tt.rule)); got != tt.want {
			t.Errorf("%s: found at %q, want %q", tt.rule, got, tt.want)
		}
	}
	problems := closesOffSender(files)
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "x.go:21: close(done) is not on the sending side") {
		t.Errorf("close-by-sender: %q", problems)
	}
}

// locations writes where findRule found a rule, as its messages do.
func locations(found []Location) string {
	s := make([]string, len(found))
	for i, l := range found {
		s[i] = l.String()
	}
	return strings.Join(s, " ")
}
