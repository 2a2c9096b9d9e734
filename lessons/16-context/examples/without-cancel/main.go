// Command without-cancel carries a request's values into work that must
// go on after the request has been cancelled.
package main

import (
	"context"
	"fmt"
	"time"
)

// requestIDKey is a key type of this package: no other package can make a
// key equal to it, so no other package can read or overwrite the value.
type requestIDKey struct{}

func main() {
	request, cancel := context.WithCancel(context.Background())
	request = context.WithValue(request, requestIDKey{}, "req-42")

	// The audit record must be written even when the client has gone:
	// detached keeps the values, and is never cancelled by request.
	detached := context.WithoutCancel(request)
	audit, cancelAudit := context.WithTimeout(detached, time.Second) // its own limit
	defer cancelAudit()

	cancel() // the client went away
	fmt.Println("request: ", request.Err(), "|", request.Value(requestIDKey{}))
	fmt.Println("detached:", detached.Err(), "|", detached.Value(requestIDKey{}))
	fmt.Println("audit:   ", audit.Err(), "|", audit.Value(requestIDKey{}))
	fmt.Println("detached.Done() is nil:", detached.Done() == nil)
	fmt.Println("a string key finds nothing:", request.Value("requestID"))
}
