package overdraft

import (
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// withdrawBoth withdraws twice at the same time and reports what each call
// returned. It gives up instead of hanging when the calls never return.
func withdrawBoth(t *testing.T, a *Account, x, y int) (bool, bool) {
	t.Helper()
	var okX, okY bool
	done := make(chan struct{})
	go func() {
		var wg sync.WaitGroup
		wg.Go(func() { okX = a.Withdraw(x) })
		wg.Go(func() { okY = a.Withdraw(y) })
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("Withdraw never returned: the goroutines are stuck on the lock.\n" +
			"A sync.Mutex is not reentrant: a goroutine that holds it and calls Lock again (through\n" +
			"Balance or take, say) waits for itself forever.")
	}
	return okX, okY
}

func TestTwoWithdrawalsOneBalance(t *testing.T) {
	defer goleak.VerifyNone(t)
	a := NewAccount(100)
	ok1, ok2 := withdrawBoth(t, a, 60, 60)
	if b := a.Balance(); ok1 && ok2 || b != 40 {
		t.Errorf("balance 100, two goroutines withdraw 60 at once: they returned %v and %v, and the balance is %d.\n"+
			"Exactly one may succeed, leaving 40. Both checked the balance before either took the money:\n"+
			"a check and the action that depends on it must be one critical section.", ok1, ok2, b)
	}
}

func TestWithdrawalsThatFit(t *testing.T) {
	defer goleak.VerifyNone(t)
	a := NewAccount(100)
	ok1, ok2 := withdrawBoth(t, a, 30, 70)
	if !ok1 || !ok2 || a.Balance() != 0 {
		t.Errorf("balance 100, withdrawing 30 and 70 at once: they returned %v and %v, and the balance is %d; want true, true and 0",
			ok1, ok2, a.Balance())
	}
}

func TestManyWithdrawals(t *testing.T) {
	defer goleak.VerifyNone(t)
	a := NewAccount(1000)
	var (
		mu    sync.Mutex
		taken int
		wg    sync.WaitGroup
	)
	for range 50 {
		wg.Go(func() {
			for range 10 {
				if a.Withdraw(3) {
					mu.Lock()
					taken += 3
					mu.Unlock()
				}
				a.Deposit(1)
			}
		})
	}
	wg.Wait()
	if b := a.Balance(); b < 0 || b != 1000-taken+500 {
		t.Errorf("after 500 withdrawals of 3 and 500 deposits of 1 from 1000, the balance is %d and %d was taken: they do not add up", b, taken)
	}
}
