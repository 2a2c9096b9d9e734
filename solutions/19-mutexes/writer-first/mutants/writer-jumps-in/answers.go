// Mutant: believes that the writer takes over as soon as one reader
// leaves, and that a Mutex lets its holder lock it again.
package writerfirst

// Answers is your prediction for every step of the story in script.go:
// true if the Try call takes the lock (or, for step 5, if writer V has it),
// false if not.
var Answers = map[string]bool{
	Steps[0]:  true,  // free
	Steps[1]:  true,  // readers share
	Steps[2]:  false, // a writer needs it alone
	Steps[3]:  false, // a writer waits: new readers are refused
	Steps[4]:  true,  // a reader left: the writer takes over
	Steps[5]:  false, // a writer holds it
	Steps[6]:  false, // a writer holds it
	Steps[7]:  true,  // free again
	Steps[8]:  false, // a reader holds it
	Steps[9]:  true,  // free
	Steps[10]: true,  // it already holds it
}

// Unknown marks answers that have not been given yet.
const Unknown = "not predicted yet"
