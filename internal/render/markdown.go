// Package render draws the course's markdown in a terminal with glamour (a terminal
// renderer on goldmark, a CommonMark and GitHub-flavoured parser): headings, code
// blocks, tables, lists, quotes, inline code and emphasis, in the course's colours,
// or as plain text when colour is off (NO_COLOR, or output that is not a terminal).
package render

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"
	"github.com/muesli/termenv"
)

// Options say how to draw.
type Options struct {
	// Width is the width of the terminal; text is wrapped to it. 80 when zero.
	Width int
	// Colour draws with colours and bold, italic and underlined text; without it the
	// output has no escape sequence at all.
	Colour bool
}

// Markdown writes src to w for a terminal.
func Markdown(w io.Writer, src string, opts Options) error {
	width := opts.Width
	if width <= 0 {
		width = 80
	}
	profile := termenv.Ascii
	if opts.Colour {
		profile = termenv.ANSI
	}
	r, err := glamour.NewTermRenderer(
		glamour.WithStyles(style(opts.Colour)),
		glamour.WithColorProfile(profile),
		glamour.WithWordWrap(width),
		glamour.WithTableWrap(true),
	)
	if err != nil {
		return fmt.Errorf("markdown renderer: %w", err)
	}
	// glamour's paragraph wrapping miscounts a line after it breaks a word at a
	// hyphen, and then wraps that line a second time, leaving a word alone on a
	// line. Word-internal hyphens (main-exits-early) are held as a character that
	// means nothing to markdown while glamour wraps, and put back after; when the
	// text has that character already, hyphens are left alone.
	held := !strings.Contains(src, heldHyphen)
	if held {
		for prev := ""; prev != src; { // twice for a-b-c: matches do not overlap
			prev, src = src, wordHyphen.ReplaceAllString(src, "${1}"+heldHyphen+"${2}")
		}
	}
	out, err := r.Render(src)
	if err != nil {
		return fmt.Errorf("rendering markdown: %w", err)
	}
	out = tidy(out)
	if held {
		out = strings.ReplaceAll(out, heldHyphen, "-")
	}
	_, err = io.WriteString(w, out)
	return err
}

// heldHyphen stands for a hyphen while glamour wraps: a letter (U+01C2), one column
// wide to both of glamour's wrapping passes, no place to break a line, and no
// markdown syntax. (Punctuation such as "^" or U+2011 is counted differently by
// the two passes in colour, and "~" is strikethrough.)
const heldHyphen = "\u01c2"

// wordHyphen is a hyphen between two letters or digits: never markdown syntax (a
// list item, a rule, a table's delimiter row).
var wordHyphen = regexp.MustCompile(`([\p{L}\p{N}])-([\p{L}\p{N}])`)

// trailing is the padding glamour adds to fill each line to the wrap width: spaces,
// possibly among the escape sequences that close a style.
var trailing = regexp.MustCompile(`(?m)[ \t]+((?:\x1b\[[0-9;]*m)*)$`)

// tidy drops the padding at the end of each line and the blank lines glamour puts
// before and after the document, so that the text pages and greps cleanly.
func tidy(s string) string {
	s = trailing.ReplaceAllString(s, "$1")
	return strings.Trim(s, "\n") + "\n"
}

// The course's colours, as the rest of gocourse paints: headings bold cyan (the
// lesson's title also underlined), code yellow, quotes italic. ANSI colour numbers,
// so that the learner's terminal theme decides the exact shade.
const (
	cyan   = "6"
	yellow = "3"
	faint  = "8"
)

func style(colour bool) ansi.StyleConfig {
	str := func(s string) *string { return &s }
	yes := func() *bool { b := true; return &b }
	uint0 := func(u uint) *uint { return &u }
	paint := func(p ansi.StylePrimitive, colour_ *string, bold, italic, underline bool) ansi.StylePrimitive {
		if !colour {
			return p
		}
		p.Color = colour_
		if bold {
			p.Bold = yes()
		}
		if italic {
			p.Italic = yes()
		}
		if underline {
			p.Underline = yes()
		}
		return p
	}
	heading := func(c *string, underline bool) ansi.StyleBlock {
		return ansi.StyleBlock{StylePrimitive: paint(ansi.StylePrimitive{}, c, true, false, underline)}
	}
	rule := "│ "
	if !colour {
		rule = "| "
	}
	return ansi.StyleConfig{
		Document: ansi.StyleBlock{Margin: uint0(0)},
		Heading: ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{
			BlockPrefix: "\n", BlockSuffix: "\n",
		}},
		H1:         heading(str(cyan), true),
		H2:         heading(str(cyan), false),
		H3:         heading(nil, false),
		H4:         heading(nil, false),
		H5:         heading(nil, false),
		H6:         heading(nil, false),
		Paragraph:  ansi.StyleBlock{},
		BlockQuote: ansi.StyleBlock{StylePrimitive: paint(ansi.StylePrimitive{}, nil, false, true, false), Indent: uint0(1), IndentToken: str(rule)},
		List:       ansi.StyleList{LevelIndent: 2},
		Item:       ansi.StylePrimitive{BlockPrefix: "• "},
		Enumeration: ansi.StylePrimitive{
			BlockPrefix: ". ",
		},
		Task:           ansi.StyleTask{Ticked: "[x] ", Unticked: "[ ] "},
		Emph:           paint(ansi.StylePrimitive{}, nil, false, true, false),
		Strong:         paint(ansi.StylePrimitive{}, nil, true, false, false),
		Strikethrough:  ansi.StylePrimitive{},
		HorizontalRule: paint(ansi.StylePrimitive{Format: "\n────────\n"}, str(faint), false, false, false),
		Link:           paint(ansi.StylePrimitive{BlockPrefix: "(", BlockSuffix: ")"}, str(faint), false, false, true),
		LinkText:       paint(ansi.StylePrimitive{}, nil, true, false, false),
		Image:          paint(ansi.StylePrimitive{}, str(faint), false, false, true),
		ImageText:      ansi.StylePrimitive{Format: "image: {{.text}} →"},
		Code:           ansi.StyleBlock{StylePrimitive: paint(ansi.StylePrimitive{}, str(yellow), false, false, false)},
		CodeBlock: ansi.StyleCodeBlock{StyleBlock: ansi.StyleBlock{
			StylePrimitive: paint(ansi.StylePrimitive{}, str(yellow), false, false, false),
			Margin:         uint0(4),
		}},
		Table: ansi.StyleTable{
			CenterSeparator: str("┼"),
			ColumnSeparator: str("│"),
			RowSeparator:    str("─"),
		},
		DefinitionDescription: ansi.StylePrimitive{BlockPrefix: "\n  "},
	}
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

// escape is an SGR escape sequence, for tests and width counts.
var escape = regexp.MustCompile(`\x1b\[[0-9;]*m`)
