package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/gocourse/gocourse/grader"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Time       string          `xml:"time,attr"`
	Properties []junitProperty `xml:"properties>property"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
	Skipped   *junitProblem `xml:"skipped"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

func seconds(ms int64) string { return fmt.Sprintf("%.3f", float64(ms)/1000) }

// JUnit writes a class as JUnit XML: one testsuite per learner and exercise, one
// testcase per check. A check that failed is a <failure>, one the grader could not
// judge an <error>, one not run a <skipped>; each suite carries its score and
// max_score as properties.
func JUnit(w io.Writer, subs []*Submission, single bool) error {
	all := junitSuites{Name: "gocourse"}
	var total int64
	for _, s := range subs {
		for _, r := range s.Exercises {
			name := r.ID
			if !single {
				name = s.Learner + "/" + r.ID
			}
			suite := junitSuite{Name: name, Time: seconds(r.Duration), Properties: []junitProperty{
				{"score", fmt.Sprint(r.Score)}, {"max_score", fmt.Sprint(r.MaxScore)}, {"status", string(r.Status)},
			}}
			for _, ch := range r.Checks {
				c := junitCase{Name: ch.Name, Classname: name, Time: seconds(ch.Duration)}
				first, _, _ := strings.Cut(ch.Message, "\n")
				switch ch.Status {
				case grader.Fail:
					c.Failure = &junitProblem{Message: first, Type: "fail", Text: ch.Message}
					suite.Failures++
				case grader.Error:
					c.Error = &junitProblem{Message: first, Type: "error", Text: ch.Message}
					suite.Errors++
				case grader.Skip:
					c.Skipped = &junitProblem{Message: first}
					suite.Skipped++
				}
				suite.Cases = append(suite.Cases, c)
				suite.Tests++
			}
			all.Tests += suite.Tests
			all.Failures += suite.Failures
			all.Errors += suite.Errors
			all.Skipped += suite.Skipped
			total += r.Duration
			all.Suites = append(all.Suites, suite)
		}
	}
	all.Time = seconds(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
