package work_test

import (
	"fmt"

	work "github.com/gocourse/gocourse/grader/rewrite/testdata/golden/withtests"
)

func ExampleFan() {
	done := make(chan bool)
	go func() {
		for v := range work.Fan(2) {
			fmt.Println(v)
		}
		done <- true
	}()
	<-done
	// Output:
	// 0
	// 1
}
