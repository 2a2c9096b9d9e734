// Mutant: thinks the cause follows the latest cancellation, so that
// cancelling root with ErrShutdown overwrites api's timeout; and that an
// AfterFunc registered on a context that is already done never runs.
package errorsandcauses

import (
	"context"
	"time"
)

var PredictedTree = TreeSeen{
	APIErr:       context.DeadlineExceeded,
	DBDeadline:   2 * time.Second,
	DBErr:        context.DeadlineExceeded,
	DBCause:      context.DeadlineExceeded,
	AuditErr:     nil,
	AuditTimeErr: nil,
	CacheErr:     nil,

	CacheCause: ErrShutdown,
	APICause:   ErrShutdown,

	AuditTimeCause: ErrAuditSlow,
}

var PredictedAfterFuncs = AfterFuncSeen{
	StopFirst:  true,
	StopSecond: false,
	Ran:        []string{"second"},
}
