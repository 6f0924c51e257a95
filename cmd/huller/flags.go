package main

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/lang"
	"github.com/spf13/cobra"
)

// enumValue is a string flag that takes one of a fixed list of values.
// Declared once with enumFlag, it gets its usage text, its check (a bad
// value is a usage error, exit 2, when the flag is parsed) and its shell
// completion from the same list.
type enumValue struct {
	p       *string
	allowed []string
}

func (e *enumValue) String() string { return *e.p }
func (e *enumValue) Type() string   { return "string" }

func (e *enumValue) Set(s string) error {
	if !slices.Contains(e.allowed, s) {
		return fmt.Errorf("%q is not one of: %s", s, strings.Join(e.allowed, ", "))
	}
	*e.p = s
	return nil
}

// enumFlag declares --name (with an optional one-letter shorthand) taking
// one of allowed, with default def ("" when the default is decided later;
// usage should then say what it is).
func enumFlag(cmd *cobra.Command, p *string, name, short, def string, allowed []string, usage string) {
	*p = def
	cmd.Flags().VarP(&enumValue{p, allowed}, name, short, usage+": "+strings.Join(allowed, ", "))
	_ = cmd.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return allowed, cobra.ShellCompDirectiveNoFileComp
	})
}

// Ranges of the numeric flags: beyond them a value is a mistake, not a
// setting (a scale has a few levels; a unit a few thousand persons).
const (
	maxRows        = 100_000_000 // --limit
	maxSpecialists = 10_000      // --min-specialists
	maxLevel       = 100         // --target, before it is checked against the scale
)

// langValue is --lang: one of huller's languages, or another language code
// (a framework may be written in Italian or French), for which huller's own
// texts are English.
type langValue struct{ p *string }

var langCode = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func (v *langValue) String() string { return *v.p }
func (v *langValue) Type() string   { return "string" }

func (v *langValue) Set(s string) error {
	if !langCode.MatchString(s) {
		return fmt.Errorf("%q is not a language code such as %s", s, strings.Join(lang.Languages, ", "))
	}
	*v.p = s
	return nil
}

// langFlag declares --lang with default def ("" for the framework's
// language, which usage should say).
func langFlag(cmd *cobra.Command, p *string, def, usage string) {
	*p = def
	cmd.Flags().Var(&langValue{p}, "lang", usage+": "+strings.Join(lang.Languages, ", ")+
		" (another code gives the framework's texts in that language where it has them, and huller's in English)")
	_ = cmd.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return lang.Languages, cobra.ShellCompDirectiveNoFileComp
	})
}

// warnLang warns once when huller has no texts of its own in code.
func warnLang(s *streams, code string) {
	if code != "" && lang.Check(code) != nil {
		s.warn("huller's own texts are not written in %q; they are in English (framework texts follow --lang where the framework has them)", code)
	}
}

// intValue is an int flag with a range; a value outside it is a usage
// error when the flag is parsed.
type intValue struct {
	p      *int
	lo, hi int
}

func (v *intValue) String() string { return strconv.Itoa(*v.p) }
func (v *intValue) Type() string   { return "int" }

func (v *intValue) Set(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < v.lo || n > v.hi {
		return fmt.Errorf("%q is not a whole number from %d to %d", s, v.lo, v.hi)
	}
	*v.p = n
	return nil
}

// intFlag declares --name, an int from lo to hi with default *p.
func intFlag(cmd *cobra.Command, p *int, name string, lo, hi int, usage string) {
	cmd.Flags().Var(&intValue{p, lo, hi}, name, usage)
}

// floatValue is a float flag with a range [lo, hi].
type floatValue struct {
	p      *float64
	lo, hi float64
}

func (v *floatValue) String() string { return strconv.FormatFloat(*v.p, 'g', -1, 64) }
func (v *floatValue) Type() string   { return "float" }

func (v *floatValue) Set(s string) error {
	x, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	if err != nil || math.IsNaN(x) || x < v.lo || x > v.hi {
		return fmt.Errorf("%q is not a number from %g to %g", s, v.lo, v.hi)
	}
	*v.p = x
	return nil
}

// floatFlag declares --name, a number from lo to hi with default *p; a
// decimal comma is accepted (0,8).
func floatFlag(cmd *cobra.Command, p *float64, name string, lo, hi float64, usage string) {
	cmd.Flags().Var(&floatValue{p, lo, hi}, name, usage)
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
