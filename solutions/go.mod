module github.com/gocourse/gocourse/solutions

go 1.26

require (
	github.com/gocourse/gocourse v0.0.0
	go.uber.org/goleak v1.3.0
)

replace github.com/gocourse/gocourse => ../
