package grader

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/gocourse/gocourse/course"
)

// writeTxtar writes the files of an archive under dir, with $NAME replaced by vars.
func writeTxtar(t *testing.T, a *txtar.Archive, dir string, vars map[string]string) {
	t.Helper()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(expand(string(f.Data), vars)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func expand(s string, vars map[string]string) string {
	for k, v := range vars {
		s = strings.ReplaceAll(s, "$"+k, v)
	}
	return s
}

// trustCourse writes a trust fixture course (dir/course.txtar) into a temporary
// folder and loads it.
func trustCourse(t *testing.T, dir string) *course.Course {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join(dir, "course.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(t.TempDir(), "course")
	writeTxtar(t, a, root, nil)
	c, err := course.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestTrust grades every adversarial submission in testdata/trust/case-*.txtar
// strictly, as an instructor does, and checks the verdict its comment announces
// (see trustSuite).
func TestTrust(t *testing.T) {
	trustSuite(t, "testdata/trust", 20)
}

// TestTrustSim does the same for testdata/trust-sim: submissions that attack the
// checks that run learner code under the simulator (sim, and output's simulated
// runs), which run it in the sandbox as the test check does.
func TestTrustSim(t *testing.T) {
	trustSuite(t, "testdata/trust-sim", 10)
}

// trustSuite grades every adversarial submission in dir/case-*.txtar strictly,
// as an instructor does, against the course of dir/course.txtar, and checks the
// verdict its comment announces:
//
//	exercise: ID           the exercise graded (the course's first by default)
//	want status: fail      the exercise's status
//	want score: 1          its score (build 1 and tests 2, build counting only when the tests pass)
//	want max: 3            its max_score
//	want check KIND: fail  the status of its check of that kind
//	want message: REGEXP   matched against the messages of every check
//	want gone: TEXT        once graded, no process this test started (and none
//	                       that escaped it) has a command line that holds TEXT
//	want absent: PATH      once graded, nothing is at PATH ($NAME expanded)
//	policy: off            the policy on the learner's files is not checked, to
//	                       show that the defences behind it hold on their own
//	needs: isolation       skipped where the machine has no namespaces
//	needs: seal            skipped where runs cannot be sealed (see launchSpec.Seal)
//	symlink: PATH -> TARGET, remove: PATH   changes to the submission
//
// Each submission starts as a copy of the course's starters.
func trustSuite(t *testing.T, dir string, atLeast int) {
	if testing.Short() {
		t.Skip("builds and race-tests a submission per case")
	}
	c := trustCourse(t, dir)
	// "want gone" looks for what a case left running among this test's own
	// descendants, escaped ones included.
	if err := adoptOrphans(); err != nil {
		t.Fatalf("becoming a child subreaper: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	// Closed once every case has run: the cases are parallel subtests, which
	// run after this function returns (a defer would close it before them).
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conn.Close()
		}
	}()
	// Another checkout of the course on the machine (this repository), and
	// the grader's home: learner code must see neither.
	other, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	cases, _ := filepath.Glob(filepath.Join(dir, "case-*.txtar"))
	if len(cases) < atLeast {
		t.Fatalf("%d adversarial cases; the trust suite promises at least %d", len(cases), atLeast)
	}
	for _, file := range cases {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(file), "case-"), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{}
			var symlinks, removes, gone, absent []string
			noPolicy := false
			ex := c.Exercises()[0]
			for _, line := range strings.Split(string(a.Comment), "\n") {
				k, v, ok := strings.Cut(line, ": ")
				switch {
				case !ok:
				case k == "want gone":
					gone = append(gone, v)
				case k == "want absent":
					absent = append(absent, v)
				case k == "policy" && v == "off":
					noPolicy = true
				case strings.HasPrefix(k, "want "):
					want[strings.TrimPrefix(k, "want ")] = v
				case k == "needs" && v == "isolation" && !Isolated():
					t.Skipf("needs namespaces: %s", Isolation())
				case k == "needs" && v == "seal" && !canSeal():
					t.Skipf("needs a sealed run: %s", Isolation())
				case k == "exercise":
					if ex, err = c.Exercise(v); err != nil {
						t.Fatal(err)
					}
				case k == "symlink":
					symlinks = append(symlinks, v)
				case k == "remove":
					removes = append(removes, v)
				}
			}
			sub := filepath.Join(t.TempDir(), "submission")
			if err := os.CopyFS(sub, os.DirFS(c.Root)); err != nil {
				t.Fatal(err)
			}
			os.RemoveAll(filepath.Join(sub, "solutions"))
			vars := map[string]string{"COURSE": c.Root, "SUBMISSION": sub, "LISTEN": ln.Addr().String(), "UNIQUE": "gocourse-trust-" + name + "-" + strconv.Itoa(os.Getpid()),
				"OTHER": other, "HOME": home}
			// Removals first: a case may put a folder where a file was.
			for _, r := range removes {
				os.RemoveAll(filepath.Join(sub, r))
			}
			writeTxtar(t, a, sub, vars)
			for _, s := range symlinks {
				from, to, _ := strings.Cut(s, " -> ")
				p := filepath.Join(sub, from)
				os.Remove(p)
				if err := os.Symlink(expand(to, vars), p); err != nil {
					t.Fatal(err)
				}
			}

			start := time.Now()
			res := Check(context.Background(), c, ex, Options{Workbook: sub, Limits: Limits{Memory: 128 << 20, Grace: 5 * time.Second}, noPolicy: noPolicy})
			elapsed := time.Since(start)
			var msgs []string
			for _, ch := range res.Checks {
				msgs = append(msgs, ch.Name+" "+string(ch.Status)+": "+ch.Message)
			}
			all := strings.Join(msgs, "\n")
			t.Logf("%s in %s: %s %g/%g\n%s", name, elapsed.Round(time.Millisecond), res.Status, res.Score, res.MaxScore, all)
			if s := want["status"]; s != "" && string(res.Status) != s {
				t.Errorf("status %s, want %s", res.Status, s)
			}
			if s := want["score"]; s != "" && strconv.FormatFloat(res.Score, 'g', -1, 64) != s {
				t.Errorf("score %g, want %s", res.Score, s)
			}
			max := want["max"]
			if max == "" {
				max = "3"
			}
			if strconv.FormatFloat(res.MaxScore, 'g', -1, 64) != max {
				t.Errorf("max_score %g, want %s", res.MaxScore, max)
			}
			for k, v := range want {
				kind, ok := strings.CutPrefix(k, "check ")
				if !ok {
					continue
				}
				got := "missing"
				for _, ch := range res.Checks {
					if ch.Name == kind {
						got = string(ch.Status)
					}
				}
				if got != v {
					t.Errorf("check %s: %s, want %s", kind, got, v)
				}
			}
			if s := want["message"]; s != "" && !regexp.MustCompile(s).MatchString(all) {
				t.Errorf("no message matches %q", s)
			}
			for _, p := range absent {
				p = expand(p, vars)
				if _, err := os.Lstat(p); err == nil {
					os.RemoveAll(p)
					t.Errorf("%s outlived the run", p)
				}
			}
			for _, g := range gone {
				if pids := descendantsWith(g); len(pids) > 0 {
					t.Errorf("processes %v outlived the run: %q", pids, g)
				}
			}
			// Whatever the learner printed, no message carries an escape or a line
			// a CI system would read as a command.
			for _, ch := range res.Checks {
				for _, l := range strings.Split(ch.Message, "\n") {
					l = strings.TrimLeft(l, " \t")
					// (as runes: a raw 0x9b byte is invalid UTF-8 and comes out as U+FFFD,
					// which a terminal shows as it is)
					if strings.HasPrefix(l, "::") || strings.HasPrefix(l, "##[") || strings.ContainsAny(l, "\u001b\u009b\u0007") {
						t.Errorf("message line not neutralised: %q", l)
					}
				}
			}
		})
	}
}

// TestTrustCount holds the trust suites to their promise: at least 80
// adversarial submissions, each expecting status fail and score 0 (never
// error), and at least 10 honest variants expecting full marks.
func TestTrustCount(t *testing.T) {
	cases, _ := filepath.Glob("testdata/trust*/case-*.txtar")
	adversarial, honest := 0, 0
	for _, file := range cases {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		comment := string(a.Comment)
		switch {
		case strings.Contains(comment, "\nwant status: fail\n") && strings.Contains(comment, "\nwant score: 0\n"):
			adversarial++
		case strings.Contains(comment, "\nwant status: pass\n"):
			honest++
		case strings.Contains(comment, "\nwant status: error\n"):
			t.Errorf("%s expects a grader error: a submission is never the grader's fault", file)
		default:
			t.Errorf("%s announces neither a failing score of 0 nor a pass", file)
		}
	}
	if adversarial < 80 || honest < 10 {
		t.Errorf("%d adversarial and %d honest submissions; the suite promises at least 80 and 10", adversarial, honest)
	}
	t.Logf("%d adversarial, %d honest", adversarial, honest)
}
