// Mutant: forgets the closed flag: believes a send on a closed channel with
// a full buffer parks, like any send to a full channel. A send on a closed
// channel panics, room or not.
package nextop

// Answers is your prediction for each situation, by name: Buffers,
// HandsOver, TakesFromBuffer, TakesAndRefills, ZeroValue, Parks, Panics or
// WakesAll.
var Answers = map[string]Outcome{
	"a": HandsOver,       // unbuffered, a receiver is parked
	"b": Parks,           // unbuffered, nobody waiting
	"c": Buffers,         // room: the value goes into slot 2
	"d": Parks,           // full
	"e": HandsOver,       // a parked receiver comes before the buffer
	"f": TakesAndRefills, // full with a parked sender: head out, sender's value in
	"g": HandsOver,       // unbuffered, a sender is parked
	"h": ZeroValue,       // closed and empty
	"i": TakesFromBuffer, // closed, but values remain: they come first
	"j": Parks,           // "the buffer is full"
	"k": WakesAll,        // both parked receivers get the zero value
	"l": Parks,           // empty, nobody sending
}
