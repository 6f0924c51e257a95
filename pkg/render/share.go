package render

import (
	"path"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/lang"
)

// The audiences a report can be made for (Options.Audience).
const (
	AudienceLeader    = "leader"
	AudienceCommittee = "committee"
	AudiencePerson    = "person"
)

// The ways persons can be shown (Options.Pseudonyms).
const (
	PseudonymsKeyed    = "keyed"
	PseudonymsNumbered = "numbered"
)

// audience returns who the output is for, the leader by default.
func audience(o Options) string {
	if o.Audience == "" {
		return AudienceLeader
	}
	return o.Audience
}

// mode returns how persons appear in a leader's or person's output:
// "named" or "pseudonymised".
func mode(o Options) string {
	if o.Pseudonyms == "" {
		return "named"
	}
	return "pseudonymised"
}

// tiersOf returns the tiers' machine names, most important first.
func tiersOf() []string {
	var out []string
	for _, t := range analysis.Tiers {
		out = append(out, t.String())
	}
	return out
}

// unitName returns the name of a unit read from file: the file's base
// name without its extension ("nordby" for ../data/nordby.xlsx).
func unitName(file string) string {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	if i := strings.LastIndex(base, "."); i > 0 {
		base = base[:i]
	}
	return base
}

// pseudonymsNote says how the persons of a pseudonymised output were
// named; "" when they are named by name.
func pseudonymsNote(l lang.Lang, o Options) string {
	switch o.Pseudonyms {
	case PseudonymsKeyed:
		return l.T(lang.PseudonymsKeyed)
	case PseudonymsNumbered:
		return l.T(lang.PseudonymsNumbered)
	}
	return ""
}

// pseudonymsTables returns the note that says how the persons of a
// pseudonymised output were named, as a table to put first; none when
// they are named by name.
func pseudonymsTables(l lang.Lang, o Options) []table {
	if note := pseudonymsNote(l, o); note != "" {
		return []table{{notes: []string{note}}}
	}
	return nil
}
