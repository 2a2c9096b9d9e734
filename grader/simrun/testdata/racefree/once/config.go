// Package once: a configuration loaded lazily, once, and read by many.
package once

import "sync"

type Config struct{ Port int }

var (
	loadOnce sync.Once
	cfg      *Config
)

func get() *Config {
	loadOnce.Do(func() { cfg = &Config{Port: 8080} })
	return cfg
}

func Ports(n int) int {
	ch := make(chan int)
	for range n {
		go func() { ch <- get().Port }()
	}
	sum := 0
	for range n {
		sum += <-ch
	}
	return sum
}
