package main

import (
	"fmt"
	"reflect"
)

func main() {
	ch := make(chan int, 1)
	cases := []reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch)}}
	i, v, ok := reflect.Select(cases)
	fmt.Println(i, v, ok)
	rv := reflect.ValueOf(42)
	x, _ := rv.TryRecv()
	mc := reflect.MakeChan(reflect.ChanOf(reflect.BothDir, reflect.TypeOf(0)), 1)
	_, _ = x, mc
}
