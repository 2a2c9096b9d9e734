// Mutant: counts the pages in a plain int that every page's goroutine
// increments: the waiting is right, but the writes race and can be lost.
// Package crawl is about a WaitGroup that grows while it is being waited on.
package crawl

import "sync"

// Crawl fetches the page start and, recursively, every page it links to,
// and returns how many pages it fetched.
//
// The site is a tree: every page except start is linked from exactly one
// page, so no page is found twice. fetch(url) returns the links of url; it
// is slow because it waits (like a network), and it is safe to call from
// several goroutines at once.
func Crawl(start string, fetch func(url string) []string) int {
	var (
		wg    sync.WaitGroup
		pages int
	)
	var visit func(url string)
	visit = func(url string) {
		pages++
		for _, link := range fetch(url) {
			// This goroutine is still counted in wg, so the counter is above
			// zero: adding the child now cannot race with Wait seeing zero.
			wg.Go(func() { visit(link) })
		}
	}
	wg.Go(func() { visit(start) }) // the first Go happens before Wait
	wg.Wait()                      // zero only when no page is left to fetch
	return pages
}
