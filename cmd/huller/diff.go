package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/outfile"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/render"
	"github.com/huller/huller/pkg/roster"
	"github.com/huller/huller/pkg/workbook"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	before, after   string // as given: FILE or FILE#SHEET
	example         bool
	framework       string
	frameworkDirs   []string
	oldFramework    string
	sheet           string
	requirements    string
	oldRequirements string
	ignoreUnknown   bool
	allowDisjoint   bool
	format          string
	lang            string
	output          string
	limit           int
	specialists     int
	failOn          string
	plan            string // a plan made from OLD (huller plan --format json)
	settings        analysis.Settings
	share           shareOptions
	changed         func(flag string) bool // nil: no flag was changed
	s               *streams
}

func newDiffCmd(s *streams) *cobra.Command {
	opts := &diffOptions{s: s, settings: analysis.DefaultSettings()}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Compare two mappings of a team: what changed, and why",
		Long: `Compare two rosters of the same unit — last year's mapping and this year's,
or the mapping before and after a round of training — and show what changed:
the unit's figures and holes before and after, the holes that opened, closed,
persisted or changed kind, and for each person who left, joined or stayed,
the levels that went up or down, assessments removed, gap sums, profiles
gained or lost, role and team changes.

Real change is kept apart from what only looks like change: the way from
OLD to NEW is taken in steps (those who left, the changes of those who
stayed, the levels a different assessor gave, those who joined, new
requirements or framework), each analysed, and every hole that opened or
closed is put down to its step. Differences in requirements or framework
are shown first. With the roster columns assessor and assessed, a level a
different assessor gave is marked (rater drift), and a person not assessed
again (the same date) is told apart from one reassessed.

--plan PLAN.json (the JSON 'huller plan OLD --format json' wrote) shows
first which planned development happened: each need's level in NEW against
its goal, by route, by activity (joint activity, colleague, course run) and
by person. A level not assessed again does not count as development.

OLD and NEW are rosters in any format huller reads (- for standard input,
for one of them); FILE#SHEET names a sheet of a workbook, so that
team.xlsx#2025 team.xlsx#2026 compares two sheets of one workbook. Persons
are matched by id, else by name (case and spacing ignored).

--pseudonymise shows persons (and assessors) by pseudonyms made with a key
(--key-file or HULLER_KEY), as 'huller analyze' does: a person has one
pseudonym in OLD, NEW and the plan, which --plan takes as 'huller plan'
wrote it with names. --pseudonymise-map writes who is who to a file kept
apart from the output. diff makes no aggregate report for a committee and
no person's own view: it compares persons, and the figures of one mapping
less those of the other give away who changed; the committee's report of a
mapping is 'huller analyze --for committee'.

Exit status: 0 when the comparison ran; 1 for invalid input (two rosters on
different frameworks, no person in common without --allow-disjoint); 2 for
wrong usage; 3 when --fail-on regressions found a hole that opened or got
more severe.`,
		Example: `  huller diff --example
  huller diff mapping-2025.xlsx mapping-2026.xlsx
  huller diff team.xlsx#2025 team.xlsx#2026 -o changes.xlsx
  huller diff old.csv new.csv --format json > diff.json
  huller plan old.csv --catalog kursuskatalog.yaml --format json > plan.json
  huller diff old.csv new.csv --plan plan.json   # did the planned development happen?
  huller diff old.csv new.csv --plan plan.json --pseudonymise --key-file ~/huller.key -o changes.xlsx
  huller diff old.csv new.csv --old-requirements krav-2025.csv --requirements krav-2026.csv
  huller diff last.xlsx now.xlsx --format markdown --fail-on regressions   # scheduled`,
		Args: args(cobra.MaximumNArgs(2)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if len(a) > 0 {
				opts.before = a[0]
			}
			if len(a) > 1 {
				opts.after = a[1]
			}
			if !cmd.Flags().Changed("limit") {
				opts.limit = -1
			}
			if cmd.Flags().Changed("min-specialists") {
				opts.settings.MinSpecialists = opts.specialists
			}
			opts.changed = cmd.Flags().Changed
			return runDiff(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.example, "example", false, "compare the built-in example's two mappings a year apart (Jobcenter Nordby)")
	f.StringVarP(&opts.framework, "framework", "f", "", "framework: a built-in id or a YAML file (default: recorded in the workbook, else fagligheder-fase3)")
	frameworkDirFlag(cmd, &opts.frameworkDirs)
	f.StringVar(&opts.oldFramework, "old-framework", "", "the framework OLD was measured against, when it was edited since (default: as NEW)")
	f.StringVar(&opts.sheet, "sheet", "", "workbook sheet to read in both (FILE#SHEET for one)")
	f.StringVar(&opts.requirements, "requirements", "", "file with required levels per role (CSV, xlsx or YAML), for both")
	f.StringVar(&opts.oldRequirements, "old-requirements", "", "file with the required levels OLD was measured against, when they changed since")
	f.BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "warn about columns naming no competence instead of failing")
	f.BoolVar(&opts.allowDisjoint, "allow-disjoint", false, "compare rosters with no person in common")
	enumFlag(cmd, &opts.format, "format", "", "table", render.Formats(), "output format")
	langFlag(cmd, &opts.lang, "", "language of labels and framework texts (default: the framework's)")
	f.StringVarP(&opts.output, "output", "o", "", "also write the changes as an Excel workbook to this .xlsx file")
	intFlag(cmd, &opts.limit, "limit", 0, maxRows, "rows of holes and persons shown per table in table and markdown; 0 for all (default: 50 on a terminal, all otherwise)")
	floatFlag(cmd, &opts.settings.Coverage, "coverage", 0, 1, "team coverage below which a basic competence is a hole (0–1)")
	intFlag(cmd, &opts.specialists, "min-specialists", 0, maxSpecialists, "persons who should fit each profile (default: each profile's own, else 2)")
	intFlag(cmd, &opts.settings.Target, "target", 0, maxLevel, "target level for every competence (default: the framework's)")
	floatFlag(cmd, &opts.settings.Fit, "fit", 0, 1, "share of a profile's competences at the target needed to fit it (0–1; default: the framework's)")
	enumFlag(cmd, &opts.failOn, "fail-on", "", "", []string{"regressions"}, "exit 3 when a hole opened or got more severe")
	f.StringVar(&opts.plan, "plan", "", "a plan made from OLD (the JSON of huller plan --format json): show first which planned development happened")
	opts.share.addFlags(cmd, shareFeatures{Why: diffNoAggregate})
	_ = cmd.RegisterFlagCompletionFunc("framework", completeFrameworks)
	_ = cmd.RegisterFlagCompletionFunc("old-framework", completeFrameworks)
	return cmd
}

// diffNoAggregate says why huller diff offers no --for committee or
// person.
const diffNoAggregate = "diff makes no aggregate report and no person's own view: it compares persons, " +
	"and the figures of one mapping less those of the other give away who changed; " +
	"the committee's report of a mapping is 'huller analyze --for committee'"

// side is one roster of a comparison as the user named it.
type diffSide struct {
	path, sheet string
	src         roster.Source
}

// splitSheet splits FILE#SHEET: an existing file is taken whole (a name
// may hold #); else the part before the last # must be an existing file.
func splitSheet(arg string) (path, sheet string) {
	if arg == "-" {
		return arg, ""
	}
	if _, err := os.Stat(arg); err == nil {
		return arg, ""
	}
	if i := strings.LastIndex(arg, "#"); i > 0 && i < len(arg)-1 {
		if _, err := os.Stat(arg[:i]); err == nil {
			return arg[:i], arg[i+1:]
		}
	}
	return arg, ""
}

func (opts *diffOptions) check() error {
	switch {
	case opts.example && opts.before != "":
		return usageError{errors.New("give either two rosters or --example, not both")}
	case !opts.example && opts.after == "":
		return usageError{errors.New("give two rosters to compare, OLD and NEW (xlsx or CSV; FILE#SHEET for a sheet of a workbook), or use --example")}
	case opts.before == "-" && opts.after == "-":
		return usageError{errors.New("only one of the two rosters can come from standard input")}
	}
	b, _ := splitSheet(opts.before)
	a, _ := splitSheet(opts.after)
	inputs := []string{b, a, opts.requirements, opts.oldRequirements, opts.framework, opts.oldFramework, opts.plan}
	if opts.output != "" {
		if !strings.EqualFold(filepath.Ext(opts.output), ".xlsx") {
			return usageError{fmt.Errorf("--output %s: the changes are an Excel workbook; give a file name ending in .xlsx", opts.output)}
		}
		if err := outfile.Check(opts.output, inputs...); err != nil {
			return err
		}
	}
	return opts.share.check(func(name string) bool { return opts.changed != nil && opts.changed(name) }, opts.s, "", opts.output, inputs...)
}

func runDiff(opts *diffOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	warnLang(opts.s, opts.lang)
	sides := [2]diffSide{}
	for i, arg := range []string{opts.before, opts.after} {
		path, sheet := splitSheet(arg)
		if sheet == "" {
			sheet = opts.sheet
		}
		sides[i] = diffSide{path: path, sheet: sheet, src: roster.FileSource(path, opts.s.In)}
	}
	if opts.example {
		sides[0] = diffSide{src: roster.Source{Name: examples.Mapping2026Name, R: bytes.NewReader(examples.Mapping2026)}}
		sides[1] = diffSide{src: roster.Source{Name: examples.Mapping2027Name, R: bytes.NewReader(examples.Mapping2027)}}
	}
	fws, err := diffFrameworks(opts, sides)
	if err != nil {
		return err
	}
	var in [2]diff.Input
	for i := range sides {
		if in[i], err = readSideRequirements(opts, fws[i], i == 0); err != nil {
			return err
		}
	}
	plan, err := readPlan(opts.plan)
	if err != nil {
		return err
	}
	pseudonymous := pseudonymousPlan(plan) && plan.Framework == fws[0].ID // before its persons get this run's pseudonyms
	ins := make([]rosterInput, len(sides))
	for i, sd := range sides {
		ins[i] = rosterInput{src: sd.src, fw: fws[i], opts: roster.Options{Sheet: sd.sheet, IgnoreUnknown: opts.ignoreUnknown,
			ExtraRoles: roleIDs(in[i].Settings.FileRequirements)}}
	}
	rs, err := opts.share.readRostersWith(opts.s, ins, func(rs []*roster.Roster) []*roster.Roster { return samePersons(rs, plan) })
	if err != nil {
		return err
	}
	in[0].Roster, in[1].Roster = rs[0], rs[1]
	pseudonymisePlan(&opts.share, plan)
	if err := opts.settings.Validate(fws[1]); err != nil {
		return usageError{err}
	}
	res, err := diff.Compare(in[0], in[1], diff.Options{AllowDisjoint: opts.allowDisjoint, Plan: plan})
	switch {
	case errors.Is(err, diff.ErrDisjoint):
		return withHint(err, "check that OLD and NEW are mappings of the same unit; --allow-disjoint compares them anyway")
	case errors.Is(err, diff.ErrFrameworks):
		return withHint(err, "give --framework to read both against one framework (and --old-framework for the version OLD was measured against)")
	case errors.Is(err, diff.ErrPlanMismatch) && pseudonymous:
		return withHint(err, "the plan shows its persons by pseudonyms: follow up the plan made with names (huller plan OLD --catalog FILE --format json > plan.json), and add --pseudonymise to show them by pseudonyms here")
	case errors.Is(err, diff.ErrPlanMismatch):
		return withHint(err, "follow up the plan made from OLD with the same framework: huller plan OLD --catalog FILE --format json > plan.json")
	case err != nil:
		return err
	}
	for _, w := range append(append(res.Before.Warnings, res.After.Warnings...), res.Warnings...) {
		opts.s.warn("%s", w)
	}
	lang := opts.lang
	if lang == "" {
		lang = fws[1].Language
	}
	if err := writeDiffReport(opts, res, lang); err != nil {
		return err
	}
	limit := opts.limit
	if limit < 0 {
		limit = 0
		if opts.s.OutTTY {
			limit = terminalRows
		}
	}
	ro := render.Options{Lang: lang, Width: terminalWidth(opts.s), Color: colorEnabled(opts.s), Limit: limit,
		Audience: opts.share.audience, Pseudonyms: opts.share.pseudonyms()}
	if err := render.RenderDiff(opts.s.Out, opts.format, res, ro); err != nil {
		return err
	}
	if opts.failOn == "regressions" && res.HasRegressions() {
		return exitCodeError{exitFindings, "--fail-on regressions: a hole opened or got more severe"}
	}
	return nil
}

// readPlan reads --plan; nil when not given.
func readPlan(path string) (*diff.SavedPlan, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, withHint(fmt.Errorf("--plan %s: no such file", path), "write it first: huller plan OLD --catalog FILE --format json > %s", path)
		}
		return nil, fmt.Errorf("--plan %s: cannot read: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("--plan %s: is a folder, not a file", path)
	}
	return diff.ReadPlan(path, f)
}

// unwrapPathError drops the path an *os.PathError repeats.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// diffFrameworks loads the framework of each side: --framework (OLD:
// --old-framework first), else the one recorded in the workbook, else the
// default. The same reference is loaded once.
func diffFrameworks(opts *diffOptions, sides [2]diffSide) ([2]*framework.Framework, error) {
	var refs [2]string
	for i, sd := range sides {
		ref := opts.framework
		if i == 0 && opts.oldFramework != "" {
			ref = opts.oldFramework
		}
		if ref == "" && !opts.example && sd.path != "-" {
			rec, err := roster.RecordedFramework(sd.path)
			if err != nil {
				return [2]*framework.Framework{}, err
			}
			ref = rec.ID
			if rec.File != "" {
				if _, err := os.Stat(rec.File); err == nil || rec.ID == "" {
					ref = rec.File
				}
			}
		}
		if ref == "" {
			ref = frameworks.Default
		}
		refs[i] = ref
	}
	var out [2]*framework.Framework
	for i, ref := range refs {
		if i == 1 && ref == refs[0] {
			out[1] = out[0]
			break
		}
		fw, err := loadFramework(ref, opts.frameworkDirs)
		if err != nil {
			return out, err
		}
		out[i] = fw
	}
	return out, nil
}

// readSideRequirements reads the requirements file of one side: the
// settings to analyse its roster with.
func readSideRequirements(opts *diffOptions, fw *framework.Framework, old bool) (diff.Input, error) {
	in := diff.Input{Framework: fw, Settings: opts.settings}
	reqs := opts.requirements
	if old && opts.oldRequirements != "" {
		reqs = opts.oldRequirements
	}
	if reqs != "" {
		r, warns, err := roster.ReadRequirements(roster.FileSource(reqs, opts.s.In), fw, roster.Options{})
		if err != nil {
			return in, err
		}
		for _, w := range warns {
			opts.s.warn("%s", w)
		}
		in.Settings.FileRequirements, in.Settings.RequirementsFile = r, reqs
	}
	return in, nil
}

// samePersons prepares the two rosters, and the persons of a plan (nil
// for none), to be pseudonymised together: a person Compare will match by
// name, who has an id on one side only, gets that id on the other too; a
// person of the plan Compare will find in OLD gets the name and id they
// have there. So a person gets one pseudonym in both rosters and the
// plan, and the pseudonymised rosters and plan match as the named ones
// do. It returns the plan's persons as a roster named as the plan file,
// to be pseudonymised with the rosters (pseudonymisePlan then gives the
// plan its pseudonyms).
func samePersons(rs []*roster.Roster, plan *diff.SavedPlan) []*roster.Roster {
	old, now := rs[0].Persons, rs[1].Persons
	links := diff.NameMatches(idents(old), idents(now))
	var found [][2]int
	if plan != nil {
		pi := make([]diff.Ident, len(plan.Persons))
		for q, pp := range plan.Persons {
			pi[q] = diff.Ident(pp)
		}
		found = diff.NameMatches(idents(old), pi)
	}
	for _, l := range links {
		b, a := &old[l[0]], &now[l[1]]
		if b.ID == "" {
			b.ID = a.ID
		} else {
			a.ID = b.ID
		}
	}
	if plan == nil {
		return nil
	}
	for _, f := range found {
		plan.Persons[f[1]] = diff.PlanPerson{Name: old[f[0]].Name, ID: old[f[0]].ID}
	}
	pr := &roster.Roster{Source: plan.File, Persons: make([]roster.Person, len(plan.Persons))}
	for q, pp := range plan.Persons {
		pr.Persons[q] = roster.Person{Name: pp.Name, ID: pp.ID}
	}
	return []*roster.Roster{pr}
}

// idents are the names and ids of persons.
func idents(ps []roster.Person) []diff.Ident {
	out := make([]diff.Ident, len(ps))
	for i, p := range ps {
		out[i] = diff.Ident{Name: p.Name, ID: p.ID}
	}
	return out
}

// pseudonymisePlan replaces the persons of the plan by the pseudonyms
// they got with the rosters (samePersons).
func pseudonymisePlan(o *shareOptions, plan *diff.SavedPlan) {
	if plan == nil || !o.pseudonymised() {
		return
	}
	of := map[diff.PlanPerson]string{}
	for _, e := range o.mapping {
		if e.Roster == plan.File {
			of[diff.PlanPerson{Name: e.Name, ID: e.ID}] = e.Pseudonym
		}
	}
	for q, pp := range plan.Persons {
		p := of[pp]
		plan.Persons[q] = diff.PlanPerson{Name: p, ID: p}
	}
}

// pseudonymousPlan reports whether a plan shows its persons by
// pseudonyms: it was made with --pseudonymise.
func pseudonymousPlan(plan *diff.SavedPlan) bool {
	if plan == nil || len(plan.Persons) == 0 {
		return false
	}
	for _, pp := range plan.Persons {
		if pp.Name != pp.ID || !privacy.IsPseudonym(pp.Name) {
			return false
		}
	}
	return true
}

// writeDiffReport writes the workbook of the changes when --output is
// given.
func writeDiffReport(opts *diffOptions, res *diff.Result, lang string) error {
	out := opts.output
	if out == "" {
		return nil
	}
	wo, err := newWorkbookOptions(opts.s, lang, &opts.share)
	if err != nil {
		return err
	}
	return writeBook(opts.s, out, "the workbook", func(w io.Writer) error { return workbook.WriteDiff(w, res, wo) },
		fmt.Sprintf("%d %s before, %d after", len(res.Before.People), plural(len(res.Before.People), "person", "persons"), len(res.After.People)))
}
