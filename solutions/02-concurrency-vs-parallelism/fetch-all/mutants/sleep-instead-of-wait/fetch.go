// Mutant: starts every fetch but waits with time.Sleep(time.Second) instead
// of waiting for the fetches, so it returns before a slower fetch is done.
package fetchall

import "time"

// FetchAll calls fetch once for every url and returns the results in the
// same order as urls.
func FetchAll(urls []string, fetch func(url string) string) []string {
	out := make([]string, len(urls))
	for i, u := range urls {
		go func() { out[i] = fetch(u) }()
	}
	time.Sleep(time.Second) // "every fetch takes about a second"
	return out
}
