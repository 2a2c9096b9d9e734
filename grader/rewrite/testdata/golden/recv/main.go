package main

func sum(a, b int) int { return a + b }

func main() {
	ch := make(chan int, 10)
	chch := make(chan chan int, 1)
	p := &ch
	for i := 0; i < 8; i++ {
		ch <- i
	}
	chch <- ch
	<-ch
	v := <-ch
	w := sum(<-ch, <-*p)
	x := <-ch + <-ch
	y := <-<-chch
	z, ok := <-ch
	z, ok = <-ch
	var u, ok2 = <-ch
	var q int = <-(ch)
	if n := <-ch; n > 0 {
		_ = n
	}
	for <-ch > 100 {
	}
	close(ch)
	m := map[bool]int{<-ch == 0: 1}
	_, _, _, _, _, _, _, _, _, _, _ = v, w, x, y, z, ok, u, ok2, q, m, (<-ch)
}
