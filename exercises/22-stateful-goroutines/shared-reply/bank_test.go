package sharedreply

import (
	"testing"

	"go.uber.org/goleak"
)

// TestTwoCustomers: one customer asks for more than the balance, one for
// less, at the same time. Whoever the owner serves first, the big one is
// refused and the small one is paid.
func TestTwoCustomers(t *testing.T) {
	defer goleak.VerifyNone(t)
	a := Open(50)
	big, small := make(chan bool), make(chan bool)
	go func() { big <- a.Withdraw(100) }()
	go func() { small <- a.Withdraw(10) }()
	gotBig, gotSmall := <-big, <-small
	a.Close()
	if gotBig || !gotSmall {
		t.Fatalf("balance 50; one customer withdrew 100 and was told %v, another withdrew 10 and was told %v.\n"+
			"Want false for 100 and true for 10. The owner answered correctly, but each customer took\n"+
			"the first answer on the shared replies channel, which was the other one's: the request\n"+
			"must carry the channel its own answer comes back on (see \"A shared reply channel mixes up answers\").",
			gotBig, gotSmall)
	}
}

// TestOneAfterAnother: the balance goes down, and the last withdrawal that
// the balance no longer covers is refused.
func TestOneAfterAnother(t *testing.T) {
	defer goleak.VerifyNone(t)
	a := Open(30)
	defer a.Close()
	for i, want := range []bool{true, true, true, false} {
		if got := a.Withdraw(10); got != want {
			t.Fatalf("balance 30: withdrawal %d of 10 returned %v, want %v", i+1, got, want)
		}
	}
}
