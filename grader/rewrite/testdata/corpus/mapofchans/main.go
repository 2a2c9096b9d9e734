package main

import (
	"fmt"
	"sort"
)

func main() {
	chans := map[string]chan int{}
	for _, k := range []string{"a", "b", "c"} {
		chans[k] = make(chan int, 1)
	}
	for k, c := range chans {
		c <- len(k) + int(k[0])
	}
	keys := []string{"c", "a", "b"}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, <-chans[k])
	}
	list := []chan bool{make(chan bool, 1), make(chan bool, 1)}
	list[1] <- true
	fmt.Println(len(list[0]), len(list[1]))
}
