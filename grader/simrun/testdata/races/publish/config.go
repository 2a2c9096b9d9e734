// Package publish: a config sent to the worker, then changed by the sender.
package publish

type Config struct {
	Name    string
	Retries int
}

// Serve starts a worker, hands it a config and then sets a default the
// config was missing: after it was published.
func Serve() int {
	configs := make(chan *Config, 1)
	result := make(chan int)
	go func() {
		c := <-configs
		result <- c.Retries
	}()
	c := &Config{Name: "svc"}
	configs <- c
	if c.Retries == 0 {
		c.Retries = 3 // too late: the worker may already be reading it
	}
	return <-result
}
