// Mutant: a goroutine per page, but each page waits for one child before
// it starts the next: correct count, and a level takes as many seconds as
// it has pages.
package crawl

import "sync"

// Crawl fetches the page start and every page it links to, and returns how
// many pages it fetched.
func Crawl(start string, fetch func(url string) []string) int {
	var visit func(url string) int
	visit = func(url string) int {
		n := 1
		for _, link := range fetch(url) {
			var wg sync.WaitGroup
			var got int
			wg.Go(func() { got = visit(link) })
			wg.Wait()
			n += got
		}
		return n
	}
	return visit(start)
}
