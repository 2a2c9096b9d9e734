package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/gocourse/gocourse/course"
)

// program is how the learner runs gocourse, as the commands the tool suggests are
// printed: "gocourse" when that name on $PATH is this program, "go run ./cmd/gocourse"
// when the go command built it for one run, else the path the learner typed. Main
// sets it; the commands' own tests keep "gocourse".
var program = "gocourse"

// suggest returns a command line to suggest to the learner: suggest("hint") is
// "gocourse hint" or "go run ./cmd/gocourse hint", as the learner runs the tool.
func suggest(args string) string {
	if args == "" {
		return program
	}
	return program + " " + args
}

// invokedAs works out how the running program was started (see program). argv0 is
// os.Args[0], exe the running executable, and lookPath finds a name on $PATH.
func invokedAs(argv0, exe, cwd string, lookPath func(string) (string, error)) string {
	exe = realPath(exe)
	if p, err := lookPath("gocourse"); err == nil && exe != "" && realPath(p) == exe {
		return "gocourse"
	}
	if goRunBuilt(exe) {
		// go run ./cmd/gocourse, from the course checkout or a folder inside it.
		if root, err := course.FindRoot(cwd); err == nil {
			if _, err := os.Stat(filepath.Join(root, "cmd", "gocourse")); err == nil {
				rel, err := filepath.Rel(cwd, filepath.Join(root, "cmd", "gocourse"))
				if err == nil {
					return "go run " + dotSlash(filepath.ToSlash(rel))
				}
			}
		}
		return "go run ./cmd/gocourse"
	}
	if strings.ContainsRune(argv0, filepath.Separator) {
		return argv0 // ./gocourse, bin/gocourse, /opt/gocourse
	}
	return "gocourse"
}

// goRunBuilt reports whether exe is a binary that go run built: it lives in the go
// command's build cache or in one of its go-build temporary folders.
func goRunBuilt(exe string) bool {
	if exe == "" {
		return false
	}
	for _, part := range strings.Split(filepath.ToSlash(exe), "/") {
		if strings.HasPrefix(part, "go-build") {
			return true
		}
	}
	if cache := os.Getenv("GOCACHE"); cache != "" && strings.HasPrefix(exe, realPath(cache)+string(filepath.Separator)) {
		return true
	}
	return false
}

func dotSlash(p string) string {
	if strings.HasPrefix(p, "../") || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "/") {
		return p
	}
	return "./" + p
}

func realPath(p string) string {
	if p == "" {
		return ""
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	return p
}

// setProgram sets program from the running process.
func setProgram() {
	exe, _ := os.Executable()
	cwd, _ := os.Getwd()
	program = invokedAs(os.Args[0], exe, cwd, exec.LookPath)
}
