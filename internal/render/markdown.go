// Package render draws the course's markdown in a terminal: headings, code blocks,
// quotes, inline code and emphasis, with colour where the output allows it.
package render

import (
	"bufio"
	"io"
	"regexp"
	"strings"

	"github.com/fatih/color"
)

var (
	h1      = color.New(color.Bold, color.Underline, color.FgCyan)
	h2      = color.New(color.Bold, color.FgCyan)
	h3      = color.New(color.Bold)
	code    = color.New(color.FgYellow)
	quote   = color.New(color.Italic)
	strong  = color.New(color.Bold)
	inlineC = regexp.MustCompile("`([^`]+)`")
	bold    = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	link    = regexp.MustCompile(`\[([^\]]+)\]\(([^)]+)\)`)
)

// Markdown writes src to w for a terminal.
func Markdown(w io.Writer, src string) {
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	inCode := false
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			inCode = !inCode
			continue
		}
		switch {
		case inCode:
			code.Fprintf(w, "    %s\n", line)
		case strings.HasPrefix(line, "# "):
			h1.Fprintln(w, strings.TrimPrefix(line, "# "))
		case strings.HasPrefix(line, "## "):
			h2.Fprintln(w, strings.TrimPrefix(line, "## "))
		case strings.HasPrefix(line, "### "):
			h3.Fprintln(w, strings.TrimPrefix(line, "### "))
		case strings.HasPrefix(line, ">"):
			quote.Fprintf(w, "  │ %s\n", inline(strings.TrimSpace(strings.TrimPrefix(line, ">"))))
		default:
			io.WriteString(w, inline(line)+"\n")
		}
	}
}

// inline renders `code`, **bold** and [links](url) within one line.
func inline(s string) string {
	s = link.ReplaceAllString(s, "$1 ($2)")
	s = inlineC.ReplaceAllStringFunc(s, func(m string) string { return code.Sprint(m[1 : len(m)-1]) })
	s = bold.ReplaceAllStringFunc(s, func(m string) string { return strong.Sprint(m[2 : len(m)-2]) })
	return s
}

// Section returns the part of a markdown document that starts at the "## " heading
// named title and runs to the next heading of the same or a higher level. It returns
// "" when there is no such heading.
func Section(src, title string) string {
	lines := strings.Split(src, "\n")
	start := -1
	inCode := false
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			inCode = !inCode
		}
		if inCode {
			continue
		}
		if start < 0 && strings.HasPrefix(l, "## ") && strings.TrimSpace(l[3:]) == title {
			start = i
			continue
		}
		if start >= 0 && (strings.HasPrefix(l, "## ") || strings.HasPrefix(l, "# ")) {
			return strings.Join(lines[start:i], "\n")
		}
	}
	if start < 0 {
		return ""
	}
	return strings.Join(lines[start:], "\n")
}
