package simrun

import (
	"go/ast"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsTestName reports whether go test runs a function of this name as a test
// (go help testfunc): "Test" alone, or "Test" followed by anything that does
// not begin with a lower-case letter. Test1, Test_b and TestA are tests;
// Testify is not, and TestMain is the package's own entry point.
func IsTestName(name string) bool {
	rest, ok := strings.CutPrefix(name, "Test")
	if !ok || name == "TestMain" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !unicode.IsLower(r)
}

// IsTestFunc reports whether go test runs fn as a test: a function (not a
// method) with a test's name and one parameter.
func IsTestFunc(fn *ast.FuncDecl) bool {
	if fn.Recv != nil || !IsTestName(fn.Name.Name) || fn.Type.Params == nil {
		return false
	}
	params := fn.Type.Params.List
	return len(params) == 1 && len(params[0].Names) <= 1
}

// TestFuncs returns the names of the functions of a test file that go test
// runs as tests, in the file's order.
func TestFuncs(f *ast.File) []string {
	var names []string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && IsTestFunc(fn) {
			names = append(names, fn.Name.Name)
		}
	}
	return names
}
