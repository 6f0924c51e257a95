// Package hint gives an error a likely fix, which huller prints on a line
// of its own ("huller: hint: …"): the command line looks for any error in
// the chain with a Hint method.
package hint

import "fmt"

// Error is an error with a likely fix.
type Error struct {
	Err  error
	Text string
}

func (e Error) Error() string { return e.Err.Error() }
func (e Error) Unwrap() error { return e.Err }

// Hint returns the likely fix.
func (e Error) Hint() string { return e.Text }

// With returns err with the fix the format and args say.
func With(err error, format string, args ...any) error {
	return Error{err, fmt.Sprintf(format, args...)}
}
