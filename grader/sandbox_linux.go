package grader

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// The sandbox on Linux. The grader starts its own executable again as
// "gocourse sandbox-launch" (LauncherCommand) with launchEnv set; the program
// hands that call to Launch, and that copy (the launcher) sets up the run and
// replaces itself with the test binary. When user namespaces are available the
// launcher starts in new user, pid, mount, network, IPC and UTS namespaces:
//
//   - the learner's code runs as an unprivileged user (nobody when the grader is
//     root), with no capabilities: it cannot undo the mounts below;
//   - the course's checkout, the graded workbook, the temporary folders, the go
//     command's caches and $HOME are covered by empty tmpfs mounts, and only the
//     run folder is bound back: the course's tests cannot be read at run time;
//   - /proc is the new pid namespace's, so the grader's command line and folders
//     are not visible, and when the test binary (pid 1 there) ends, the kernel ends
//     every process it started, even those that left its process group;
//   - the network namespace has no interfaces but a loopback that is down.
//
// Without user namespaces (some CI runners forbid them) the launcher still sets the
// resource limits and, when the grader is root, runs the binary as nobody.

const launcherSupported = true

// launchEnv carries the launcher's instructions (a JSON launchSpec).
const launchEnv = "GOCOURSE_SANDBOX_LAUNCH"

// statusEnv names the launcher's status descriptor: a pipe to the grader that
// the launcher writes why it failed to, and that its exec closes.
const statusEnv = "GOCOURSE_SANDBOX_STATUS"

// Launch is the sandbox launcher: the program that grades calls it when it was
// started as one (see IsLauncher). It sets up the run that launchEnv describes
// and becomes its binary; it returns only when that fails, with the exit
// status to end with (125 for the set-up, 126 for the exec, 2 for a call that
// is not the grader's).
func Launch() int {
	spec, ok := os.LookupEnv(launchEnv)
	if !ok {
		fmt.Fprintf(os.Stderr, "gocourse %s: only the grader runs this\n", LauncherCommand)
		return 2
	}
	return launch(spec)
}

// launchSpec is what the launcher does before it becomes the test binary.
type launchSpec struct {
	Path    string
	Args    []string
	Env     []string
	Dir     string
	Rlimits []rlimit
	Mount   bool     // in a new mount namespace: hide, keep, proc
	Hide    []string // folders covered by an empty tmpfs
	Keep    string   // folder bound back after hiding (the run folder)
	// Seal makes Keep read-only, and gives the run one private tmpfs of Disk
	// bytes for everything it may write: /tmp, /dev/shm, /var/tmp and the
	// folders of Private (inside Keep). Writable folders inside Keep are bound
	// back writable (the simulator's report folder).
	Seal     bool
	Disk     int64
	Private  []string
	Writable []string
	// Expose lists host folders shown read-only in a sealed run's root, which
	// holds nothing else of the host but these, /usr, the libraries, a few
	// devices, its /proc and the run folder.
	Expose []string
	Probe  bool // set everything up, then exit 0 instead of running Path
	Files  int  // descriptors 3 to 3+Files-1 are the run's (runSpec.ExtraFiles)
}

type rlimit struct {
	Resource int
	Value    uint64
}

// Resource limits that package syscall does not name.
const (
	rlimitCPU   = 0
	rlimitFsize = 1
	rlimitData  = 2
	rlimitCore  = 4
	rlimitNproc = 6
)

// launch sets up the run that data describes and becomes its binary. Whatever
// stops it first is written to the status descriptor (statusEnv), which exec
// closes: the grader tells a launcher that failed from a binary that exited
// with the same status by whether anything arrived there.
func launch(data string) int {
	runtime.LockOSThread() // prctl settings below are per thread, and exec happens on this one
	var status *os.File
	if fd, err := strconv.Atoi(os.Getenv(statusEnv)); err == nil && fd > 2 {
		syscall.CloseOnExec(fd)
		status = os.NewFile(uintptr(fd), "status")
	}
	fail := func(code int, format string, args ...any) int {
		msg := fmt.Sprintf("gocourse sandbox: "+format, args...)
		fmt.Fprintln(os.Stderr, msg)
		if status != nil {
			status.WriteString(msg)
		}
		return code
	}
	var s launchSpec
	if err := json.Unmarshal([]byte(data), &s); err != nil {
		return fail(125, "%v", err)
	}
	if s.Mount {
		if err := isolateFiles(&s); err != nil {
			return fail(125, "%v", err)
		}
	}
	for _, r := range s.Rlimits {
		if err := syscall.Setrlimit(r.Resource, &syscall.Rlimit{Cur: r.Value, Max: r.Value}); err != nil {
			return fail(125, "limit %d: %v", r.Resource, err)
		}
	}
	// No new privileges through exec, and root in the namespace is not special:
	// the test binary starts with no capabilities, so it cannot unmount what hides
	// the course.
	const prSetSecurebits, prSetNoNewPrivs = 28, 38
	const secbitNoroot, secbitNorootLocked = 1 << 0, 1 << 1
	if s.Mount {
		if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSetSecurebits, secbitNoroot|secbitNorootLocked, 0); e != 0 {
			return fail(125, "securebits: %v", e)
		}
	}
	if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSetNoNewPrivs, 1, 0); e != 0 {
		return fail(125, "no_new_privs: %v", e)
	}
	if s.Probe {
		return 0
	}
	if err := syscall.Chdir(s.Dir); err != nil {
		return fail(125, "%v", err)
	}
	if err := closeOnExec(3 + s.Files); err != nil {
		return fail(125, "%v", err)
	}
	err := syscall.Exec(s.Path, s.Args, s.Env)
	return fail(126, "exec %s: %v", s.Path, err)
}

// closeOnExec marks every file descriptor from first on close-on-exec: the run
// gets its standard streams and its ExtraFiles, and nothing else that the grader
// inherited from whatever started it (a CI runner's pipes, a shell's saved
// descriptors), which os/exec would otherwise hand on.
func closeOnExec(first int) error {
	const sysCloseRange, closeRangeCloexec = 436, 1 << 2 // the same number on every architecture
	if _, _, e := syscall.RawSyscall(sysCloseRange, uintptr(first), ^uintptr(0), closeRangeCloexec); e == 0 {
		return nil
	}
	// Before Linux 5.11: one by one, as /proc lists them.
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return fmt.Errorf("listing file descriptors: %w", err)
	}
	for _, e := range ents {
		if fd, err := strconv.Atoi(e.Name()); err == nil && fd >= first {
			syscall.CloseOnExec(fd) // the folder ReadDir read is closed already: EBADF
		}
	}
	return nil
}

// isolateFiles hides the folders of s.Hide under empty tmpfs mounts, binds s.Keep
// back (read-only, with s.Seal, under a private tmpfs for all writing) and mounts
// the new pid namespace's /proc.
func isolateFiles(s *launchSpec) error {
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		return fmt.Errorf("private mounts: %w", err)
	}
	// Descriptors of the folders to bind back, opened before hiding them.
	keep := -1
	if s.Keep != "" {
		fd, err := openDir(s.Keep)
		if err != nil {
			return err
		}
		keep = fd
	}
	writable := make([]int, len(s.Writable))
	for i, w := range s.Writable {
		fd, err := openDir(w)
		if err != nil {
			return err
		}
		writable[i] = fd
	}
	// root is where the run's view of the file system is built: "/" itself, or
	// with s.Seal a root of its own (nothing of the host to hide, since nothing
	// is there), entered once everything is mounted in it.
	root := ""
	if s.Seal {
		root = s.Keep // any folder will do as a mount point: the run folder is bound back from its descriptor
		if err := newRoot(root, s.Expose); err != nil {
			return err
		}
		if err := privateDisk(root, s.Disk); err != nil {
			return err
		}
	} else if err := hide(s.Hide); err != nil {
		return err
	}
	if keep >= 0 {
		if err := bindKeep(s, root, keep); err != nil {
			return err
		}
	}
	for i, w := range s.Writable {
		if err := bindFD(writable[i], root+w); err != nil {
			return err
		}
	}
	if s.Seal {
		return enterRoot(root)
	}
	// A fresh /proc shows only this pid namespace. Where the host's /proc has parts
	// masked (inside some containers) the kernel refuses; the host's stays then.
	_ = syscall.Mount("proc", "/proc", "proc", syscall.MS_NOSUID|syscall.MS_NODEV|syscall.MS_NOEXEC, "")
	return nil
}

// bindKeep binds the run folder (open as fd) back under root: read-only with
// s.Seal, its home and tmp folders then bound from the private tmpfs.
func bindKeep(s *launchSpec, root string, fd int) error {
	if err := os.MkdirAll(root+s.Keep, 0o755); err != nil {
		return fmt.Errorf("the run folder: %w", err)
	}
	if err := bindFD(fd, root+s.Keep); err != nil {
		return err
	}
	if !s.Seal {
		return nil
	}
	if err := readOnly(root + s.Keep); err != nil {
		return err
	}
	for i, p := range s.Private {
		if err := bindPrivate(root, fmt.Sprintf(".private-%d", i), p); err != nil {
			return err
		}
	}
	return nil
}

// openDir opens a folder to bind it back once what holds it is hidden.
func openDir(dir string) (int, error) {
	fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return -1, fmt.Errorf("open %s: %w", dir, err)
	}
	return fd, nil
}

// hide covers each folder of dirs with an empty tmpfs.
func hide(dirs []string) error {
	for _, h := range dirs {
		if h == "" || h == "/" {
			continue
		}
		if fi, err := os.Stat(h); err != nil || !fi.IsDir() {
			continue // already hidden by an earlier mount, or nothing there
		}
		if err := syscall.Mount("tmpfs", h, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV|syscall.MS_NOEXEC, "size=1m,mode=0755"); err != nil {
			return fmt.Errorf("hiding %s: %w", h, err)
		}
	}
	return nil
}

// enterRoot makes root the run's root, lets go of the host's, and makes the
// new root itself read-only (its tmpfs was writable while it was set up).
func enterRoot(root string) error {
	if err := syscall.PivotRoot(root, root+"/.old"); err != nil {
		return fmt.Errorf("new root: pivot_root: %w", err)
	}
	if err := syscall.Chdir("/"); err != nil {
		return err
	}
	if err := syscall.Unmount("/.old", syscall.MNT_DETACH); err != nil {
		return fmt.Errorf("new root: detaching the host's: %w", err)
	}
	if err := os.Remove("/.old"); err != nil {
		return fmt.Errorf("new root: %w", err)
	}
	return syscall.Mount("", "/", "", syscall.MS_REMOUNT|syscall.MS_BIND|syscall.MS_RDONLY|syscall.MS_NOSUID|syscall.MS_NODEV, "")
}

// rootDirs are the host folders a sealed run's root shows, read-only, when they
// exist: the programs and libraries a test binary (dynamically linked with
// -race) needs, nothing else.
var rootDirs = []string{"/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32"}

// rootDevices are the devices a sealed run's root shows.
var rootDevices = []string{"/dev/null", "/dev/zero", "/dev/random", "/dev/urandom"}

// newRoot makes the run's root a tmpfs that shows rootDirs, s.Expose, rootDevices
// and a /proc of the run's pid namespace, and nothing else of the host: not the
// course, not the submissions, not another checkout, not $HOME. The run folder
// and the private disk are mounted into it afterwards.
func newRoot(root string, expose []string) error {
	if err := syscall.Mount("tmpfs", root, "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, "size=1m,mode=0755"); err != nil {
		return fmt.Errorf("new root: %w", err)
	}
	for _, d := range append(append([]string{}, rootDirs...), expose...) {
		fi, err := os.Lstat(d)
		switch {
		case err != nil:
			continue
		case fi.Mode()&os.ModeSymlink != 0: // /lib -> usr/lib
			target, err := os.Readlink(d)
			if err != nil {
				return fmt.Errorf("new root: %w", err)
			}
			if err := os.MkdirAll(filepath.Dir(root+d), 0o755); err != nil {
				return fmt.Errorf("new root: %w", err)
			}
			if err := os.Symlink(target, root+d); err != nil && !os.IsExist(err) {
				return fmt.Errorf("new root: %w", err)
			}
			continue
		case !fi.IsDir():
			continue
		}
		if err := os.MkdirAll(root+d, 0o755); err != nil {
			return fmt.Errorf("new root: %w", err)
		}
		if err := syscall.Mount(d, root+d, "", syscall.MS_BIND|syscall.MS_REC, ""); err != nil {
			return fmt.Errorf("new root: %s: %w", d, err)
		}
		if err := readOnly(root + d); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(root+"/dev", 0o755); err != nil {
		return fmt.Errorf("new root: %w", err)
	}
	for _, d := range rootDevices {
		if err := os.WriteFile(root+d, nil, 0o666); err != nil {
			return fmt.Errorf("new root: %w", err)
		}
		if err := syscall.Mount(d, root+d, "", syscall.MS_BIND, ""); err != nil {
			return fmt.Errorf("new root: %s: %w", d, err)
		}
	}
	for _, d := range []string{"/proc", "/tmp", "/dev/shm", "/var/tmp", "/.old"} {
		if err := os.MkdirAll(root+d, 0o755); err != nil {
			return fmt.Errorf("new root: %w", err)
		}
	}
	// The kernel mounts a proc only while a full one is visible: before the old
	// root goes.
	if err := syscall.Mount("proc", root+"/proc", "proc", syscall.MS_NOSUID|syscall.MS_NODEV|syscall.MS_NOEXEC, ""); err != nil {
		return fmt.Errorf("new root: /proc: %w", err)
	}
	return nil
}

// bindFD binds the folder open as fd onto dir, and closes fd. Not recursively:
// a sealed run's root is mounted on the run folder itself, and must not come
// along.
func bindFD(fd int, dir string) error {
	defer syscall.Close(fd)
	if err := syscall.Mount("/proc/self/fd/"+strconv.Itoa(fd), dir, "", syscall.MS_BIND, ""); err != nil {
		return fmt.Errorf("binding %s: %w", dir, err)
	}
	return nil
}

// privateDisk mounts one tmpfs of size bytes on root/tmp, and binds folders of it
// onto /dev/shm and /var/tmp: every byte the run may write outside the
// simulator's report folder is in it, gone when the run ends, and bounded.
func privateDisk(root string, size int64) error {
	opts := fmt.Sprintf("size=%d,nr_inodes=16384,mode=1777", size)
	if err := syscall.Mount("tmpfs", root+"/tmp", "tmpfs", syscall.MS_NOSUID|syscall.MS_NODEV, opts); err != nil {
		return fmt.Errorf("private /tmp: %w", err)
	}
	for _, d := range []string{"/dev/shm", "/var/tmp"} {
		if fi, err := os.Stat(root + d); err != nil || !fi.IsDir() {
			continue
		}
		if err := bindPrivate(root, ".private"+strings.ReplaceAll(d, "/", "-"), d); err != nil {
			return err
		}
	}
	return nil
}

// bindPrivate makes a folder name of the private tmpfs (root/tmp) and binds it
// onto dir (under root).
func bindPrivate(root, name, dir string) error {
	src := filepath.Join(root+"/tmp", name)
	dir = root + dir
	if err := os.Mkdir(src, 0o777); err != nil {
		return fmt.Errorf("private %s: %w", src, err)
	}
	if err := os.Chmod(src, 0o777); err != nil {
		return err
	}
	if err := syscall.Mount(src, dir, "", syscall.MS_BIND, ""); err != nil {
		return fmt.Errorf("private %s on %s: %w", src, dir, err)
	}
	return nil
}

// readOnly remounts the bind mount at dir read-only, keeping the flags the
// kernel locks in a user namespace (nosuid, nodev, noexec, atime).
func readOnly(dir string) error {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return fmt.Errorf("read-only %s: %w", dir, err)
	}
	const keep = syscall.MS_NOSUID | syscall.MS_NODEV | syscall.MS_NOEXEC | syscall.MS_NOATIME | syscall.MS_NODIRATIME | syscall.MS_RELATIME
	flags := uintptr(syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY) | uintptr(st.Flags)&keep
	if err := syscall.Mount("", dir, "", flags, ""); err != nil {
		return fmt.Errorf("read-only %s: %w", dir, err)
	}
	return nil
}

// isolation is what the sandbox can do on this machine, found out once.
var isolation struct {
	once sync.Once
	ns   bool   // user, pid, mount and network namespaces work
	why  string // why not, when they do not
	// seal says that the run folder can be made read-only and the run given a
	// private tmpfs (launchSpec.Seal); sealWhy why not.
	seal    bool
	sealWhy string
}

const nobody = 65534

// nsAttr returns the process attributes that start the launcher in new namespaces.
// With drop, a grader running as root runs learner code as nobody.
func nsAttr(drop bool) *syscall.SysProcAttr {
	uid, gid := os.Getuid(), os.Getgid()
	attr := &syscall.SysProcAttr{
		Setpgid:    true,
		Pdeathsig:  syscall.SIGKILL,
		Cloneflags: syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS | syscall.CLONE_NEWPID | syscall.CLONE_NEWNET | syscall.CLONE_NEWIPC | syscall.CLONE_NEWUTS,
	}
	if uid == 0 && drop {
		// Root maps the namespace's root to nobody: the learner's code has no
		// privilege outside, and RLIMIT_NPROC applies to it.
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: nobody, Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: nobody, Size: 1}}
		attr.GidMappingsEnableSetgroups = true
		attr.Credential = &syscall.Credential{Uid: 0, Gid: 0, Groups: []uint32{}}
	} else {
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: uid, Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: gid, Size: 1}}
	}
	return attr
}

// plainAttr returns the process attributes of a run without namespaces.
func plainAttr(drop bool) *syscall.SysProcAttr {
	attr := &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if os.Getuid() == 0 && drop {
		attr.Credential = &syscall.Credential{Uid: nobody, Gid: nobody, Groups: []uint32{}}
	}
	return attr
}

// probeIsolation starts the launcher once in new namespaces to see whether this
// machine allows them.
func probeIsolation() {
	isolation.once.Do(func() {
		if os.Getenv("GOCOURSE_SANDBOX") == "off" {
			isolation.why = "GOCOURSE_SANDBOX=off"
			return
		}
		self, err := launcherPath()
		if err != nil {
			isolation.why = err.Error()
			return
		}
		dir, err := os.MkdirTemp("", "gocourse-probe-")
		if err != nil {
			isolation.why = err.Error()
			return
		}
		defer os.RemoveAll(dir)
		if err := os.Chmod(dir, 0o755); err != nil {
			isolation.why = err.Error()
			return
		}
		if err := os.Mkdir(filepath.Join(dir, "home"), 0o777); err != nil {
			isolation.why = err.Error()
			return
		}
		probe := launchSpec{Mount: true, Hide: []string{filepath.Dir(dir)}, Keep: dir, Probe: true,
			Seal: true, Disk: 1 << 20, Private: []string{filepath.Join(dir, "home")}}
		spec, _ := json.Marshal(probe)
		out, err := launcherCmd(context.Background(), self, spec, nsAttr(true)).CombinedOutput()
		if err == nil {
			isolation.ns, isolation.seal = true, true
			return
		}
		// Namespaces without the sealed run folder (a kernel that refuses the
		// read-only remount, say): the rest of the isolation still holds.
		isolation.sealWhy = strings.TrimSpace(fmt.Sprintf("%v %s", err, out))
		probe.Seal, probe.Private = false, nil
		spec, _ = json.Marshal(probe)
		out, err = launcherCmd(context.Background(), self, spec, nsAttr(true)).CombinedOutput()
		if err != nil {
			isolation.why = strings.TrimSpace(fmt.Sprintf("%v %s", err, out))
			return
		}
		isolation.ns = true
	})
}

// Isolation says how learner code is isolated on this machine, in a sentence.
func Isolation() string {
	probeIsolation()
	if isolation.ns && !isolation.seal {
		return "namespaces (user, pid, mount, network): the course's files are hidden, no network, resource limits set; but the run folder stays writable and /tmp, /dev/shm and /var/tmp are the host's (" + isolation.sealWhy + ")"
	}
	if isolation.ns {
		return "namespaces (user, pid, mount, network): the course's files are hidden, the run folder is read-only, /tmp, /dev/shm and /var/tmp are a private tmpfs of bounded size, no network, resource limits set"
	}
	s := "no namespaces (" + isolation.why + "): resource limits set, but learner code can read what the grader's user can read and has the network"
	if os.Getuid() == 0 {
		s += " (it runs as nobody)"
	}
	return s
}

// Isolated reports whether learner code runs in namespaces that hide the course.
func Isolated() bool {
	probeIsolation()
	return isolation.ns
}

func newMountNS(a *syscall.SysProcAttr) bool { return a.Cloneflags&syscall.CLONE_NEWNS != 0 }

// canSeal reports whether runs can be sealed (launchSpec.Seal) on this machine.
func canSeal() bool {
	probeIsolation()
	return isolation.ns && isolation.seal
}

// sandboxAttr returns the attributes of a run; drop runs it as nobody when the
// grader is root (grading others' code; a learner's own check keeps their user).
func sandboxAttr(drop bool) *syscall.SysProcAttr {
	probeIsolation()
	if isolation.ns {
		return nsAttr(drop)
	}
	return plainAttr(drop)
}

// procLimit returns the RLIMIT_NPROC value that leaves n more processes and
// threads to a run. Outside a user namespace the kernel counts every task of the
// user, so the limit is the user's tasks now plus n.
func procLimit(n int, drop bool) uint64 {
	if isolation.ns {
		return uint64(n)
	}
	uid := os.Getuid()
	if uid == 0 && drop {
		uid = nobody
	}
	count := 0
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + e.Name() + "/status")
		if err != nil {
			continue
		}
		var owner, threads int
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 {
				switch f[0] {
				case "Uid:":
					owner, _ = strconv.Atoi(f[1])
				case "Threads:":
					threads, _ = strconv.Atoi(f[1])
				}
			}
		}
		if owner == uid {
			count += threads
		}
	}
	return uint64(count + n)
}
