package grader

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Limits bound one run of learner code. The zero value of a field means its default.
type Limits struct {
	// Memory is the heap the Go runtime aims for (GOMEMLIMIT); the operating system
	// refuses memory well above it (RLIMIT_DATA: twice Memory, plus room for the
	// race detector's shadow memory). Default 512 MiB.
	Memory int64
	// Output is how many bytes a run may print (stdout and stderr together); a run
	// that prints more is stopped and fails. Default 4 MiB.
	Output int
	// Procs is how many processes and threads a run may add (RLIMIT_NPROC).
	// Default 512.
	Procs int
	// FileSize bounds every file a run writes (RLIMIT_FSIZE). Default 64 MiB.
	FileSize int64
	// Disk bounds everything a strictly graded run writes, together: its
	// /tmp, /dev/shm, /var/tmp, $HOME and $TMPDIR are one private tmpfs of
	// this size (where namespaces work). Default 64 MiB.
	Disk int64
	// Grace is how long a run may go on past the test's own timeout before its
	// processes are killed. Default 15s.
	Grace time.Duration
}

func (l Limits) withDefaults() Limits {
	if l.Memory <= 0 {
		l.Memory = 512 << 20
	}
	if l.Output <= 0 {
		l.Output = 4 << 20
	}
	if l.Procs <= 0 {
		l.Procs = 512
	}
	if l.FileSize <= 0 {
		l.FileSize = 64 << 20
	}
	if l.Grace <= 0 {
		l.Grace = 15 * time.Second
	}
	if l.Disk <= 0 {
		l.Disk = 64 << 20
	}
	return l
}

// raceShadow is the address space the race detector maps besides the heap.
const raceShadow = 3 << 30

// runSpec is one run of learner code.
type runSpec struct {
	Path string   // the test binary
	Args []string // its arguments (Args[0] is its name)
	Dir  string   // working folder
	Env  []string
	Wall time.Duration // killed after this long
	CPU  time.Duration // CPU time of all its threads together
	Race bool
	Hide []string // folders learner code must not see (when namespaces allow)
	Keep string   // the folder with the binary and Dir, kept visible
	Drop bool     // run as nobody when the grader is root (strict grading)
	// Seal, in strict grading, makes Keep read-only to the run and gives it a
	// private tmpfs of Limits.Disk bytes for /tmp, /dev/shm, /var/tmp and
	// Keep's home and tmp folders; Writable folders (inside Keep) stay writable.
	Seal     bool
	Writable []string
	// ExtraFiles reach the binary as its file descriptors 3, 4, ... (the launcher
	// inherits them and keeps them through its exec): the simulator's token pipe.
	ExtraFiles []*os.File
	// Split keeps standard output apart from standard error: Output holds
	// stdout alone and Stderr the rest. The output limit counts both together.
	Split bool
}

// sandboxEnv returns the environment of a run of learner code whose run folder is
// run: nothing of the grader's own.
func sandboxEnv(run string, lim Limits) []string {
	return []string{
		"PATH=/usr/local/bin:/usr/bin:/bin",
		"HOME=" + filepath.Join(run, "home"),
		"TMPDIR=" + filepath.Join(run, "tmp"),
		"GOMEMLIMIT=" + strconv.FormatInt(lim.Memory, 10),
		"GOTRACEBACK=all",
		"LANG=C.UTF-8",
		"NO_COLOR=1",
	}
}

// runOutcome is how a run ended.
type runOutcome struct {
	Output   []byte // stdout and stderr interleaved (stdout alone with Split), at most Limits.Output bytes in all
	Stderr   []byte // stderr, with Split
	ExitCode int    // -1 when killed by a signal
	Killed   string // why the grader or the kernel stopped it, in words; "" when it exited
	Err      error  // the run could not be started: an internal error
}

// runSandboxed runs learner code under the limits, in namespaces when the machine
// allows them.
func runSandboxed(ctx context.Context, spec runSpec, lim Limits) runOutcome {
	lim = lim.withDefaults()
	self, err := launcherPath()
	if err != nil {
		return runOutcome{Err: fmt.Errorf("sandbox: %w", err)}
	}
	attr := sandboxAttr(spec.Drop)
	ls := newLaunchSpec(spec, lim, attr)
	js, err := json.Marshal(ls)
	if err != nil {
		return runOutcome{Err: fmt.Errorf("sandbox: %w", err)}
	}
	ctx, cancel := context.WithTimeout(ctx, spec.Wall)
	defer cancel()
	cmd := launcherCmd(ctx, self, js, attr)
	if !launcherSupported {
		cmd = exec.CommandContext(ctx, spec.Path)
		cmd.Args, cmd.Env, cmd.Dir, cmd.SysProcAttr = spec.Args, spec.Env, spec.Dir, attr
	}
	cmd.ExtraFiles = spec.ExtraFiles
	var status, statusW *os.File // the launcher's status pipe
	if launcherSupported {
		status, statusW, err = os.Pipe()
		if err != nil {
			return runOutcome{Err: fmt.Errorf("sandbox: %w", err)}
		}
		defer status.Close()
		defer statusW.Close()
		// The launcher learns which of its descriptors are the run's from
		// launchSpec.Files: the status pipe comes after them.
		cmd.ExtraFiles = append(slices.Clip(spec.ExtraFiles), statusW)
		cmd.Env = append(cmd.Env, fmt.Sprintf("%s=%d", statusEnv, 2+len(cmd.ExtraFiles)))
	}
	capped, out, errOut := captureOutput(cmd, spec.Split, lim.Output)
	cmd.Cancel = func() error { return killTree(cmd.Process.Pid) }
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		return runOutcome{Err: fmt.Errorf("sandbox: starting the test binary: %w", err)}
	}
	if statusW != nil {
		statusW.Close() // the launcher holds the write end now
	}
	werr := cmd.Wait()
	// Whatever the run started and left behind in its process group goes too (in a
	// pid namespace the kernel has done it already).
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	res := runOutcome{Output: out.bytes(), ExitCode: -1}
	if spec.Split {
		res.Stderr = errOut.bytes()
	}
	if st := cmd.ProcessState; st != nil {
		res.ExitCode = st.ExitCode()
	}
	ended(ctx, &res, cmd.ProcessState, capped, status, spec.Wall, ls.cpuSeconds(), lim)
	if werr != nil && res.Err == nil && res.Killed == "" && cmd.ProcessState == nil {
		res.Err = werr
	}
	return res
}

// captureOutput sends cmd's standard output and error, together or split, to
// writers that keep up to room bytes in all, and kill the run when it prints
// more.
func captureOutput(cmd *exec.Cmd, split bool, room int) (capped *outputLimit, out, errOut *cappedWriter) {
	capped = &outputLimit{room: room}
	out, errOut = capped.writer(), capped.writer()
	if !split {
		errOut = out
	}
	cmd.Stdout, cmd.Stderr = out, errOut
	capped.overflow = func() {
		if cmd.Process != nil {
			killTree(cmd.Process.Pid)
		}
	}
	return capped, out, errOut
}

// newLaunchSpec returns what the launcher does for spec: the limits, the
// namespaces' mounts, and the sealed run folder where the machine allows one.
func newLaunchSpec(spec runSpec, lim Limits, attr *syscall.SysProcAttr) launchSpec {
	data := uint64(2 * lim.Memory)
	if spec.Race {
		data += raceShadow
	}
	ls := launchSpec{
		Path: spec.Path, Args: spec.Args, Env: spec.Env, Dir: spec.Dir,
		Rlimits: []rlimit{
			{rlimitCPU, uint64(spec.CPU/time.Second) + 1},
			{rlimitData, data},
			{rlimitFsize, uint64(lim.FileSize)},
			{rlimitCore, 0},
			{rlimitNproc, procLimit(lim.Procs, spec.Drop)},
		},
		Mount: newMountNS(attr),
		Hide:  spec.Hide,
		Keep:  spec.Keep,
		Files: len(spec.ExtraFiles),
	}
	if spec.Seal && ls.Mount && canSeal() {
		ls.Seal, ls.Disk, ls.Writable = true, lim.Disk, spec.Writable
		ls.Private = []string{filepath.Join(spec.Keep, "home"), filepath.Join(spec.Keep, "tmp")}
	}
	return ls
}

// cpuSeconds is the run's limit of CPU time (RLIMIT_CPU), in seconds.
func (ls launchSpec) cpuSeconds() uint64 {
	for _, r := range ls.Rlimits {
		if r.Resource == rlimitCPU {
			return r.Value
		}
	}
	return 0
}

// ended says in res why a run ended that did not simply exit: the output
// limit, the wall clock, an interruption, a signal (the CPU limit, the
// kernel's out-of-memory killer), or the launcher's own failure, which it
// said on its status pipe (after a successful exec the pipe is closed with
// nothing in it, and an exit status of 125 or 126 is the program's own).
func ended(ctx context.Context, res *runOutcome, st *os.ProcessState, capped *outputLimit, status *os.File, wall time.Duration, cpu uint64, lim Limits) {
	switch {
	case capped.exceeded():
		res.Killed = fmt.Sprintf("printed more than %s of output, so it was stopped", size(int64(lim.Output)))
	case ctx.Err() == context.DeadlineExceeded:
		res.Killed = fmt.Sprintf("was still running after %s, so it was stopped (an endless loop, or a goroutine that never ends?)", wall.Round(time.Second))
	case ctx.Err() != nil:
		res.Err = fmt.Errorf("grading was interrupted: %w", ctx.Err())
	case st != nil && !st.Exited():
		ws, _ := st.Sys().(syscall.WaitStatus)
		used := st.UserTime() + st.SystemTime()
		switch {
		case ws.Signal() == syscall.SIGXCPU || (ws.Signal() == syscall.SIGKILL && used >= time.Duration(cpu)*time.Second-time.Second):
			res.Killed = fmt.Sprintf("used more than %ds of CPU time, so it was stopped", cpu)
		case ws.Signal() == syscall.SIGKILL:
			res.Killed = "was killed by the operating system (out of memory?)"
		default:
			res.Killed = fmt.Sprintf("ended by signal %v", ws.Signal())
		}
	case status != nil:
		status.SetReadDeadline(time.Now().Add(time.Second))
		if said, _ := io.ReadAll(io.LimitReader(status, 4096)); len(said) > 0 {
			res.Err = errors.New(strings.TrimSpace(string(said)))
		}
	}
}

var launcher struct {
	once sync.Once
	path string
	err  error
}

// launcherPath returns the executable that becomes the launcher: this program. A
// grader running as root runs learner code as nobody, who may not be able to reach
// this program where it is (go test builds in a private folder), so it uses a
// world-readable copy in the temporary folder then, made once.
func launcherPath() (string, error) {
	launcher.once.Do(func() {
		if _, ok := os.LookupEnv(launchEnv); ok {
			// This process was started as the launcher and did not hand the
			// call to Launch: starting itself again would only repeat that.
			launcher.err = fmt.Errorf("this program was started as the sandbox launcher (%s) but does not run it: its main, or its TestMain, must hand the call to grader.Launch", LauncherCommand)
			return
		}
		self, err := os.Executable()
		if err != nil || os.Getuid() != 0 {
			launcher.path, launcher.err = self, err
			return
		}
		// Hashed as it is read: the program is tens of megabytes, which a
		// copy in memory would cost in page faults on every start.
		f, err := os.Open(self)
		if err != nil {
			launcher.err = err
			return
		}
		h := sha256.New()
		size, err := io.Copy(h, f)
		f.Close()
		if err != nil {
			launcher.err = err
			return
		}
		dir := filepath.Join(scratchBase(), "gocourse-launcher")
		path := filepath.Join(dir, hex.EncodeToString(h.Sum(nil)[:8]))
		if fi, err := os.Stat(path); err == nil && fi.Size() == size && fi.Mode().Perm() == 0o755 {
			now := time.Now()
			os.Chtimes(path, now, now) // in use: see pruneLaunchers
			launcher.path = path
			return
		}
		pruneLaunchers(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			launcher.err = fmt.Errorf("the launcher's folder: %w", err)
			return
		}
		// Others (nobody) must reach it, whatever the umask.
		if err := os.Chmod(dir, 0o755); err != nil {
			launcher.err = fmt.Errorf("the launcher's folder: %w", err)
			return
		}
		// The copy is what was hashed: read again, checked against the name.
		data, err := os.ReadFile(self)
		if err == nil {
			if sum := sha256.Sum256(data); filepath.Base(path) != hex.EncodeToString(sum[:8]) {
				err = fmt.Errorf("%s changed while the grader copied it", self)
			}
		}
		if err != nil {
			launcher.err = err
			return
		}
		err = writeAtomic(path, data, 0o755)
		launcher.path, launcher.err = path, err
	})
	return launcher.path, launcher.err
}

// launcherMaxAge is how long a copy of an earlier build of gocourse (or of a test
// binary of package grader) stays in the launcher folder unused.
const launcherMaxAge = 24 * time.Hour

// pruneLaunchers removes the copies in dir that no grader has started from for
// launcherMaxAge: each build of gocourse leaves one, about 15 MB.
func pruneLaunchers(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if fi, err := e.Info(); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > launcherMaxAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// scratchBase returns the folder for the grader's scratch space: the temporary
// folder, unless the grader is root and some folder above it is closed to others (as
// go test's are), since learner code then runs as nobody and must reach its run
// folder; /tmp or /var/tmp then.
func scratchBase() string {
	base := os.TempDir()
	if os.Getuid() != 0 {
		return base
	}
	for _, d := range []string{base, "/tmp", "/var/tmp"} {
		if reachable(d) {
			return d
		}
	}
	return base
}

// reachable reports whether every folder from / down to dir lets others through.
func reachable(dir string) bool {
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil || !fi.IsDir() || fi.Mode().Perm()&0o001 == 0 {
			return false
		}
		if d == filepath.Dir(d) {
			return true
		}
	}
}

// LauncherCommand is the hidden subcommand that makes a program that grades the
// sandbox launcher: the grader starts its own executable as "gocourse
// sandbox-launch", with the run's instructions in its environment, and the
// program hands the call to Launch. gocourse has it as a hidden command; a
// test binary of a package that grades hands it over in its TestMain:
//
//	if grader.IsLauncher(os.Args) {
//		os.Exit(grader.Launch())
//	}
//
// The name the launcher starts under is "gocourse", so that a test binary that
// dispatches commands by name (go-internal's testscript) runs gocourse's.
const LauncherCommand = "sandbox-launch"

// IsLauncher reports whether a process started with args (os.Args) was started
// by the grader as its sandbox launcher.
func IsLauncher(args []string) bool {
	_, ok := os.LookupEnv(launchEnv)
	return ok && len(args) > 1 && args[1] == LauncherCommand
}

// LaunchOrTest is the body of the TestMain of a package whose tests grade: its
// test binary is the sandbox launcher when the grader under test starts it
// as one (as gocourse's hidden command is), and runs the tests otherwise.
// It returns the exit status:
//
//	func TestMain(m *testing.M) { os.Exit(grader.LaunchOrTest(m)) }
func LaunchOrTest(m interface{ Run() int }) int {
	if IsLauncher(os.Args) {
		return Launch()
	}
	return m.Run()
}

// launcherCmd returns the command that starts the launcher (the program self,
// as LauncherCommand) on spec.
func launcherCmd(ctx context.Context, self string, spec []byte, attr *syscall.SysProcAttr) *exec.Cmd {
	cmd := exec.CommandContext(ctx, self)
	cmd.Args = []string{"gocourse", LauncherCommand}
	cmd.Env = []string{launchEnv + "=" + string(spec)}
	cmd.SysProcAttr = attr
	return cmd
}

// killTree kills the process and its process group. In a pid namespace the
// process is its init, and the kernel then ends every process inside.
func killTree(pid int) error {
	syscall.Kill(-pid, syscall.SIGKILL)
	err := syscall.Kill(pid, syscall.SIGKILL)
	if errors.Is(err, syscall.ESRCH) {
		return os.ErrProcessDone
	}
	return err
}

// outputLimit is how much a run may still print, shared by the writers it hands
// out (stdout and stderr); it reports once when more comes.
type outputLimit struct {
	mu       sync.Mutex
	room     int
	over     bool
	overflow func()
}

// writer returns a writer that keeps what it is given while the limit has room.
func (l *outputLimit) writer() *cappedWriter { return &cappedWriter{lim: l} }

func (l *outputLimit) exceeded() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.over
}

// cappedWriter keeps the bytes written to it while its limit has room.
type cappedWriter struct {
	lim *outputLimit
	buf []byte
}

func (w *cappedWriter) Write(p []byte) (int, error) {
	l := w.lim
	l.mu.Lock()
	if len(p) <= l.room {
		w.buf = append(w.buf, p...)
		l.room -= len(p)
		l.mu.Unlock()
		return len(p), nil
	}
	if l.room > 0 {
		w.buf = append(w.buf, p[:l.room]...)
		l.room = 0
	}
	first := !l.over
	l.over = true
	l.mu.Unlock()
	if first && l.overflow != nil {
		l.overflow()
	}
	return len(p), nil
}

func (w *cappedWriter) bytes() []byte {
	w.lim.mu.Lock()
	defer w.lim.mu.Unlock()
	return w.buf
}

func size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
