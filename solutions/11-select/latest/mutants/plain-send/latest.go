// Mutant: a plain send, which waits whenever the box is full.
package latest

func Publish(box chan int, v int) {
	box <- v
}
