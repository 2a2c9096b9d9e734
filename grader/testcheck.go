package grader

import (
	"fmt"
	"time"
)

func init() {
	register(kindOf[testSettings]{name: "test", in: realLane, settle: (*testSettings).settle,
		run: realTest{}.Check, prepare: prebuildTests})
}

// testSettings are the settings of a "test" check, which runs the course's
// tests for real (see realTest), and of the real half of a "timing" check.
type testSettings struct {
	Race    *bool         `yaml:"race"`    // build with -race (default true)
	CPU     []int         `yaml:"cpu"`     // the GOMAXPROCS values, -cpu (default 1, 2, 4)
	Timeout time.Duration `yaml:"timeout"` // the budget of one run (default 30s)
	Leak    *bool         `yaml:"leak"`    // check for leaked goroutines after the tests (default true)
	Run     string        `yaml:"run"`     // which tests, as -run (default: every test of the course)
}

func (s *testSettings) settle() error {
	if err := settleTimeout(&s.Timeout); err != nil {
		return err
	}
	return settleCPU(&s.CPU)
}

// settleTimeout fills in and judges the timeout of a check that runs code.
func settleTimeout(d *time.Duration) error {
	if *d < 0 {
		return fmt.Errorf("timeout must be positive")
	}
	if *d == 0 {
		*d = 30 * time.Second
	}
	return nil
}

// settleCPU fills in and judges the GOMAXPROCS values of a check that runs
// code on real cores.
func settleCPU(cpu *[]int) error {
	if len(*cpu) == 0 {
		*cpu = []int{1, 2, 4}
	}
	for _, c := range *cpu {
		if c < 1 {
			return fmt.Errorf("cpu: %d is not a GOMAXPROCS value", c)
		}
	}
	return nil
}
