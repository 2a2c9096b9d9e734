//go:build !linux

package grader

import (
	"fmt"
	"os"
	"syscall"
)

// Without Linux namespaces and the launcher, a run is the test binary in its own
// process group, killed as a group; the memory limit is GOMEMLIMIT alone.

const launcherSupported = false

const launchEnv = "GOCOURSE_SANDBOX_LAUNCH"

type launchSpec struct {
	Path    string
	Args    []string
	Env     []string
	Dir     string
	Rlimits []rlimit
	Mount   bool
	Hide    []string
	Keep    string
	Probe   bool
	Files   int
	// Sealing the run folder needs mount namespaces: never here.
	Seal     bool
	Disk     int64
	Private  []string
	Writable []string
}

type rlimit struct {
	Resource int
	Value    uint64
}

const (
	rlimitCPU   = 0
	rlimitFsize = 1
	rlimitData  = 2
	rlimitCore  = 4
	rlimitNproc = 6
)

func sandboxAttr(bool) *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

func newMountNS(*syscall.SysProcAttr) bool { return false }

func procLimit(n int, _ bool) uint64 { return uint64(n) }

// Isolation says how learner code is isolated on this machine, in a sentence.
func Isolation() string {
	return "process group only: the sandbox needs Linux; learner code can read what the grader's user can read"
}

// Isolated reports whether learner code runs in namespaces that hide the course.
func Isolated() bool { return false }

func canSeal() bool { return false }

const statusEnv = "GOCOURSE_SANDBOX_STATUS"

// Launch would be the sandbox launcher; runs here are not launched (see
// launcherSupported), so a call is never the grader's.
func Launch() int {
	fmt.Fprintf(os.Stderr, "gocourse %s: no sandbox launcher on this system\n", LauncherCommand)
	return 2
}
