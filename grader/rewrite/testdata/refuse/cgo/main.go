package main

// int answer() { return 42; }
import "C"

import "fmt"

func main() {
	fmt.Println(C.answer())
}
