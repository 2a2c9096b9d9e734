// Package kplusc: a producer that reuses C buffers. It writes buffer k%C
// only after its send k on slots completes, and the consumer receives k
// from slots only once it is done reading buffer k%C. By the k+C rule the
// consumer's receive k happens before the producer's send k+C completes, so
// the producer's next write of that buffer comes after the consumer's read.
package kplusc

const C = 2

func Sum(n int) int {
	var bufs [C][4]int
	slots := make(chan struct{}, C) // a token per buffer in use
	ready := make(chan int)
	go func() {
		for k := range n {
			slots <- struct{}{} // send k: waits for receive k-C
			b := &bufs[k%C]
			for i := range b {
				b[i] = k
			}
			ready <- k
		}
		close(ready)
	}()
	sum := 0
	for k := range ready {
		for _, v := range bufs[k%C] {
			sum += v
		}
		<-slots // receive k: buffer k%C is free again
	}
	return sum
}
