// A worker that drains jobs and then reports done, and a main that waits for done
// before closing jobs on a rare path: when the buffer is full at the check.
package main

import "fmt"

func main() {
	jobs := make(chan int, 2)
	done := make(chan bool)
	go func() {
		for j := range jobs {
			fmt.Println("got", j)
		}
		done <- true
	}()
	for i := 1; i <= 3; i++ {
		jobs <- i
	}
	if len(jobs) > 1 {
		<-done
	}
	close(jobs)
	<-done
}
