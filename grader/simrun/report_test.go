package simrun

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadReportRefusesWhatIsNotAFile checks that the program, which may write in
// the report's folder, cannot make Run wait forever on a named pipe, nor make it
// read another file through a symbolic link.
func TestReadReportRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o666); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := readReport(fifo)
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("a named pipe was read as a report")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("reading a named pipe as the report blocked")
	}

	real := filepath.Join(dir, "real.json")
	os.WriteFile(real, []byte(`{"token":"x"}`), 0o644)
	link := filepath.Join(dir, "link.json")
	os.Symlink(real, link)
	if _, err := readReport(link); err == nil {
		t.Error("a symbolic link was followed to a report")
	}
	if data, err := readReport(real); err != nil || string(data) != `{"token":"x"}` {
		t.Errorf("a plain report: %q, %v", data, err)
	}
}
