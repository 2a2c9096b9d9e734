package rewrite

import (
	"go/build/constraint"
	"go/token"
	"go/version"
	"strings"
)

// fileVersion returns the language version the file is built at in the
// module's own build ("go1.21"), or "" when the module's go line is not
// overridden (Options.GoVersion is empty): the module's version, or the one
// the file's //go:build line asks for when that is newer. As the compiler
// does, a version before go1.21 counts as go1.21 (the oldest a file can ask
// for).
func (r *pkgRewriter) fileVersion(fileGo string) string {
	if r.opts.GoVersion == "" {
		return ""
	}
	v := "go" + strings.TrimPrefix(r.opts.GoVersion, "go")
	if version.Compare(fileGo, v) > 0 {
		v = fileGo
	}
	if version.Compare(v, "go1.21") < 0 {
		v = "go1.21"
	}
	return version.Lang(v)
}

// oldRange reports whether the file's range loops over channels must be
// written without range over a function, which needs go1.23.
func (r *fileRewriter) oldRange() bool {
	v := r.fileVersion(r.file.GoVersion)
	return v != "" && version.Compare(v, "go1.23") < 0
}

// buildPlan is the //go:build line a rewritten file gets.
type buildPlan struct {
	expr     string    // the expression to write after //go:build
	found    bool      // the file has a //go:build line, at pos..end
	pos, end token.Pos //
}

// buildLine returns the //go:build line that keeps the file at the module's
// language version, or nil when none is needed. A file that has a
// constraint keeps it, with "&& go1.N" added: the file's version is then
// the newer of the two, as in the module's own build.
func (r *fileRewriter) buildLine() *buildPlan {
	if r.opts.GoVersion == "" {
		return nil
	}
	lang := version.Lang("go" + strings.TrimPrefix(r.opts.GoVersion, "go"))
	for _, g := range r.file.Comments {
		if g.Pos() >= r.file.Package {
			break
		}
		for _, c := range g.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				return nil // the go command reports it
			}
			return &buildPlan{
				expr:  (&constraint.AndExpr{X: expr, Y: &constraint.TagExpr{Tag: lang}}).String(),
				found: true, pos: c.Pos(), end: c.End(),
			}
		}
	}
	return &buildPlan{expr: lang}
}
