package errorsandcauses

import (
	"context"
	"time"
)

// Your predictions for the programs in contexts.go. Each error is one of
// nil, context.Canceled, context.DeadlineExceeded, ErrShutdown, ErrDBSlow
// or ErrAuditSlow. Durations are from the start of the program.
//
// TODO: replace every value below.
var PredictedTree = TreeSeen{
	APIErr:       context.Canceled,
	DBDeadline:   time.Duration(-1),
	DBErr:        context.Canceled,
	DBCause:      context.Canceled,
	AuditErr:     context.Canceled,
	AuditTimeErr: context.Canceled,
	CacheErr:     context.Canceled,

	CacheCause: context.Canceled,
	APICause:   context.Canceled,

	AuditTimeCause: context.Canceled,
}

// TODO: replace every value below.
var PredictedAfterFuncs = AfterFuncSeen{
	StopFirst:  false,
	StopSecond: true,
	Ran:        []string{},
}
