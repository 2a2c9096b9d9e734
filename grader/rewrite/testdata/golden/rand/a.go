package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(1))
	fmt.Println(rand.Intn(2), r.Intn(10), pick([]int{1, 2, 3}))
}
