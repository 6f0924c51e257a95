package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/huller/huller/pkg/outfile"
	"github.com/huller/huller/pkg/safetext"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"
)

// Exit codes, documented in README.md.
const (
	exitOK       = 0
	exitError    = 1   // invalid input, failed validation
	exitUsage    = 2   // unknown flag, missing argument
	exitFindings = 3   // --fail-on matched
	exitSignal   = 130 // interrupted (Ctrl-C, SIGTERM), as a shell reports SIGINT
)

// streams are the command's standard streams and environment, injected so
// that tests can run commands against buffers.
type streams struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	OutTTY bool
	ErrTTY bool
	Getenv func(string) string
}

// usageError marks wrong usage: exit 2, with a pointer to --help.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// exitCodeError ends a run with a specific exit code; an empty message
// prints nothing.
type exitCodeError struct {
	code int
	msg  string
}

func (e exitCodeError) Error() string { return e.msg }

// hintError carries a likely fix, printed as "huller: hint: …". Errors of
// the packages carry theirs the same way: any error in the chain with a
// Hint method.
type hintError struct {
	err  error
	hint string
}

func (e hintError) Error() string { return e.err.Error() }
func (e hintError) Unwrap() error { return e.err }
func (e hintError) Hint() string  { return e.hint }

func withHint(err error, format string, args ...any) error {
	return hintError{err, fmt.Sprintf(format, args...)}
}

// run executes huller with args and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := &streams{In: stdin, Out: stdout, Err: stderr, Getenv: os.Getenv,
		OutTTY: isTerminal(stdout), ErrTTY: isTerminal(stderr)}
	return interruptible(s, func() int { return execute(s, args) }, interrupts())
}

// interruptible runs cmd; when a signal arrives on sig first, it removes
// every temporary file a command has open (an existing report stays as it
// was: reports are renamed into place only when complete) and returns
// exitSignal without waiting for cmd.
func interruptible(s *streams, cmd func() int, sig <-chan os.Signal) int {
	done := make(chan int, 1)
	go func() { done <- cmd() }()
	select {
	case code := <-done:
		return code
	case <-sig:
		outfile.Cleanup()
		fmt.Fprintln(s.Err, "huller: interrupted; no file was written")
		return exitSignal
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func execute(s *streams, args []string) int {
	root := newRootCmd(s)
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	if err == nil {
		return exitOK
	}
	var ec exitCodeError
	if errors.As(err, &ec) {
		if ec.msg != "" {
			printError(s.Err, err)
		}
		return ec.code
	}
	printError(s.Err, err)
	var ue usageError
	if errors.As(err, &ue) || strings.HasPrefix(err.Error(), "unknown command") {
		path := "huller"
		if cmd != nil {
			path = cmd.CommandPath()
		}
		fmt.Fprintf(s.Err, "huller: hint: run '%s --help' for usage\n", path)
		return exitUsage
	}
	return exitError
}

// printError prints every line of the error once, as "huller: …".
func printError(w io.Writer, err error) {
	for _, line := range strings.Split(safetext.Terminal(err.Error()), "\n") {
		if line != "" {
			fmt.Fprintln(w, "huller: "+line)
		}
	}
	var h interface{ Hint() string }
	if errors.As(err, &h) && h.Hint() != "" {
		fmt.Fprintln(w, "huller: hint: "+safetext.Terminal(h.Hint()))
	}
}

// note prints a note on stderr: something to know about the result (the
// framework's defaults in use), not a problem with the input.
func (s *streams) note(format string, args ...any) {
	fmt.Fprintln(s.Err, "huller: note: "+safetext.Terminal(fmt.Sprintf(format, args...)))
}

// warn prints a warning on stderr, with what came from the input made
// safe for the terminal.
func (s *streams) warn(format string, args ...any) {
	fmt.Fprintln(s.Err, "huller: warning: "+safetext.Terminal(fmt.Sprintf(format, args...)))
}

func newRootCmd(s *streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "huller",
		Short: "Find the holes in a team's competences",
		Long: `huller scores a team roster against a competence framework — basis
competences at the level each role requires, and specialist profiles — and
shows where the team's holes ("huller") are and how to fill them.

Frameworks are YAML files; five are built in (see 'huller frameworks').`,
		Example: `  huller analyze --example
  huller template -o team.xlsx
  huller analyze team.xlsx -o huller-report.xlsx
  huller frameworks show fagligheder-fase3 --lang en
  huller validate --strict my-framework.yaml`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(
		newAnalyzeCmd(s),
		newDiffCmd(s),
		newPlanCmd(s),
		newRiskCmd(s),
		newTemplateCmd(s),
		newVersionCmd(s),
		newCompletionCmd(s),
		newValidateCmd(s),
		newFrameworksCmd(s),
		newSchemaCmd(s),
		newDocsCmd(s),
		newInspectCmd(s),
	)
	return root
}

// args wraps a cobra argument validator so that its errors are usage errors.
func args(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		if err := v(cmd, a); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// flagError turns a flag parsing error into a usage error; a bad value of
// one of huller's own flags reads "--format "xml" is not one of: …" rather
// than pflag's "invalid argument … for … flag: …".
func flagError(_ *cobra.Command, err error) error {
	var iv *pflag.InvalidValueError
	if errors.As(err, &iv) {
		switch iv.GetFlag().Value.(type) {
		case *enumValue, *audienceValue, *intValue, *floatValue, *langValue, *ageValue:
			return usageError{fmt.Errorf("--%s %s", iv.GetFlag().Name, iv.Unwrap())}
		}
	}
	return usageError{err}
}
