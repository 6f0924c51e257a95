package framework

import (
	"fmt"
	"strings"

	"github.com/huller/huller/pkg/internal/suggest"
)

// Severity says whether a diagnostic stops a framework from being used.
type Severity int

// Severities of diagnostics.
const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem found while loading or validating a framework.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats the diagnostic as "file:line:col: message" (warnings get a
// "warning: " prefix before the message).
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.Pos.File != "" {
		b.WriteString(d.Pos.File)
		b.WriteString(":")
	}
	if d.Pos.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", d.Pos.Line, d.Pos.Col)
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// Diagnostics is a list of problems; as an error it lists the errors.
type Diagnostics []Diagnostic

// Errors returns the diagnostics of severity Error.
func (ds Diagnostics) Errors() Diagnostics { return ds.filter(Error) }

// Warnings returns the diagnostics of severity Warning.
func (ds Diagnostics) Warnings() Diagnostics { return ds.filter(Warning) }

func (ds Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Error joins the errors, one a line.
func (ds Diagnostics) Error() string {
	errs := ds.Errors()
	if len(errs) == 0 {
		errs = ds
	}
	lines := make([]string, len(errs))
	for i, d := range errs {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// at returns the position of a line and column in a file.
func at(file string, line, col int) Pos { return Pos{File: file, Line: line, Col: col} }

// short formats a position without its file, for "first at 12:5".
func (p Pos) short() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// where formats a position relative to another: without the file when the
// file is the same.
func (p Pos) where(from Pos) string {
	if p.File == from.File || p.File == "" {
		return p.short()
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// didYouMean formats a hint like ` (did you mean "1.1" or "1.2"?)`.
func didYouMean(s string, candidates []string) string { return suggest.DidYouMean(s, candidates) }
