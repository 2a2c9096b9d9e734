// Command try-send sends and receives without ever waiting: a select with
// one case and a default either does the operation at once or does nothing.
package main

import "fmt"

func main() {
	mailbox := make(chan string, 2) // room for two letters

	for _, letter := range []string{"bill", "postcard", "parcel"} {
		select {
		case mailbox <- letter:
			fmt.Println("posted:", letter)
		default: // the mailbox is full: do not wait, drop it
			fmt.Println("mailbox full, dropped:", letter)
		}
	}

	for range 3 {
		select {
		case letter := <-mailbox:
			fmt.Println("took out:", letter)
		default: // nothing there: do not wait
			fmt.Println("mailbox empty")
		}
	}
}
