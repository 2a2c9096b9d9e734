// Command tree builds a small tree of contexts and cancels parts of it:
// a cancel reaches every context below, and none above or beside.
package main

import (
	"context"
	"fmt"
)

func main() {
	request, cancelRequest := context.WithCancel(context.Background())
	defer cancelRequest()
	db, cancelDB := context.WithCancel(request)
	defer cancelDB()
	cache, cancelCache := context.WithCancel(request)
	defer cancelCache()
	query, cancelQuery := context.WithCancel(db)
	defer cancelQuery()

	show := func(when string) {
		fmt.Printf("%-22s request=%v db=%v cache=%v query=%v\n",
			when, request.Err(), db.Err(), cache.Err(), query.Err())
	}
	show("at first:")
	cancelDB()
	show("after cancelDB():")
	cancelRequest()
	show("after cancelRequest():")
}
