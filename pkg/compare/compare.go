// Package compare sets several units (job centres, departments) side by
// side: each roster analysed on its own, against its own required levels,
// and the comparison of their figures — coverage per competence, holes by
// priority, profiles with enough specialists, and which required levels
// each unit used. Units are ordered by name, never by a figure: the
// comparison is for learning across units, not a league table. With a
// minimum cell size it is built from aggregate reports and shows no figure
// of fewer persons (privacy.Report).
//
// The package is pure: it reads and writes nothing.
package compare

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
)

// Unit is one roster analysed on its own.
type Unit struct {
	// Name names the unit in the comparison; File is the roster file.
	Name, File string
	// Report holds the unit's figures: an aggregate report (with a
	// minimum of 1 it suppresses nothing: a leader's comparison).
	Report *privacy.Report
	// Holes are the leader's holes of the unit (single points included);
	// nil in an aggregate comparison, where the report's holes count.
	Holes []analysis.Hole
	// Requirements say where each role's required levels came from.
	Requirements []RoleSource
}

// Where a role's required levels came from.
const (
	FromSheet     = "sheet"     // the roster workbook's Requirements sheet
	FromFile      = "file"      // --requirements
	FromFramework = "framework" // the framework's role, else its default
)

// RoleSource says where a role's required levels came from.
type RoleSource struct {
	Role string // the role id ("" for persons without a role)
	From string // FromSheet, FromFile or FromFramework
}

// RequirementsOf returns where the required levels of each role of res
// came from (the precedence of analysis: sheet, then file, then
// framework): the framework's roles in its order, then other roles by id,
// no role last.
func RequirementsOf(res *analysis.Result) []RoleSource {
	out := make([]RoleSource, 0, len(res.Roles))
	for _, r := range res.Roles {
		src := RoleSource{Role: r.ID, From: FromFramework}
		if _, ok := res.Settings.FileRequirements[r.ID]; ok {
			src.From = FromFile
		}
		if res.Roster != nil {
			if _, ok := res.Roster.Requirements[r.ID]; ok {
				src.From = FromSheet
			}
		}
		out = append(out, src)
	}
	place := func(id string) (int, string) {
		if id == "" {
			return len(res.Framework.Roles) + 1, ""
		}
		for i, r := range res.Framework.Roles {
			if r.ID == id {
				return i, ""
			}
		}
		return len(res.Framework.Roles), id
	}
	slices.SortFunc(out, func(a, b RoleSource) int {
		pa, ia := place(a.Role)
		pb, ib := place(b.Role)
		return cmp.Or(cmp.Compare(pa, pb), cmp.Compare(ia, ib))
	})
	return out
}

// Comparison is the units side by side.
type Comparison struct {
	Framework *framework.Framework
	// Settings are the analysis settings (the same for every unit).
	Settings analysis.Settings
	// Min is the least number of persons a figure is shown for; 0 when
	// nothing is suppressed.
	Min int
	// Units are in name order.
	Units []Row
}

// Row is one unit's figures.
type Row struct {
	Name, File string
	// Small reports that the unit has fewer than Min persons: no figure
	// and no hole of it is shown.
	Small bool
	// Persons counts the unit's persons; Basis is its basis coverage over
	// every person and requirement; Coverage is its coverage of each basis
	// competence (indexed like Framework.BasisLeaves).
	Persons, Basis privacy.Figure
	Coverage       []privacy.Figure
	// Tiers counts the unit's holes by tier (indexed by analysis.Tier).
	Tiers [5]int
	// Holes are the unit's holes, ranked.
	Holes []Hole
	// Covered counts the profiles at least max(1, specialists) persons
	// fit, of Profiles.
	Covered, Profiles int
	// Requirements say where each role's required levels came from.
	Requirements []RoleSource
	// Warnings counts the unit's warnings (roster and analysis).
	Warnings int
}

// Hole is a hole of a unit: what and how important, no figure.
type Hole struct {
	Tier analysis.Tier
	Kind string // the kind's machine name (analysis or privacy kinds)
	Node *framework.Node
}

// Compare sets units side by side, in name order (case ignored, then
// exact). Two units of one name are an error. min is the minimum cell
// size of an aggregate comparison, 0 for a leader's.
func Compare(fw *framework.Framework, units []Unit, min int) (*Comparison, error) {
	c := &Comparison{Framework: fw, Min: min}
	seen := map[string]string{}
	for _, u := range units {
		if prev, ok := seen[u.Name]; ok {
			return nil, fmt.Errorf("%s and %s are both named unit %q: name the units with --unit-name, or rename a file", prev, u.File, u.Name)
		}
		seen[u.Name] = u.File
		c.Units = append(c.Units, row(fw, u))
	}
	if len(units) > 0 {
		c.Settings = units[0].Report.Settings
	}
	slices.SortStableFunc(c.Units, func(a, b Row) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Name, b.Name))
	})
	return c, nil
}

// row returns a unit's row.
func row(fw *framework.Framework, u Unit) Row {
	rep := u.Report
	ur := &rep.Unit
	r := Row{Name: u.Name, File: u.File, Small: ur.Small, Persons: ur.Persons, Basis: ur.Basis,
		Requirements: u.Requirements, Warnings: rep.Warnings, Profiles: len(fw.Profiles)}
	for l := range fw.BasisLeaves {
		r.Coverage = append(r.Coverage, ur.Leaves[l].Coverage)
	}
	if ur.Small {
		return r
	}
	for _, p := range ur.Profiles {
		if p.Covered() {
			r.Covered++
		}
	}
	if u.Holes != nil {
		for _, h := range u.Holes {
			r.Holes = append(r.Holes, Hole{Tier: h.Tier, Kind: h.Kind.String(), Node: h.Node})
		}
	} else {
		for _, h := range ur.Holes {
			r.Holes = append(r.Holes, Hole{Tier: h.Tier, Kind: h.Kind.String(), Node: h.Node})
		}
	}
	for _, h := range r.Holes {
		r.Tiers[h.Tier]++
	}
	return r
}

// UnitName returns a unit's name from its roster file: with pattern, the
// first group it captures in the file's base name (its whole match when it
// has no group); else the base name without its extension
// ("nordby-roster" for data/nordby-roster.xlsx).
func UnitName(file string, pattern *regexp.Regexp) (string, error) {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	if pattern == nil {
		if i := strings.LastIndex(base, "."); i > 0 {
			base = base[:i]
		}
		return base, nil
	}
	m := pattern.FindStringSubmatch(base)
	switch {
	case m == nil:
		return "", fmt.Errorf("%s: --unit-name %q does not match the file name %q", file, pattern, base)
	case len(m) > 1 && m[1] != "":
		return m[1], nil
	case len(m) > 1:
		return "", fmt.Errorf("%s: --unit-name %q captures nothing in the file name %q", file, pattern, base)
	}
	return m[0], nil
}

// RequirementsText says where a unit's required levels came from, in l:
// "Requirements sheet: a, b; framework: c".
func RequirementsText(l lang.Lang, rs []RoleSource) string {
	by := map[string][]string{}
	for _, r := range rs {
		id := r.Role
		if id == "" {
			id = l.T(lang.NoRoleName)
		}
		by[r.From] = append(by[r.From], id)
	}
	var parts []string
	for _, k := range []struct {
		from string
		term lang.Term
	}{{FromSheet, lang.ReqSheet}, {FromFile, lang.ReqFile}, {FromFramework, lang.ReqFramework}} {
		if ids := by[k.from]; len(ids) > 0 {
			parts = append(parts, l.F(k.term, strings.Join(ids, ", ")))
		}
	}
	return strings.Join(parts, "; ")
}

// RequirementsSummary says in a few words where a unit's required levels
// came from: "Requirements sheet (3 roles), framework (2 roles)".
func RequirementsSummary(l lang.Lang, rs []RoleSource) string {
	n := map[string]int{}
	for _, r := range rs {
		n[r.From]++
	}
	var parts []string
	for _, k := range []struct {
		from string
		term lang.Term
	}{{FromSheet, lang.ReqSheetN}, {FromFile, lang.ReqFileN}, {FromFramework, lang.ReqFrameworkN}} {
		if n[k.from] > 0 {
			parts = append(parts, l.F(k.term, l.Count(lang.RoleNoun, n[k.from])))
		}
	}
	return strings.Join(parts, ", ")
}
