// Package token proves that a simulator report was written by the harness and not
// forged by the program under test.
//
// The runner hands the test binary a fresh random token through an inherited pipe
// (file descriptor number in GOCOURSE_SIM_TOKEN_FD). This package reads it during
// initialisation, before the package under test is initialised (the runner makes
// that package import this one), and closes the pipe: code of the program cannot
// read it afterwards. The harness takes the token once and puts it in the report;
// the runner trusts only a report that carries it.
package token

import (
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
)

// FDEnv names the environment variable that holds the pipe's descriptor number.
const FDEnv = "GOCOURSE_SIM_TOKEN_FD"

var (
	mu    sync.Mutex
	token string
	// environ is the environment as it was when this package was initialised,
	// before the package under test: see Getenv.
	environ []string
)

func init() {
	environ = os.Environ()
	n, err := strconv.Atoi(os.Getenv(FDEnv))
	if err != nil || n < 3 {
		return
	}
	f := os.NewFile(uintptr(n), "gocourse-token")
	if f == nil {
		return
	}
	b, _ := io.ReadAll(io.LimitReader(f, 128))
	f.Close()
	token = string(b)
}

// Take returns the token the first time it is called, and "" after that.
func Take() string {
	mu.Lock()
	defer mu.Unlock()
	t := token
	token = ""
	return t
}

// Getenv returns the value of the environment variable key as it was before
// any code of the package under test ran: the harness reads its settings here,
// so that an os.Setenv in the program's init changes nothing.
func Getenv(key string) string {
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}
