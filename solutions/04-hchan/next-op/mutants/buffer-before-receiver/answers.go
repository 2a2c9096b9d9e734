// Mutant: checks the buffer before the parked receivers, as if a send on a
// buffered channel always went through the buffer when there is room.
package nextop

// Answers is your prediction for each situation, by name: Buffers,
// HandsOver, TakesFromBuffer, TakesAndRefills, ZeroValue, Parks, Panics or
// WakesAll.
var Answers = map[string]Outcome{
	"a": HandsOver,       // unbuffered, a receiver is parked
	"b": Parks,           // unbuffered, nobody waiting
	"c": Buffers,         // room: the value goes into slot 2
	"d": Parks,           // full
	"e": Buffers,         // WRONG
	"f": TakesAndRefills, // full with a parked sender: head out, sender's value in
	"g": HandsOver,       // unbuffered, a sender is parked
	"h": ZeroValue,       // closed and empty
	"i": TakesFromBuffer, // closed, but values remain: they come first
	"j": Panics,          // send on closed channel, room or not
	"k": WakesAll,        // both parked receivers get the zero value
	"l": Parks,           // empty, nobody sending
}
