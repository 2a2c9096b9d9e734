// Command config publishes a new configuration to readers with an
// atomic.Pointer. The configuration is never changed after it is
// published: a writer builds a new one and swaps the pointer, so a reader
// always sees one whole configuration, old or new, never a mix.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Endpoint string
	Retries  int
}

func main() {
	var current atomic.Pointer[Config]
	current.Store(&Config{Endpoint: "https://a.example", Retries: 3})

	var wg sync.WaitGroup
	seen := make([]string, 4)
	for i := range seen {
		wg.Go(func() {
			c := current.Load() // one whole Config, whichever it is
			seen[i] = fmt.Sprintf("%s x%d", c.Endpoint, c.Retries)
		})
	}
	wg.Go(func() {
		current.Store(&Config{Endpoint: "https://b.example", Retries: 5})
	})
	wg.Wait()

	consistent := true
	for _, s := range seen {
		if s != "https://a.example x3" && s != "https://b.example x5" {
			consistent = false
		}
	}
	fmt.Println("every reader saw a whole config:", consistent)
	fmt.Println("now:", current.Load().Endpoint)
}
