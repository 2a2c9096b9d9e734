package rewrite_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gocourse/gocourse/grader/rewrite"
)

// A package is rewritten to an overlay; the learner's file is untouched.
func ExamplePackage() {
	dir, _ := os.MkdirTemp("", "rewrite-example")
	defer os.RemoveAll(dir)
	src := `package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		fmt.Println("hello")
		done <- true
	}()
	<-done
}
`
	os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644)

	ov, err := rewrite.Package(dir, rewrite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	out := string(ov.Files[filepath.Join(dir, "main.go")])
	fmt.Print(strings.ReplaceAll(out, dir, "DIR"))
	fmt.Println("reset:", ov.Reset)
	// Output:
	// //line DIR/main.go:1:1
	// package main; import (sim "github.com/gocourse/gocourse/sim")
	//
	// import "fmt"
	//
	// func main() {
	// 	done := sim.MakeChan[bool](0).Named("done")
	// 	sim.Go(func() {
	// 		fmt.Fprintln(sim.Stdout(), "hello")
	// 		done.Send(true)
	// 	})
	// 	done.Recv()
	// }
	// reset: gocourseSimReset
}

// What cannot run under the simulator is refused by name and position.
func ExamplePackage_refused() {
	dir, _ := os.MkdirTemp("", "rewrite-example")
	defer os.RemoveAll(dir)
	src := `package main

import "reflect"

func main() {
	ch := make(chan int, 1)
	reflect.ValueOf(42).TrySend(reflect.ValueOf(1))
	_ = ch
}
`
	os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644)

	_, err := rewrite.Package(dir, rewrite.Options{})
	fmt.Println(err)
	// Output:
	// main.go:7: reflect.Value.TrySend cannot run under the simulator
}
