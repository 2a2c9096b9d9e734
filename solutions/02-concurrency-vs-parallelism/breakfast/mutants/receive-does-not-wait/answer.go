// Mutant: believes the tea takes its water at 1s, when the cup is ready,
// so it is ready at 3s. A receive waits until a sender gives it a value,
// and the kettle sends only at 3s.
package breakfast

import "time"

// Timeline is the prediction.
var Timeline = []Event{
	{At: 1 * time.Second, What: "cup ready"},
	{At: 3 * time.Second, What: "kettle boiled"},
	{At: 3 * time.Second, What: "kettle off"},
	{At: 3 * time.Second, What: "tea ready"},
	{At: 4 * time.Second, What: "toast ready"},
	{At: 4 * time.Second, What: "breakfast served"},
}
