package checkall

import (
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

var (
	errDisk = errors.New("disk full")
	errDNS  = errors.New("dns timeout")
)

func pass() error { return nil }
func fail(err error) func() error {
	return func() error { return err }
}

// after returns a check that takes d and then returns err.
func after(d time.Duration, err error) func() error {
	return func() error {
		time.Sleep(d)
		return err
	}
}

const leakHelp = "CheckAll returned %v, and then a goroutine it started could not finish:\n" +
	"it is parked on a send that nobody will ever receive, because CheckAll stopped\n" +
	"receiving when it returned. It leaks (see \"Fixing a leak: give every wait a way out\").\n%v"

// TestOneFails: three checks that answer at once; one fails. Whichever
// order they answer in, CheckAll reports the failure and leaves nothing
// behind.
func TestOneFails(t *testing.T) {
	before := goleak.IgnoreCurrent()
	err := CheckAll([]func() error{pass, fail(errDisk), pass})
	if err != errDisk {
		t.Fatalf("CheckAll(pass, fail %q, pass) = %v, want %q", errDisk, err, errDisk)
	}
	if leak := goleak.Find(before); leak != nil {
		t.Fatalf(leakHelp, err, leak)
	}
}

// TestTwoFail: the first failure wins; the second must still be able to
// report it, to nobody.
func TestTwoFail(t *testing.T) {
	before := goleak.IgnoreCurrent()
	err := CheckAll([]func() error{fail(errDisk), fail(errDNS)})
	if err != errDisk && err != errDNS {
		t.Fatalf("CheckAll(fail %q, fail %q) = %v, want one of the two", errDisk, errDNS, err)
	}
	if leak := goleak.Find(before); leak != nil {
		t.Fatalf(leakHelp, err, leak)
	}
}

// TestAllPass: nil, once every check has passed.
func TestAllPass(t *testing.T) {
	defer goleak.VerifyNone(t)
	if err := CheckAll([]func() error{pass, pass, pass}); err != nil {
		t.Fatalf("CheckAll(pass, pass, pass) = %v, want nil", err)
	}
	if err := CheckAll(nil); err != nil {
		t.Fatalf("CheckAll() with no checks = %v, want nil", err)
	}
}

// TestReturnsAtFirstFailure: on a fake clock, a check failing at 1s makes
// CheckAll return at 1s, not when the slowest check is done.
func TestReturnsAtFirstFailure(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		err := CheckAll([]func() error{
			after(3*time.Second, nil), after(time.Second, errDisk), after(2*time.Second, errDNS),
		})
		if took := time.Since(start); err != errDisk || took != time.Second {
			t.Errorf("checks that pass at 3s, fail at 1s and fail at 2s: CheckAll returned %v at %v;\n"+
				"want %q at 1s, without waiting for the other checks", err, took, errDisk)
		}
		// Let the slower checks finish: a bubble must be empty when it ends.
		time.Sleep(time.Hour)
	})
}
