package lostsignal

import (
	"os"
	"slices"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// runtime plays the part of the Go runtime's signal delivery: Notify
// remembers the channel, and deliver sends on it the way the runtime does,
// without ever waiting: a channel with no room misses the signal.
type runtime struct {
	t    *testing.T
	c    chan<- os.Signal
	sigs []os.Signal
}

func (r *runtime) notify(c chan<- os.Signal, sig ...os.Signal) {
	r.c, r.sigs = c, sig
}

func (r *runtime) deliver(sig os.Signal) {
	if r.c == nil || !slices.Contains(r.sigs, sig) {
		r.t.Fatalf("%v was sent after Start returned, but Start had not subscribed to it: "+
			"the runtime's default action for %v is to kill the process", sig, sig)
	}
	select {
	case r.c <- sig:
	default: // no room: the runtime drops the signal
	}
}

// stops checks that the server stops after sig, and handled want requests.
func (r *runtime) stops(wait func() int, sig os.Signal, want int, when string) {
	t := r.t
	got := make(chan int, 1)
	go func() { got <- wait() }()
	select {
	case n := <-got:
		if n != want {
			t.Errorf("the server handled %d request(s), want %d", n, want)
		}
	case <-time.After(time.Hour):
		// Let the server go, so that the test can end.
		for range 10 {
			r.deliver(sig)
			time.Sleep(time.Second)
		}
		t.Fatalf("%v was sent %s, and an hour later the server was still running.\n"+
			"signal delivery never waits: the signal found no room in the channel and was dropped\n"+
			"(see \"signal.Notify\").", sig, when)
	}
}

// TestSignalWhileBusy: the signal comes while the server is handling a
// request, not waiting in its select.
func TestSignalWhileBusy(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		r := &runtime{t: t}
		reqs := make(chan string)
		wait := Start(r.notify, reqs, func(string) { time.Sleep(time.Second) })
		reqs <- "slow" // the server takes it: handling it takes a second
		time.Sleep(time.Second / 2)
		r.deliver(syscall.SIGTERM)
		r.stops(wait, syscall.SIGTERM, 1, "while the server was handling a request")
	})
}

// TestSignalRightAway: the signal comes as soon as Start has returned,
// whether or not the server's goroutine has reached its select yet.
func TestSignalRightAway(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		r := &runtime{t: t}
		wait := Start(r.notify, make(chan string), func(string) {})
		r.deliver(os.Interrupt)
		r.stops(wait, os.Interrupt, 0, "right after Start returned")
	})
}
