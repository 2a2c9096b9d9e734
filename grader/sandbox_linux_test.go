package grader

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSandboxExtraFiles checks that runSpec.ExtraFiles reach the run as file
// descriptors 3, 4, ...: through the launcher's exec, in namespaces and without
// them, as the grader's user and as nobody. The simulator's token pipe travels so.
func TestSandboxExtraFiles(t *testing.T) {
	sh := "/bin/sh"
	if _, err := os.Stat(sh); err != nil {
		t.Skip("no /bin/sh")
	}
	pipe := func(s string) *os.File {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		w.WriteString(s)
		w.Close()
		t.Cleanup(func() { r.Close() })
		return r
	}
	run := func(t *testing.T, drop bool) {
		spec := runSpec{
			Path: sh,
			Args: []string{sh, "-c", "cat <&3; echo; cat <&4; echo; ls /proc/self/fd"},
			Dir:  "/",
			Env:  []string{"PATH=/usr/bin:/bin"},
			Wall: 20 * time.Second, CPU: 10 * time.Second,
			Drop:       drop,
			ExtraFiles: []*os.File{pipe("token-three"), pipe("token-four")},
		}
		out := runSandboxed(context.Background(), spec, Limits{})
		if out.Err != nil || out.Killed != "" || out.ExitCode != 0 {
			t.Fatalf("run: err %v, killed %q, exit %d\n%s", out.Err, out.Killed, out.ExitCode, out.Output)
		}
		lines := strings.Fields(string(out.Output))
		if len(lines) < 2 || lines[0] != "token-three" || lines[1] != "token-four" {
			t.Fatalf("fd 3 and 4 did not carry the pipes; the run printed:\n%s", out.Output)
		}
		// Nothing of the launcher's own comes along: 0 to 4, and the folder ls
		// itself reads.
		if extra := len(lines[2:]) - 5; extra > 1 {
			t.Errorf("the run inherited %d file descriptors more than 0 to 4:\n%s", extra-1, out.Output)
		}
	}
	modes := []struct {
		name string
		ns   bool
	}{{"namespaces", true}, {"plain", false}}
	probeIsolation()
	saved := isolation.ns
	defer func() { isolation.ns = saved }()
	for _, m := range modes {
		if m.ns && !saved {
			t.Logf("no namespaces here (%s): only the plain launcher is tried", isolation.why)
			continue
		}
		isolation.ns = m.ns
		t.Run(m.name, func(t *testing.T) { run(t, false) })
		if os.Getuid() == 0 {
			t.Run(m.name+"/nobody", func(t *testing.T) { run(t, true) })
		}
	}
}

// TestSandboxSplitOutput checks that Split keeps stdout and stderr apart and
// that the output limit counts them together.
func TestSandboxSplitOutput(t *testing.T) {
	sh := "/bin/sh"
	spec := runSpec{
		Path: sh, Args: []string{sh, "-c", "echo out; echo err >&2"}, Dir: "/",
		Env: []string{"PATH=/usr/bin:/bin"}, Wall: 20 * time.Second, CPU: 10 * time.Second, Split: true,
	}
	out := runSandboxed(context.Background(), spec, Limits{})
	if out.Err != nil || string(out.Output) != "out\n" || string(out.Stderr) != "err\n" {
		t.Fatalf("split: err %v, stdout %q, stderr %q", out.Err, out.Output, out.Stderr)
	}
	spec.Args = []string{sh, "-c", "while :; do echo xxxxxxxxxxxxxxxx; echo yyyyyyyyyyyyyyyy >&2; done"}
	out = runSandboxed(context.Background(), spec, Limits{Output: 64 << 10})
	if !strings.Contains(out.Killed, "output") || len(out.Output)+len(out.Stderr) != 64<<10 || len(out.Stderr) == 0 {
		t.Fatalf("split flood: killed %q, %d + %d bytes kept", out.Killed, len(out.Output), len(out.Stderr))
	}
}

// TestSandboxLauncherFailureIsNotExitStatus: a launcher that cannot start the
// run is the grader's error, said on the status pipe; a program that exits
// with the same status (125, 126) is the program's own exit.
func TestSandboxLauncherFailureIsNotExitStatus(t *testing.T) {
	sh := "/bin/sh"
	spec := runSpec{
		Path: "/nonexistent/exercise.test", Args: []string{"exercise.test"}, Dir: "/",
		Env: []string{"PATH=/usr/bin:/bin"}, Wall: 20 * time.Second, CPU: 10 * time.Second,
	}
	out := runSandboxed(context.Background(), spec, Limits{})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "exec /nonexistent/exercise.test") {
		t.Errorf("exec of a missing binary: err %v, exit %d, output %q", out.Err, out.ExitCode, out.Output)
	}
	for _, code := range []string{"125", "126"} {
		spec.Path, spec.Args = sh, []string{sh, "-c", "echo 'gocourse sandbox: forged'; exit " + code}
		out = runSandboxed(context.Background(), spec, Limits{})
		if out.Err != nil || out.Killed != "" || strconv.Itoa(out.ExitCode) != code {
			t.Errorf("exit %s: err %v, killed %q, exit %d", code, out.Err, out.Killed, out.ExitCode)
		}
	}
}

// TestSandboxSealed checks a sealed run (strict grading): its root shows the
// system's programs and libraries, its /proc, its devices and the run folder,
// and nothing else of the host (not this checkout); the run folder is
// read-only but for its home and tmp; /tmp, /dev/shm and /var/tmp are private
// and bounded by Limits.Disk together.
func TestSandboxSealed(t *testing.T) {
	if !canSeal() {
		t.Skipf("runs cannot be sealed here: %s", Isolation())
	}
	here, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	run := t.TempDir()
	os.Chmod(run, 0o777)
	for _, d := range []string{"home", "tmp"} {
		os.Mkdir(run+"/"+d, 0o777)
		os.Chmod(run+"/"+d, 0o777)
	}
	script := `
ls / | tr '\n' ' '; echo
test -e ` + here + ` && echo "SEES-CHECKOUT"
touch planted 2>/dev/null && echo "WROTE-RUN-FOLDER"
touch home/x tmp/x /tmp/x /dev/shm/x /var/tmp/x || echo "PRIVATE-NOT-WRITABLE"
dd if=/dev/zero of=/tmp/big bs=1048576 count=3 2>/dev/null && echo "WROTE-PAST-DISK"
echo done`
	spec := runSpec{
		Path: "/bin/sh", Args: []string{"/bin/sh", "-c", script},
		Dir: run, Keep: run, Seal: true,
		Env:  []string{"PATH=/usr/bin:/bin"},
		Wall: 20 * time.Second, CPU: 10 * time.Second,
	}
	out := runSandboxed(context.Background(), spec, Limits{Disk: 2 << 20})
	if out.Err != nil || out.Killed != "" {
		t.Fatalf("run: err %v, killed %q, exit %d\n%s", out.Err, out.Killed, out.ExitCode, out.Output)
	}
	got := string(out.Output)
	for _, bad := range []string{"SEES-CHECKOUT", "WROTE-RUN-FOLDER", "PRIVATE-NOT-WRITABLE", "WROTE-PAST-DISK", "work", "root", "home"} {
		if strings.Contains(got, bad) {
			t.Errorf("%s:\n%s", bad, got)
		}
	}
	if !strings.Contains(got, "done") {
		t.Errorf("the script did not finish:\n%s", got)
	}
	if _, err := os.Stat(run + "/planted"); err == nil {
		t.Error("the run wrote into the run folder")
	}
	t.Logf("%s", got)
}

// TestDescendantsFindsEscapedProcesses holds the trust suite's "want gone"
// to what it promises: a process that this test started, and that left its
// parent and its session, is still found among this test's descendants.
func TestDescendantsFindsEscapedProcesses(t *testing.T) {
	if err := adoptOrphans(); err != nil {
		t.Fatal(err)
	}
	marker := fmt.Sprintf("sleep 3%d", os.Getpid()%100000)
	// sh starts sleep in a new session and exits: sleep is an orphan.
	if out, err := exec.Command("sh", "-c", "setsid "+marker+" >/dev/null 2>&1 &").CombinedOutput(); err != nil {
		t.Fatalf("sh: %v %s", err, out)
	}
	pids := descendantsWith(marker)
	for _, p := range pids {
		pid, _ := strconv.Atoi(p)
		syscall.Kill(pid, syscall.SIGKILL)
		var ws syscall.WaitStatus
		syscall.Wait4(pid, &ws, 0, nil) // this process adopted it: reap it
	}
	if len(pids) != 1 {
		t.Errorf("descendantsWith(%q) = %v, want the escaped sleep", marker, pids)
	}
	if pids := descendantsWith(marker); len(pids) != 0 {
		t.Errorf("after killing it, descendantsWith(%q) = %v", marker, pids)
	}
}
