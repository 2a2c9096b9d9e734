// Mutant: believes close leaves R2 parked in recvq (step 14); close wakes
// every parked receiver, which gets the zero value.
package ring

// After holds your prediction: After[i] is ch's state just after Steps[i],
// once every goroutine has finished or parked.
var After = []State{
	{QCount: 1, SendX: 1, RecvX: 0},                              // "a" in slot 0
	{QCount: 2, SendX: 2, RecvX: 0},                              // "b" in slot 1
	{QCount: 1, SendX: 2, RecvX: 1},                              // "a" out of slot 0
	{QCount: 2, SendX: 0, RecvX: 1},                              // "c" in slot 2; sendx wraps
	{QCount: 3, SendX: 1, RecvX: 1},                              // "d" in slot 0: full
	{QCount: 3, SendX: 1, RecvX: 1, SendQ: []string{"S1"}},       // no room: S1 parks
	{QCount: 3, SendX: 1, RecvX: 1, SendQ: []string{"S1", "S2"}}, // S2 parks behind it
	{QCount: 3, SendX: 2, RecvX: 2, SendQ: []string{"S2"}},       // "b" out of slot 1, "e" into it
	{QCount: 3, SendX: 0, RecvX: 0},                              // "c" out of slot 2, "f" into it
	{QCount: 0, SendX: 0, RecvX: 0},                              // "d", "e", "f" out of slots 0, 1, 2
	{QCount: 0, SendX: 0, RecvX: 0, RecvQ: []string{"R1"}},       // empty: R1 parks
	{QCount: 0, SendX: 0, RecvX: 0, RecvQ: []string{"R1", "R2"}}, // R2 parks behind it
	{QCount: 0, SendX: 0, RecvX: 0, RecvQ: []string{"R2"}},       // "g" handed straight to R1
	{QCount: 0, SendX: 0, RecvX: 0, RecvQ: []string{"R2"}},       // "close leaves R2 waiting"
}
