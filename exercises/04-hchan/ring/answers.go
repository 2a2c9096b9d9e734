package ring

// After holds your prediction: After[i] is ch's state just after Steps[i],
// once every goroutine has finished or parked.
//
// The first line is done for you: one send into an empty buffer of three
// slots goes into slot 0, so sendx moves to 1.
var After = []State{
	{QCount: 1, SendX: 1, RecvX: 0}, // main sends "a"
	// TODO: one line per step, in order.
	{}, // main sends "b"
	{}, // main receives
	{}, // main sends "c"
	{}, // main sends "d"
	{}, // goroutine S1 sends "e"
	{}, // goroutine S2 sends "f"
	{}, // main receives
	{}, // main receives
	{}, // main receives three times
	{}, // goroutine R1 receives
	{}, // goroutine R2 receives
	{}, // main sends "g"
	{}, // main closes ch
}
