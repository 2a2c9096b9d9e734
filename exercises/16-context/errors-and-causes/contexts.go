// Package errorsandcauses is two small programs that cancel contexts in a
// tree. Read them, predict what they observe, and write your predictions
// in answer.go. Do not change this file: the tests run these programs on a
// fake clock (a synctest bubble, where time.Sleep takes no real time) and
// compare what they really observe with what you predicted.
package errorsandcauses

import (
	"context"
	"errors"
	"time"
)

// The causes the programs cancel with.
var (
	ErrShutdown  = errors.New("server shutting down")
	ErrDBSlow    = errors.New("database too slow")
	ErrAuditSlow = errors.New("audit log too slow")
)

// TreeSeen is what Tree observes, at three moments.
type TreeSeen struct {
	// At 2.5s, before anything is cancelled by hand.
	APIErr       error         // api.Err()
	DBDeadline   time.Duration // db.Deadline(), counted from the start
	DBErr        error         // db.Err()
	DBCause      error         // context.Cause(db)
	AuditErr     error         // audit.Err()
	AuditTimeErr error         // auditTime.Err()
	CacheErr     error         // cache.Err()

	// Just after cancelRoot(ErrShutdown), still at 2.5s.
	CacheCause error // context.Cause(cache)
	APICause   error // context.Cause(api)

	// At 3.5s.
	AuditTimeCause error // context.Cause(auditTime)
}

// Tree builds this tree of contexts at 0s:
//
//	root       WithCancelCause(Background)
//	├── api    WithTimeout(root, 2s)
//	│   └── db WithTimeoutCause(api, 5s, ErrDBSlow)
//	│       └── audit     WithoutCancel(db)
//	│           └── auditTime WithTimeoutCause(audit, 3s, ErrAuditSlow)
//	└── cache  WithCancel(root)
//
// then sleeps until 2.5s and looks, cancels root with ErrShutdown and
// looks, and sleeps until 3.5s and looks once more.
func Tree() (seen TreeSeen) {
	start := time.Now()
	root, cancelRoot := context.WithCancelCause(context.Background())
	defer cancelRoot(nil)
	api, cancelAPI := context.WithTimeout(root, 2*time.Second)
	defer cancelAPI()
	db, cancelDB := context.WithTimeoutCause(api, 5*time.Second, ErrDBSlow)
	defer cancelDB()
	audit := context.WithoutCancel(db)
	auditTime, cancelAudit := context.WithTimeoutCause(audit, 3*time.Second, ErrAuditSlow)
	defer cancelAudit()
	cache, cancelCache := context.WithCancel(root)
	defer cancelCache()

	time.Sleep(2500 * time.Millisecond)
	seen.APIErr = api.Err()
	deadline, _ := db.Deadline()
	seen.DBDeadline = deadline.Sub(start)
	seen.DBErr = db.Err()
	seen.DBCause = context.Cause(db)
	seen.AuditErr = audit.Err()
	seen.AuditTimeErr = auditTime.Err()
	seen.CacheErr = cache.Err()

	cancelRoot(ErrShutdown)
	seen.CacheCause = context.Cause(cache)
	seen.APICause = context.Cause(api)

	time.Sleep(time.Second)
	seen.AuditTimeCause = context.Cause(auditTime)
	return seen
}

// AfterFuncSeen is what AfterFuncs observes.
type AfterFuncSeen struct {
	StopFirst  bool     // what stopFirst() returned, before the cancel
	StopSecond bool     // what stopSecond() returned, after the cancel
	Ran        []string // the functions that ran, in the order they ran
}

// AfterFuncs registers two functions to run after ctx is done, stops the
// first one, cancels ctx, stops the second one once it has run, and then
// registers a third function on the context, which is done by then.
func AfterFuncs() (seen AfterFuncSeen) {
	ran := make(chan string, 3)
	ctx, cancel := context.WithCancel(context.Background())
	stopFirst := context.AfterFunc(ctx, func() { ran <- "first" })
	stopSecond := context.AfterFunc(ctx, func() { ran <- "second" })

	seen.StopFirst = stopFirst()
	cancel()
	seen.Ran = append(seen.Ran, <-ran) // waits for a function to run
	seen.StopSecond = stopSecond()

	context.AfterFunc(ctx, func() { ran <- "third" })
	time.Sleep(time.Second) // on the fake clock: every other goroutine has finished by now
	for len(ran) > 0 {
		seen.Ran = append(seen.Ran, <-ran)
	}
	return seen
}
