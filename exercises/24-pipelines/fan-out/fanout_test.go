package fanout

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

const s = time.Second

// The pipeline: a reader that needs 1s per image and hands each on through
// an unbuffered channel, Resize with resize taking 3s per image, and a
// collector that takes each thumbnail at once. Times are on the fake clock
// of a synctest bubble, so they are exact.
func TestPipelineTimes(t *testing.T) {
	defer goleak.VerifyNone(t)
	tests := []struct {
		images, workers int
		want            time.Duration
		why             string
	}{
		{6, 1, 19 * s, "one resizer: 1s to read the first image, then 6 x 3s of resizing, one after another"},
		{6, 2, 11 * s, "two resizers: the reader waits for a free resizer from the third image on"},
		{6, 3, 9 * s, "three resizers keep up with the reader: the last image is read at 6s and resized by 9s"},
		{6, 6, 9 * s, "more resizers than three change nothing: now the reader is the slowest stage"},
		{1, 4, 4 * s, "a single image: read by 1s, resized by 4s"},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%d images, %d workers", tt.images, tt.workers)
		t.Run(name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				in := make(chan string)
				var want []string
				go func() { // the reader
					defer close(in)
					for i := 1; i <= tt.images; i++ {
						time.Sleep(s)
						in <- fmt.Sprint("img", i)
					}
				}()
				for i := 1; i <= tt.images; i++ {
					want = append(want, fmt.Sprint("thumb-img", i))
				}
				resize := func(img string) string {
					time.Sleep(3 * s)
					return "thumb-" + img
				}
				var got []string
				for th := range Resize(in, tt.workers, resize) {
					got = append(got, th)
				}
				took := time.Since(start)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Fatalf("with %s, the thumbnails that came out were %v, want one for each image: %v", name, got, want)
				}
				if took != tt.want {
					t.Errorf("with %s, the last thumbnail came out at %v, want %v: %s.", name, took, tt.want, tt.why)
					if took > tt.want {
						t.Logf("Too slow: are %d copies of resize really running at the same time?", tt.workers)
					} else {
						t.Logf("Too fast: are more than %d images being resized at the same time?", tt.workers)
					}
				}
			})
		})
	}
}

// TestClosesAfterLast: the output is closed only after the last thumbnail,
// whichever worker finishes last.
func TestClosesAfterLast(t *testing.T) {
	defer goleak.VerifyNone(t)
	in := make(chan string, 3)
	for _, img := range []string{"slow", "fast", "medium"} {
		in <- img
	}
	close(in)
	delay := map[string]time.Duration{"slow": 30 * time.Millisecond, "fast": 0, "medium": 10 * time.Millisecond}
	var got []string
	for th := range Resize(in, 3, func(img string) string {
		time.Sleep(delay[img])
		return strings.ToUpper(img)
	}) {
		got = append(got, th)
	}
	slices.Sort(got)
	if want := []string{"FAST", "MEDIUM", "SLOW"}; !slices.Equal(got, want) {
		t.Fatalf("Resize with 3 workers sent %v before closing, want %v (in any order): "+
			"close the output after the LAST worker is done, not the first", got, want)
	}
}
