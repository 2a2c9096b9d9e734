package errorsandcauses

import (
	"fmt"
	"testing"
	"testing/synctest"
)

type check struct {
	what      string
	predicted any
	real      any
	why       string
}

func compare(t *testing.T, checks ...check) {
	t.Helper()
	for _, c := range checks {
		if fmt.Sprint(c.predicted) != fmt.Sprint(c.real) {
			t.Errorf("%s: you predicted %v; it is %v.\n\t%s", c.what, c.predicted, c.real, c.why)
		}
	}
}

func TestTree(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, r := PredictedTree, Tree()
		compare(t,
			check{"at 2.5s, api.Err()", p.APIErr, r.APIErr,
				"api's timeout of 2s has passed (see \"Deadlines and timeouts\")."},
			check{"at 2.5s, db.Deadline()", p.DBDeadline, r.DBDeadline,
				"A child never gets more time than its parent: its deadline is the earlier of the two."},
			check{"at 2.5s, db.Err()", p.DBErr, r.DBErr,
				"A cancel, or a deadline, reaches every context below (see \"Cancel propagates down, never up\")."},
			check{"at 2.5s, context.Cause(db)", p.DBCause, r.DBCause,
				"db was cancelled by its parent's deadline, not its own: a child cancelled by its parent gets the\n\t" +
					"parent's cause, and api was given none, so its cause is its Err (see \"Why was it cancelled? Cause\")."},
			check{"at 2.5s, audit.Err()", p.AuditErr, r.AuditErr,
				"WithoutCancel keeps the parent's values, not its cancellation (see \"WithoutCancel\")."},
			check{"at 2.5s, auditTime.Err()", p.AuditTimeErr, r.AuditTimeErr,
				"auditTime hangs below audit, which is never cancelled; its own 3s have not passed yet."},
			check{"at 2.5s, cache.Err()", p.CacheErr, r.CacheErr,
				"cache is api's sibling: api's deadline does not reach it."},
			check{"after cancelRoot(ErrShutdown), context.Cause(cache)", p.CacheCause, r.CacheCause,
				"cache is cancelled by root, and takes root's cause."},
			check{"after cancelRoot(ErrShutdown), context.Cause(api)", p.APICause, r.APICause,
				"The FIRST cancellation sets the cause for good: api had already timed out."},
			check{"at 3.5s, context.Cause(auditTime)", p.AuditTimeCause, r.AuditTimeCause,
				"auditTime's own 3s passed at 3s, and WithTimeoutCause names the cause for that."},
		)
	})
}

func TestAfterFuncs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p, r := PredictedAfterFuncs, AfterFuncs()
		compare(t,
			check{"stopFirst() before the cancel", p.StopFirst, r.StopFirst,
				"stop returns true when this call stopped f from ever running (see \"AfterFunc\")."},
			check{"stopSecond() after the second function ran", p.StopSecond, r.StopSecond,
				"stop returns false when f has been started already: too late to stop it."},
			check{"the functions that ran", p.Ran, r.Ran,
				"A stopped function never runs. AfterFunc on a context that is already done runs f at once, in a\n\t" +
					"goroutine of its own."},
		)
	})
}
