package token

import "strings"

// A replay token names one schedule of one target so that gocourse replay and
// trace can run it again: the simulator's token of the schedule (sim.Result's
// Token, such as "c1.AgEDAQ"), prefixed with the Test function's name and "@"
// when the target is a test ("TestWorkers@c1.AgEDAQ"). The main function's
// schedules carry no prefix.
//
// Format and Parse are the only code that builds or splits one.

// Format returns the replay token of the schedule sched of target: "main" (or
// "") for the main function, else the name of a Test function. A schedule
// without a token gives "".
func Format(target, sched string) string {
	if target == "main" || target == "" || sched == "" {
		return sched
	}
	return target + "@" + sched
}

// Parse splits a replay token into the test it names ("" for the main
// function) and the simulator's token of the schedule.
func Parse(replay string) (test, sched string) {
	if name, s, ok := strings.Cut(replay, "@"); ok {
		return name, s
	}
	return "", replay
}
