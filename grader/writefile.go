package grader

import (
	"errors"
	"os"
	"path/filepath"
)

// writeAtomic writes data to path whole or not at all: into a temporary file
// beside it, given perm, then renamed into place, so that a process reading
// path at the same moment, or a run stopped half-way, never sees part of it.
func writeAtomic(path string, data []byte, perm os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	err = errors.Join(werr, cerr)
	if err == nil {
		err = os.Chmod(tmp.Name(), perm)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
