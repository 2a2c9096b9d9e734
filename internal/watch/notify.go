package watch

import (
	"path/filepath"
	"sync"

	"github.com/fsnotify/fsnotify"
)

// Notifier is the Events source of a real file system, built on fsnotify. It watches
// a folder rather than the files in it: an editor that saves by writing a new file
// and renaming it over the old one (vim, GoLand, VS Code's atomic save) replaces the
// file a watch on the file would follow, and the folder sees the new name appear.
type Notifier struct {
	w       *fsnotify.Watcher
	changes chan string
	done    chan struct{}

	mu  sync.Mutex
	dir string
}

// NewNotifier starts a Notifier that watches nothing yet.
func NewNotifier() (*Notifier, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	n := &Notifier{w: w, changes: make(chan string), done: make(chan struct{})}
	go n.forward()
	return n, nil
}

// Watch makes n report changes in dir instead of the folder it watched before.
func (n *Notifier) Watch(dir string) error {
	dir = filepath.Clean(dir)
	n.mu.Lock()
	defer n.mu.Unlock()
	if dir == n.dir {
		return nil
	}
	if n.dir != "" {
		_ = n.w.Remove(n.dir)
		n.dir = ""
	}
	if err := n.w.Add(dir); err != nil {
		return err
	}
	n.dir = dir
	return nil
}

// Changes delivers the base name of every file created, written, renamed or removed
// in the watched folder.
func (n *Notifier) Changes() <-chan string { return n.changes }

// Close stops watching.
func (n *Notifier) Close() error {
	close(n.done)
	return n.w.Close()
}

func (n *Notifier) forward() {
	for {
		select {
		case <-n.done:
			return
		case ev, ok := <-n.w.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue // attributes only: an indexer or a backup tool, not a save
			}
			n.mu.Lock()
			inDir := filepath.Dir(ev.Name) == n.dir
			n.mu.Unlock()
			if !inDir {
				continue // left over from the folder watched before
			}
			select {
			case n.changes <- filepath.Base(ev.Name):
			case <-n.done:
				return
			}
		case _, ok := <-n.w.Errors:
			if !ok {
				return
			}
			// An overflow of the kernel's queue loses events; the next save brings
			// new ones, and r checks by hand.
		}
	}
}
