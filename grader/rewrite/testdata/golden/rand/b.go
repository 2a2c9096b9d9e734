package main

import "math/rand/v2"

func pick(xs []int) int {
	rand.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	return xs[rand.IntN(len(xs))] + rand.N(3)
}
