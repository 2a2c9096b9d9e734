package crawl

import (
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// site is a tree of pages, four levels deep:
//
//	/            (level 1)
//	├── /a       (level 2)
//	│   ├── /a/1 (level 3)
//	│   │   └── /a/1/x (level 4)
//	│   └── /a/2
//	└── /b
//	    └── /b/1
var site = map[string][]string{
	"/":      {"/a", "/b"},
	"/a":     {"/a/1", "/a/2"},
	"/b":     {"/b/1"},
	"/a/1":   {"/a/1/x"},
	"/a/2":   nil,
	"/b/1":   nil,
	"/a/1/x": nil,
}

// fetcher serves site, taking a second per page on the fake clock, and
// records which pages were fetched.
type fetcher struct {
	mu      sync.Mutex
	fetched []string
}

func (f *fetcher) fetch(url string) []string {
	time.Sleep(time.Second) // the network
	f.mu.Lock()
	f.fetched = append(f.fetched, url)
	f.mu.Unlock()
	return site[url]
}

func TestCrawlFetchesEveryPageOnce(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		var f fetcher
		pages := Crawl("/", f.fetch)
		slices.Sort(f.fetched)
		want := []string{"/", "/a", "/a/1", "/a/1/x", "/a/2", "/b", "/b/1"}
		if !slices.Equal(f.fetched, want) {
			t.Errorf("Crawl fetched %q; want every page once: %q", f.fetched, want)
		}
		if pages != len(want) {
			t.Errorf("Crawl returned %d; it fetched %d pages", pages, len(f.fetched))
		}
	})
}

// Inside synctest.Test the clock is fake: time.Sleep takes no real time and
// time moves only when every goroutine waits. The times are exact.
func TestCrawlTakesOneSecondPerLevel(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		var f fetcher
		start := time.Now()
		pages := Crawl("/", f.fetch)
		took := time.Since(start)
		switch {
		case took == 4*time.Second:
		case took > 4*time.Second:
			t.Errorf("Crawl took %v; want 4s, one second per level of the site.\n"+
				"Pages of the same level must be fetched at the same time: start a goroutine for each link as soon as you have it.", took)
		default:
			t.Errorf("Crawl returned at %v, before the deepest page (level 4, fetched from 3s to 4s) was fetched.\n"+
				"Wait for every goroutine, including the ones started by other goroutines.", took)
		}
		if pages != 7 {
			t.Errorf("Crawl returned %d pages; want 7", pages)
		}
	})
}

func TestCrawlOnePage(t *testing.T) {
	defer goleak.VerifyNone(t)
	synctest.Test(t, func(t *testing.T) {
		var f fetcher
		if pages := Crawl("/a/2", f.fetch); pages != 1 {
			t.Errorf("Crawl of a page without links returned %d; want 1", pages)
		}
	})
}
