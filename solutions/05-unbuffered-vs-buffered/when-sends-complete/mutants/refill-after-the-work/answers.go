// Mutant: believes a value leaves the buffer only when the reader has
// finished with the one before, so every late-reader send after the
// second comes a second too late.
package sends

import "time"

const s = time.Second

// LateReaderSends[i] is when send i+1 of LateReader completes, counted
// from the start of LateReader.
var LateReaderSends = []time.Duration{
	0, 0, // two places in the buffer
	3 * s, // "the reader finishes 1 at 3s, and only then is there room"
	4 * s,
	5 * s,
	6 * s,
}

// BurstsSends[i] is when send i+1 of Bursts completes.
var BurstsSends = []time.Duration{
	0,     // the reader is waiting: 1 goes straight to it
	0,     // 2 takes the buffer
	1 * s, // 3 waits until the reader, done with 1, takes 2 at 1s
	4 * s, // pause from 1s to 4s; the reader finished 3 at 3s and waits: 4 goes straight to it
	4 * s, // 5 takes the buffer
	5 * s, // 6 waits until the reader takes 5 at 5s
}
