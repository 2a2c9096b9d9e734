// Command leak asks three replicas for an answer and takes the first one.
// The other two replicas have nobody to give their answer to: they stay
// parked on their send until the program exits.
package main

import "fmt"

// first asks every replica at once and returns the first answer.
func first(replicas []func() string) string {
	answers := make(chan string) // unbuffered: the bug
	for _, ask := range replicas {
		go func() { answers <- ask() }()
	}
	return <-answers // one receive, for three sends
}

func main() {
	replica := func() string { return "42" }
	fmt.Println("first answer:", first([]func() string{replica, replica, replica}))
}
