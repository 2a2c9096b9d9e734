// Mutant: thinks db's own WithTimeoutCause of 5s gives it more time than
// its parent, so db is still alive at 2.5s and its cause would be
// ErrDBSlow.
package errorsandcauses

import (
	"context"
	"time"
)

var PredictedTree = TreeSeen{
	APIErr:       context.DeadlineExceeded,
	DBDeadline:   5 * time.Second,
	DBErr:        nil,
	DBCause:      nil,
	AuditErr:     nil,
	AuditTimeErr: nil,
	CacheErr:     nil,

	CacheCause: ErrShutdown,
	APICause:   context.DeadlineExceeded,

	AuditTimeCause: ErrAuditSlow,
}

var PredictedAfterFuncs = AfterFuncSeen{
	StopFirst:  true,
	StopSecond: false,
	Ran:        []string{"second", "third"},
}
