// Mutant: forgets that a reader who is already waiting takes a value
// directly, leaving the buffer free for the next one: it counts one place
// too few, so every send after the first waits a second too long.
package sends

import "time"

const s = time.Second

// LateReaderSends[i] is when send i+1 of LateReader completes, counted
// from the start of LateReader.
var LateReaderSends = []time.Duration{0, 0, 2 * s, 3 * s, 4 * s, 5 * s}

// BurstsSends[i] is when send i+1 of Bursts completes.
var BurstsSends = []time.Duration{0, 1 * s, 2 * s, 5 * s, 6 * s, 7 * s}
