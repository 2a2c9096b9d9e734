//go:build race

package sim_test

// raceEnabled: in a race build the runtime's send to a waiting receiver on a
// buffered channel also advances sendx and recvx ("pretend we go through the
// buffer"); sim mirrors the ordinary build.
const raceEnabled = true
