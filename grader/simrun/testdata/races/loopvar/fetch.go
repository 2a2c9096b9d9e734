// Package loopvar: the first error of several fetches, kept in a variable
// declared outside the loop that every goroutine writes.
package loopvar

import (
	"errors"
	"sync"
)

func fetch(url string) error {
	if url == "" {
		return errors.New("empty url")
	}
	return nil
}

// FetchAll fetches every url at once and returns an error if one failed.
func FetchAll(urls []string) error {
	var err error
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if e := fetch(u); e != nil {
				err = e
			}
		}()
	}
	wg.Wait()
	return err
}
