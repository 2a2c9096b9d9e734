package main

import (
	"fmt"
	"log"
)

func main() {
	ch := make(chan int)
	fmt.Printf("%T\n", ch)
	fmt.Println(ch == nil, ch)
	log.Print(ch)
	s := fmt.Sprint(len(ch))
	_ = s
}
