// Package crawl is about a WaitGroup that grows while it is being waited on.
package crawl

// Crawl fetches the page start and, recursively, every page it links to,
// and returns how many pages it fetched.
//
// The site is a tree: every page except start is linked from exactly one
// page, so no page is found twice. fetch(url) returns the links of url; it
// is slow because it waits (like a network), and it is safe to call from
// several goroutines at once.
//
// Fetch each page in a goroutine of its own, as soon as its link is known,
// so that the crawl takes as long as the deepest chain of pages, not as
// long as all pages one after another. Crawl returns only when every fetch
// has returned.
func Crawl(start string, fetch func(url string) []string) int {
	// TODO: one page after another. Fetch the pages of the same depth at
	// the same time, and wait for all of them with a sync.WaitGroup.
	pages := 0
	todo := []string{start}
	for len(todo) > 0 {
		url := todo[0]
		todo = todo[1:]
		todo = append(todo, fetch(url)...)
		pages++
	}
	return pages
}
