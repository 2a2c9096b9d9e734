package main

import (
	"fmt"
	"unsafe"
)

type hchan struct {
	qcount   uint
	dataqsiz uint
}

type holder struct{ c chan int }

func main() {
	ch := make(chan int, 3)
	h := (*hchan)(*(*unsafe.Pointer)(unsafe.Pointer(&ch)))
	fmt.Println(h.qcount, unsafe.Sizeof(holder{}), unsafe.Sizeof(0))
}
