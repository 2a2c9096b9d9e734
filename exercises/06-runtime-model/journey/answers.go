package journey

// After holds your prediction: After[i] is where the worker is once
// Steps[i] is done and everything has settled.
var After = []Where{
	{Reason: "select", Queues: []string{"jobs.recvq", "quit.recvq"}}, // main starts the worker
	// TODO: one line per step.
	{}, // main sends 3 on jobs
	{}, // main sleeps 2s
	{}, // main sends 5 on jobs
	{}, // main sleeps 2s
	{}, // main receives from results
	{}, // main closes quit
}
