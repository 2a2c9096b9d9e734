package gen

import (
	"strings"
	"testing"
	"text/template"
)

// Source gofmt's what a template yields, and a template that yields code that
// does not parse is an error naming the template.
func TestSource(t *testing.T) {
	tm := template.Must(template.New("ok.tmpl").Parse("package {{.}}\nfunc  f( ) {}\n"))
	template.Must(tm.New("bad.tmpl").Parse("package {{.}}\nfunc {\n"))
	src, err := Source(tm, "ok.tmpl", "p")
	if err != nil || string(src) != "package p\n\nfunc f() {}\n" {
		t.Errorf("Source(ok) = %q, %v; want gofmt'ed code", src, err)
	}
	if _, err := Source(tm, "bad.tmpl", "p"); err == nil || !strings.Contains(err.Error(), "bad.tmpl") {
		t.Errorf("Source(bad) error = %v; want one naming bad.tmpl", err)
	}
}
