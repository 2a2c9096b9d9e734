module github.com/gocourse/gocourse/exercises

go 1.26

require (
	github.com/gocourse/gocourse v0.0.0
	go.uber.org/goleak v1.3.0
)

replace github.com/gocourse/gocourse => ../
