package nextop

// Answers is your prediction for each situation, by name: Buffers,
// HandsOver, TakesFromBuffer, TakesAndRefills, ZeroValue, Parks, Panics or
// WakesAll.
var Answers = map[string]Outcome{
	// TODO: one answer per situation, "a" to "l".
}
