package grader

import (
	"os"
	"strings"
	"testing"

	"github.com/gocourse/gocourse/course"
)

// TestGeneratedTestMainIsTheSameInEveryCheck: the generated TestMain must not
// hold anything that differs from one check to the next (the run's nonce is set
// at link time), or the go command compiles and vets the exercise's package and
// its tests again in every check instead of taking them from the build cache.
func TestGeneratedTestMainIsTheSameInEveryCheck(t *testing.T) {
	c, err := course.Load("..")
	if err != nil {
		t.Fatal(err)
	}
	ex, err := c.Exercise("01-goroutines/say-hello")
	if err != nil {
		t.Fatal(err)
	}
	var srcs []string
	var nonces []string
	for range 2 {
		env, err := newEnv(c, ex, Options{Solution: true})
		if err != nil {
			t.Fatal(err)
		}
		defer env.Close()
		for _, leak := range []bool{true, false} {
			files, err := env.testMain(leak)
			if err != nil {
				t.Fatal(err)
			}
			for _, path := range files {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(string(data), env.nonce) {
					t.Errorf("the generated TestMain holds the run's nonce")
				}
				srcs = append(srcs, string(data))
			}
		}
		if !strings.Contains(env.nonceFlags(), "gocourseNonce="+env.nonce) {
			t.Errorf("the linker flags %q do not set the nonce", env.nonceFlags())
		}
		nonces = append(nonces, env.nonce)
	}
	if len(srcs) != 4 {
		t.Fatalf("%d generated files, want 4", len(srcs))
	}
	if srcs[0] != srcs[2] || srcs[1] != srcs[3] {
		t.Errorf("two checks generated different TestMains")
	}
	if nonces[0] == "" || nonces[0] == nonces[1] {
		t.Errorf("nonces %q: want two different ones", nonces)
	}
}
