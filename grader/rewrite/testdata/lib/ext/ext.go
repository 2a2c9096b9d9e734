// Package ext stands for a third-party package that is not rewritten.
package ext

import (
	"context"
	"sync"
)

// Events returns a channel the package sends on.
func Events() <-chan string { return make(chan string) }

// Locked embeds a real mutex.
type Locked struct {
	sync.Mutex
	N int
}

// Group waits with a real WaitGroup, like errgroup.Group.
type Group struct {
	wg sync.WaitGroup
}

// Go starts f.
func (g *Group) Go(f func()) { g.wg.Add(1); go func() { defer g.wg.Done(); f() }() }

// Wait waits for every f.
func (g *Group) Wait() { g.wg.Wait() }

// Plain is harmless.
func Plain(s string) string { return s + "!" }

// WithContext takes a real context.
func WithContext(ctx context.Context) error { return ctx.Err() }

// Feed takes a channel.
func Feed(c chan<- int) { c <- 1 }
