package sim

// RuntimeError is the panic value of a failed channel operation. Its text is
// the runtime's message word for word ("send on closed channel", ...), and,
// like the runtime's own plainError, it implements runtime.Error.
type RuntimeError string

//go:norace
func (e RuntimeError) Error() string { return string(e) }

// RuntimeError marks e as a runtime.Error.
//
//go:norace
func (e RuntimeError) RuntimeError() {}

const (
	errSendOnClosed  = RuntimeError("send on closed channel")
	errCloseOfClosed = RuntimeError("close of closed channel")
	errCloseOfNil    = RuntimeError("close of nil channel")
	errMakeChanSize  = RuntimeError("makechan: size out of range")
)

// misuse reports a call that sim cannot honour, such as a blocking channel
// operation outside a run.
type misuse string

//go:norace
func (e misuse) Error() string { return "sim: " + string(e) }
