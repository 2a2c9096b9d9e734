package sends

import "time"

// LateReaderSends[i] is when send i+1 of LateReader completes, counted
// from the start of LateReader.
var LateReaderSends = []time.Duration{
	// TODO: six times.
}

// BurstsSends[i] is when send i+1 of Bursts completes.
var BurstsSends = []time.Duration{
	// TODO: six times. The pause counts too.
}
