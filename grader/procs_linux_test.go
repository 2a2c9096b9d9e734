package grader

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// adoptOrphans makes this test process a child subreaper: a process that the
// grader under test started and that escaped it (a double fork, setsid) is
// re-parented here rather than to the machine's init, so that descendants
// still finds it.
func adoptOrphans() error {
	const prSetChildSubreaper = 36
	if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); e != 0 {
		return e
	}
	return nil
}

// descendantsWith returns this process's descendants whose command line, its
// arguments joined by spaces, holds text: only what this test started, never
// another program's processes (another grader running the same suite beside
// it, say).
func descendantsWith(text string) []string {
	self := os.Getpid()
	var pids []string
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || !descends(pid, self) {
			continue
		}
		data, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && strings.Contains(strings.ReplaceAll(string(data), "\x00", " "), text) {
			pids = append(pids, e.Name())
		}
	}
	return pids
}

// descends reports whether pid's chain of parents reaches ancestor.
func descends(pid, ancestor int) bool {
	for seen := 0; pid > 1 && seen < 64; seen++ {
		if pid == ancestor {
			return true
		}
		pid = parentOf(pid)
	}
	return false
}

// parentOf returns the parent of pid from /proc/PID/stat (0 when it is gone).
func parentOf(pid int) int {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// "pid (comm) state ppid ...": comm may hold spaces and parentheses.
	_, rest, ok := strings.Cut(string(data[strings.LastIndexByte(string(data), ')')+1:]), " ")
	if !ok {
		return 0
	}
	f := strings.Fields(rest)
	if len(f) < 2 {
		return 0
	}
	ppid, _ := strconv.Atoi(f[1])
	return ppid
}
