package testing

import "runtime"

// runtime_Goexit ends the calling goroutine; the simulator sees it exit.
//
//go:norace
func runtime_Goexit() { runtime.Goexit() }
