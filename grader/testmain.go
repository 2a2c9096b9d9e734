package grader

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/gocourse/gocourse/grader/gen"
)

// templates holds the Go source that the grader generates, as text/template
// files: what it compiles into learner code is read as Go, not assembled from
// format strings.
//
//go:embed templates/*.tmpl
var templates embed.FS

// generated are the parsed templates, by file name.
var generated = template.Must(template.ParseFS(templates, "templates/*.tmpl"))

// generate executes the template name with data and gofmt's the result.
func generate(name string, data any) ([]byte, error) { return gen.Source(generated, name, data) }

// leakFile is the name of the generated file that holds the leak-checking TestMain.
const leakFile = "zz_gocourse_leak_test.go"

// reportFD is the file descriptor on which the generated TestMain writes its
// report (a binaryReport as JSON): the write end of a pipe that runTests hands
// the test binary, compiled into it as a constant.
const reportFD = 3

// maxReport bounds the report the grader reads from the test binary.
const maxReport = 1 << 20

// leakExperiment is the GOEXPERIMENT that gives Go 1.26's runtime/pprof its
// "goroutineleak" profile.
const leakExperiment = "goroutineleakprofile"

// maxLeakStacks bounds how many leaked goroutines' stacks the TestMain reports.
const maxLeakStacks = 20

// watchEvery is how often the generated TestMain's watch takes the goroutine
// leak profile while the tests run (each time a garbage collection).
const watchEvery = 250 * time.Millisecond

// testMainData is what templates/testmain.go.tmpl is filled with.
type testMainData struct {
	Package      string   // the package clause of the course's tests
	Leak         bool     // check for leaked goroutines, and watch for deadlocks
	ReportFD     int      // where the report goes
	WatchEveryMS int64    // how often the watch looks
	LearnerFiles []string // the endings of stack lines in the learner's files
	MaxStacks    int      // how many stacks a report holds at most
}

// testMain returns the generated TestMain, as an overlay entry keyed by the
// build folder: it runs the tests, checks for leaked goroutines when leak is
// set, and writes its report (binaryReport, with the run's nonce) on reportFD;
// nil when the course's tests have a TestMain of their own.
//
// The leak check is two detectors. Go's goroutine leak profile (a garbage
// collection that finds goroutines blocked on a channel, mutex or WaitGroup that
// no running goroutine can reach, so they can never go on) runs after every
// test run, failed or not, and names the goroutines that can never end; while
// the tests run, a watch takes it every watchEvery and stops the tests at the
// first goroutine of the learner's code blocked forever. goleak then lists
// every goroutine still alive once the tests have passed, whatever it waits
// on: one blocked on a package-level channel, one sleeping, one slow to
// finish. The first is exact but sees only the blocked-forever kind; the second
// sees everything but cannot tell a goroutine that will never end from one that
// has not ended yet. The profile is there when the test binary was built with
// GOEXPERIMENT=goroutineleakprofile (see compileTests).
func (env *Env) testMain(leak bool) (map[string]string, error) {
	if env.TestPackage == "" || env.courseMain {
		return nil, nil
	}
	data := testMainData{
		Package: env.TestPackage, Leak: leak, ReportFD: reportFD,
		WatchEveryMS: watchEvery.Milliseconds(), MaxStacks: maxLeakStacks,
	}
	for _, f := range env.Exercise.Files {
		if strings.HasSuffix(f, ".go") && !strings.HasSuffix(f, "_test.go") {
			data.LearnerFiles = append(data.LearnerFiles, "/"+env.Exercise.ID+"/"+f+":")
		}
	}
	src, err := generate("testmain.go.tmpl", data)
	if err != nil {
		return nil, err
	}
	// A file of its own for each build: the build check's and the test
	// binary's may run at once (see runChecks), with or without the leak check.
	f, err := os.CreateTemp(env.TmpDir, "testmain-*.go")
	if err == nil {
		_, err = f.Write(src)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return nil, fmt.Errorf("writing the generated TestMain: %w", err)
	}
	return map[string]string{filepath.Join(env.BuildDir, leakFile): f.Name()}, nil
}
