// Package gen writes the Go source that the grader compiles into the code it
// checks (a TestMain, the simulator's harness file), from text/template files:
// what is generated is read as Go, not assembled from format strings, and it
// comes out gofmt'ed.
package gen

import (
	"bytes"
	"fmt"
	"go/format"
	"text/template"
)

// Source executes the template name of t with data and gofmt's the result. A
// template that yields code gofmt cannot read is the generator's bug: the
// error says so, with the template's name.
func Source(t *template.Template, name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return nil, fmt.Errorf("generating %s: %w", name, err)
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generating %s: the code does not parse: %w", name, err)
	}
	return src, nil
}
