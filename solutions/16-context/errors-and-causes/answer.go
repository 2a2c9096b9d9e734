package errorsandcauses

import (
	"context"
	"time"
)

// Your predictions for the programs in contexts.go. Each error is one of
// nil, context.Canceled, context.DeadlineExceeded, ErrShutdown, ErrDBSlow
// or ErrAuditSlow. Durations are from the start of the program.
var PredictedTree = TreeSeen{
	// api timed out at 2s; db is below it, and its own 5s were never its
	// deadline: the parent's 2s came first. db got the parent's cause,
	// and api had none but its Err. WithoutCancel stops all of that at
	// audit; cache is on another branch.
	APIErr:       context.DeadlineExceeded,
	DBDeadline:   2 * time.Second,
	DBErr:        context.DeadlineExceeded,
	DBCause:      context.DeadlineExceeded,
	AuditErr:     nil,
	AuditTimeErr: nil,
	CacheErr:     nil,

	// root's cancel reaches cache with its cause; api was cancelled
	// first, by its deadline, and keeps that cause.
	CacheCause: ErrShutdown,
	APICause:   context.DeadlineExceeded,

	// auditTime's own 3s passed at 3s.
	AuditTimeCause: ErrAuditSlow,
}

var PredictedAfterFuncs = AfterFuncSeen{
	StopFirst:  true,                        // stopped before ctx was done: first never runs
	StopSecond: false,                       // second had run already
	Ran:        []string{"second", "third"}, // third: ctx was done already, so at once
}
