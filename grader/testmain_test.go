package grader

import (
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

// TestGeneratedTestMain renders the TestMain template with and without the
// leak check: each is gofmt'ed Go of the course's package that imports what
// it uses and nothing else (an unused import would not compile), and carries
// the report descriptor as a constant and the variable the linker sets to the
// run's nonce.
func TestGeneratedTestMain(t *testing.T) {
	for _, leak := range []bool{false, true} {
		data := testMainData{Package: "sum", Leak: leak, ReportFD: reportFD,
			WatchEveryMS: 250, LearnerFiles: []string{"/01-basics/sum/sum.go:"}, MaxStacks: 20}
		src, err := generate("testmain.go.tmpl", data)
		if err != nil {
			t.Fatalf("leak %v: %v", leak, err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), "zz.go", src, parser.ImportsOnly)
		if err != nil {
			t.Fatalf("leak %v: %v\n%s", leak, err, src)
		}
		if f.Name.Name != "sum" {
			t.Errorf("leak %v: package %s, want sum", leak, f.Name.Name)
		}
		var imports []string
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			imports = append(imports, p)
		}
		want := "encoding/json os testing"
		if leak {
			want = "encoding/json os runtime/pprof strings sync testing time go.uber.org/goleak"
		}
		if got := strings.Join(imports, " "); got != want {
			t.Errorf("leak %v: imports %s, want %s", leak, got, want)
		}
		for _, s := range []string{"var gocourseNonce string", "gocourseReport.Nonce = gocourseNonce", "os.NewFile(3, "} {
			if !strings.Contains(string(src), s) {
				t.Errorf("leak %v: the TestMain does not hold %s:\n%s", leak, s, src)
			}
		}
		if leak != strings.Contains(string(src), `"/01-basics/sum/sum.go:"`) {
			t.Errorf("leak %v: the learner's files are named %v", leak, !leak)
		}
	}
}
