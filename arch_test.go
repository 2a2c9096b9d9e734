package gocourse

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/gocourse/gocourse"

// TestArchitecture keeps docs/architecture.md true: the import edges it lists
// between the module's packages are exactly those the go command sees, and none
// points up the house (cmd -> internal/cli -> grader -> sim, with the catalog
// and the timeline below the grader).
func TestArchitecture(t *testing.T) {
	documented := documentedEdges(t)
	actual := actualEdges(t)
	for pkg, imps := range actual {
		want, ok := documented[pkg]
		if !ok {
			t.Errorf("docs/architecture.md does not list package %s (it imports %v)", pkg, imps)
			continue
		}
		for _, imp := range imps {
			if !slices.Contains(want, imp) {
				t.Errorf("%s imports %s, which docs/architecture.md does not show", pkg, imp)
			}
		}
		for _, imp := range want {
			if !slices.Contains(imps, imp) {
				t.Errorf("docs/architecture.md shows %s -> %s, which the code no longer has", pkg, imp)
			}
		}
	}
	for pkg := range documented {
		if _, ok := actual[pkg]; !ok {
			t.Errorf("docs/architecture.md lists %s, which is not a package of the module", pkg)
		}
	}
	for pkg, imps := range actual {
		for _, imp := range imps {
			if rank(imp) > rank(pkg) {
				t.Errorf("%s imports %s: an import that points up the house", pkg, imp)
			}
		}
	}
}

// rank orders the floors of the house: a package may import only packages of
// its own floor or below.
func rank(pkg string) int {
	switch {
	case pkg == "cmd/gocourse":
		return 5
	case strings.HasPrefix(pkg, "internal/"):
		return 4
	case pkg == "grader" || strings.HasPrefix(pkg, "grader/"):
		return 3
	case pkg == "course" || pkg == "timeline":
		return 2
	case pkg == ".":
		return 1 // the embedded source of sim, imported by grader/simrun
	default: // sim and its drop-ins
		return 0
	}
}

// documentedEdges reads the "imports" block of docs/architecture.md.
func documentedEdges(t *testing.T) map[string][]string {
	t.Helper()
	doc, err := os.ReadFile("docs/architecture.md")
	if err != nil {
		t.Fatal(err)
	}
	edges := map[string][]string{}
	in := false
	sc := bufio.NewScanner(bytes.NewReader(doc))
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		switch {
		case text == "```imports":
			in = true
		case in && text == "```":
			in = false
		case in:
			from, to, ok := strings.Cut(text, "->")
			if !ok {
				t.Fatalf("docs/architecture.md:%d: want \"PKG -> PKG PKG...\", got %q", line, text)
			}
			edges[strings.TrimSpace(from)] = strings.Fields(to)
		}
	}
	if len(edges) == 0 {
		t.Fatal("docs/architecture.md has no imports block")
	}
	return edges
}

// actualEdges lists the module's packages (the lessons' example programs and
// the root package aside) with the module's packages each imports.
func actualEdges(t *testing.T) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	edges := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := short(fields[0])
		if pkg == "." || pkg == "lessons" || strings.HasPrefix(pkg, "lessons/") {
			continue
		}
		imps := []string{}
		for _, imp := range fields[1:] {
			if imp == module || strings.HasPrefix(imp, module+"/") {
				imps = append(imps, short(imp))
			}
		}
		edges[pkg] = imps
	}
	return edges
}

func short(path string) string {
	if path == module {
		return "."
	}
	return strings.TrimPrefix(path, module+"/")
}
