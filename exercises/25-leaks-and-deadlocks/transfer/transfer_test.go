package transfer

import (
	"testing"
	"time"

	"go.uber.org/goleak"
)

// both runs two transfers at the same time and fails the test if they do
// not both return.
func both(t *testing.T, a, b func() error) (error, error) {
	t.Helper()
	ea, eb := make(chan error, 1), make(chan error, 1)
	go func() { ea <- a() }()
	go func() { eb <- b() }()
	var errA, errB error
	for range 2 {
		select {
		case errA = <-ea:
		case errB = <-eb:
		case <-time.After(10 * time.Second):
			t.Fatalf("two transfers at the same time did not both return within 10s: they are deadlocked.\n" +
				"Each holds one account's lock and waits for the other's, which the other transfer holds\n" +
				"(see \"Lock order breaks the cycle\").")
		}
	}
	return errA, errB
}

// TestOppositeDirections: a -> b and b -> a at the same time.
func TestOppositeDirections(t *testing.T) {
	defer goleak.VerifyNone(t)
	a, b := NewAccount(1, 100), NewAccount(2, 100)
	e1, e2 := both(t,
		func() error { return Transfer(a, b, 30) },
		func() error { return Transfer(b, a, 10) })
	if e1 != nil || e2 != nil {
		t.Fatalf("Transfer(a, b, 30) = %v and Transfer(b, a, 10) = %v with 100 in each; want nil, nil", e1, e2)
	}
	if a.Balance() != 80 || b.Balance() != 120 {
		t.Fatalf("after a -> b 30 and b -> a 10: a = %d, b = %d; want 80 and 120", a.Balance(), b.Balance())
	}
}

// TestToItself: a transfer from an account to itself changes nothing and
// must not wait for itself.
func TestToItself(t *testing.T) {
	defer goleak.VerifyNone(t)
	a := NewAccount(7, 50)
	e1, e2 := both(t,
		func() error { return Transfer(a, a, 20) },
		func() error { return nil })
	if e1 != nil || e2 != nil || a.Balance() != 50 {
		t.Fatalf("Transfer(a, a, 20) with 50 in a = %v, leaving %d; want nil, leaving 50", e1, a.Balance())
	}
}

// TestInsufficient: nothing moves when the balance does not cover it.
func TestInsufficient(t *testing.T) {
	defer goleak.VerifyNone(t)
	a, b := NewAccount(1, 10), NewAccount(2, 0)
	if err := Transfer(a, b, 11); err != ErrInsufficient {
		t.Fatalf("Transfer(a, b, 11) with 10 in a = %v, want ErrInsufficient", err)
	}
	if a.Balance() != 10 || b.Balance() != 0 {
		t.Fatalf("a failed transfer moved money: a = %d, b = %d", a.Balance(), b.Balance())
	}
}
