// Mutant: believes that readers are never held up by a waiting writer
// (readers first), so reader C gets in beside A and B.
package writerfirst

// Answers is your prediction for every step of the story in script.go:
// true if the Try call takes the lock (or, for step 5, if writer V has it),
// false if not.
var Answers = map[string]bool{
	Steps[0]:  true,  // free
	Steps[1]:  true,  // readers share
	Steps[2]:  false, // a writer needs it alone
	Steps[3]:  true,  // readers share, whoever waits
	Steps[4]:  false, // reader B is still in; V waits for both A and B
	Steps[5]:  false, // a writer holds it
	Steps[6]:  false, // a writer holds it
	Steps[7]:  true,  // free again
	Steps[8]:  false, // a reader holds it
	Steps[9]:  true,  // free
	Steps[10]: false, // a Mutex has no owner and is not reentrant
}

// Unknown marks answers that have not been given yet.
const Unknown = "not predicted yet"
