package transfer

import (
	"testing"
	"testing/synctest"
)

// opposite runs Transfer(a, b, 10) and Transfer(b, a, 30) at the same time
// in a synctest bubble, and reports whether they deadlocked. synctest.Wait
// returns when every goroutine of the bubble is parked or finished; if a
// transfer has not finished by then, it never will. The test then breaks
// the deadlock by hand, so that it can report it (see breakDeadlock).
func opposite(t *testing.T) (deadlocked bool, a, b *Account) {
	synctest.Test(t, func(t *testing.T) {
		a, b = NewAccount(1, 100), NewAccount(2, 100)
		done := make(chan struct{}, 2)
		go func() { Transfer(a, b, 10); done <- struct{}{} }()
		go func() { Transfer(b, a, 30); done <- struct{}{} }()
		synctest.Wait()
		if len(done) < 2 {
			deadlocked = true
			breakDeadlock(a)
		}
		<-done
		<-done
	})
	return deadlocked, a, b
}

// breakDeadlock frees two goroutines that each hold one of two accounts
// and wait for the other: it takes a's token away, so that the goroutine
// waiting for a gets it and finishes, which frees the other one; and it
// gives the token back when that one unlocks a.
func breakDeadlock(a *Account) {
	<-a.lock
	synctest.Wait()
	a.lock <- struct{}{}
	synctest.Wait()
}

const why = "Transfer(a, b) took a's lock and waits for b's; Transfer(b, a) took b's lock and waits for a's.\n" +
	"Each holds what the other waits for: both are parked, and nothing can ever wake them.\n" +
	"With only these two goroutines, the runtime would say \"all goroutines are asleep - deadlock!\"."

// TestOpposite is small enough for the simulator to try every schedule.
func TestOpposite(t *testing.T) {
	deadlocked, a, b := opposite(t)
	if deadlocked {
		t.Fatalf("Transfer(a, b, 10) and Transfer(b, a, 30), run at the same time, deadlocked.\n%s", why)
	}
	if a.Balance != 120 || b.Balance != 80 {
		t.Fatalf("after the transfers a has %d and b %d; want 120 and 80", a.Balance, b.Balance)
	}
}

// TestOppositeManyTimes gives the real scheduler many chances to hit the
// bad schedule.
func TestOppositeManyTimes(t *testing.T) {
	for i := range 300 {
		if deadlocked, _, _ := opposite(t); deadlocked {
			t.Fatalf("on run %d of 300, Transfer(a, b, 10) and Transfer(b, a, 30) deadlocked.\n%s", i+1, why)
		}
	}
}

// TestAudit: while two transfers run, an auditor takes both locks and
// counts the money. It must always find all of it: 200.
func TestAudit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a, b := NewAccount(1, 100), NewAccount(2, 100)
		done := make(chan struct{}, 3)
		go func() { Transfer(a, b, 10); done <- struct{}{} }()
		go func() { Transfer(a, b, 20); done <- struct{}{} }()
		go func() {
			a.Lock() // the auditor takes the locks in the order of the IDs
			b.Lock()
			if sum := a.Balance + b.Balance; sum != 200 {
				t.Errorf("an auditor holding both locks found %d on the two accounts; want 200, always.\n"+
					"A transfer must hold both locks for the whole move, so that the money is never in between.", sum)
			}
			b.Unlock()
			a.Unlock()
			done <- struct{}{}
		}()
		for range 3 {
			<-done
		}
	})
}
