package main

import "os"

func use(f *os.File) { f.Sync() }

func main() {
	os.Stdout.WriteString("hello\n")
	out := os.Stdout
	use(os.Stdout)
	_ = out
}
