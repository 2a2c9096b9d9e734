package course

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// StateFile is where a learner's progress lives, relative to the course root. The
// folder is git-ignored.
const StateFile = ".gocourse/state.json"

// State is a learner's progress: which exercises passed and how many hints of each
// they have seen. It is small, human-readable JSON.
type State struct {
	Done  []string       `json:"done"`
	Hints map[string]int `json:"hints,omitempty"`
	// Current is the exercise the learner chose to work on, if any; otherwise the
	// first one not done is current.
	Current string `json:"current,omitempty"`
	// Base is the commit of the course checkout the learner started from, recorded
	// by the first command run in a git clone of the course. Reset restores
	// starters from it, so that pulling a newer course never changes the starter a
	// learner gets back.
	Base string `json:"base,omitempty"`

	path string
}

// LoadState reads the progress of the course at root. A missing or unreadable file
// means a fresh start: the returned state is empty and warn reports why, when the
// file exists but could not be used.
func LoadState(root string) (s *State, warn error) {
	s = &State{Hints: map[string]int{}, path: filepath.Join(root, filepath.FromSlash(StateFile))}
	data, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	var onDisk State
	if err := json.Unmarshal(data, &onDisk); err != nil {
		return s, &Error{File: StateFile, Msg: "progress file is corrupt; starting afresh (" + err.Error() + ")"}
	}
	s.Done, s.Current, s.Base = onDisk.Done, onDisk.Current, onDisk.Base
	if onDisk.Hints != nil {
		s.Hints = onDisk.Hints
	}
	return s, nil
}

// Save writes the state atomically (write to a temporary file, then rename).
func (s *State) Save() error {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), "state-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), s.path)
}

// IsDone reports whether the exercise has passed.
func (s *State) IsDone(id string) bool { return slices.Contains(s.Done, id) }

// MarkDone records that the exercise passed.
func (s *State) MarkDone(id string) {
	if !s.IsDone(id) {
		s.Done = append(s.Done, id)
	}
}

// MarkPending forgets that the exercise passed (after a reset, say).
func (s *State) MarkPending(id string) {
	s.Done = slices.DeleteFunc(s.Done, func(d string) bool { return d == id })
}

// Current returns the exercise the learner is on: the one they chose (with goto, done
// or not, until next moves on from it), else the first one in course order that is not
// done. It returns nil when every exercise is done and none was chosen.
func (c *Course) Current(s *State) *Exercise {
	if s.Current != "" {
		if e, err := c.Exercise(s.Current); err == nil && e.ID == s.Current {
			return e
		}
	}
	for _, e := range c.Exercises() {
		if !s.IsDone(e.ID) {
			return e
		}
	}
	return nil
}

// Progress returns how many exercises are done and how many there are.
func (c *Course) Progress(s *State) (done, total int) {
	for _, e := range c.Exercises() {
		total++
		if s.IsDone(e.ID) {
			done++
		}
	}
	return done, total
}
