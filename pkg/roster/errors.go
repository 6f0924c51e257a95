package roster

import (
	"fmt"
	"strings"
)

// DefaultMaxErrors is how many problems an error lists before "and N more".
const DefaultMaxErrors = 20

// Problem is one thing wrong with a roster, at a place.
type Problem struct {
	Where   string // file, sheet and cell, or line and column
	Message string
	// Also counts further places with the same problem (the same unknown
	// role on many rows, say), listed once.
	Also int
}

// String puts the count of further places with the place, not after the
// message, where it would read as part of a list the message ends with.
func (p Problem) String() string {
	where := p.Where
	if p.Also > 0 {
		where = strings.TrimSpace(fmt.Sprintf("%s (and %d more %s)", where, p.Also, plural(p.Also, "place", "places")))
	}
	if where == "" {
		return p.Message
	}
	return where + ": " + p.Message
}

// Error is returned when a roster (or requirements file) cannot be used. It
// lists the problems found, at most Options.MaxErrors of them.
type Error struct {
	File     string
	Problems []Problem
	More     int // problems found beyond the listed ones
}

func (e *Error) Error() string {
	if len(e.Problems) == 1 && e.More == 0 {
		return e.Problems[0].String()
	}
	var b strings.Builder
	total := len(e.Problems) + e.More
	fmt.Fprintf(&b, "%s: %d problems:", e.File, total)
	for _, p := range e.Problems {
		b.WriteString("\n  " + p.String())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n  and %d more", e.More)
	}
	return b.String()
}

// problems collects problems up to a cap; a problem with a key seen before
// only counts (Problem.Also).
type problems struct {
	file  string
	max   int
	list  []Problem
	keys  map[string]int
	more  int
	total int
}

func newProblems(file string, max int) *problems {
	if max <= 0 {
		max = DefaultMaxErrors
	}
	return &problems{file: file, max: max, keys: map[string]int{}}
}

// add records a problem; key groups repeats ("" for none).
func (p *problems) add(where, key, format string, args ...any) {
	p.total++
	if key != "" {
		if i, ok := p.keys[key]; ok {
			p.list[i].Also++
			return
		}
	}
	if len(p.list) >= p.max {
		p.more++
		return
	}
	if key != "" {
		p.keys[key] = len(p.list)
	}
	p.list = append(p.list, Problem{Where: where, Message: fmt.Sprintf(format, args...)})
}

func (p *problems) empty() bool { return p.total == 0 }

func (p *problems) err() error {
	if p.total == 0 {
		return nil
	}
	return &Error{File: p.file, Problems: p.list, More: p.more}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
