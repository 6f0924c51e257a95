package main

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/narrate"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/render"
	"github.com/huller/huller/pkg/risk"
	"github.com/huller/huller/pkg/roster"
	"github.com/spf13/cobra"
)

// terminalRows is how many holes and people a terminal shows by default:
// a large roster's full tables belong in a file (--format csv, -o).
const terminalRows = 50

type analyzeOptions struct {
	roster        string
	rosters       []string // several rosters, or a folder: units side by side
	example       bool
	exampleUnits  bool
	unitName      string
	framework     string
	frameworkDirs []string
	sheet         string
	requirements  string
	ignoreUnknown bool
	format        string
	lang          string
	output        string
	limit         int
	specialists   int
	failOn        string
	without       []string
	catalog       string // prices the report's Risk sheet
	rosterLabel   string // the roster as the report names it ("" for its file)
	stale         age
	settings      analysis.Settings
	share         shareOptions
	changed       func(flag string) bool // nil: no flag was changed
	s             *streams
}

func newAnalyzeCmd(s *streams) *cobra.Command {
	opts := &analyzeOptions{s: s, settings: analysis.DefaultSettings()}
	cmd := &cobra.Command{
		Use:   "analyze ROSTER...",
		Short: "Score a team roster and find the team's holes",
		Long: `Score every person of a roster (xlsx, or CSV; - reads CSV from standard
input) against a competence framework: basic competences at the level each
role requires, and the specialist profiles. Then list the unit's holes by
priority: what it cannot deliver (a profile none of those expected to hold it
fits, a basic competence covered below the threshold), what depends on too
few (too few specialists, a competence only one person holds), what nobody
was assessed on, and profiles still developing. --by-team and --by-role show
the same per team and role; --person shows one person's own view for a
development talk.

Several rosters (or a folder: every .xlsx and .csv in it) are units side by
side on one framework: each is analysed on its own, against its own required
levels (a workbook's own Requirements sheet), and compared — coverage per
competence, holes by priority, profiles with enough specialists — in name
order, not ranked. Units are named by file, or by the first group that
--unit-name captures in the file name.

Who the output is for: --for leader (everything), --for committee (an
aggregate report: no persons, and no figure about fewer than --min-cell
persons), --for person (one person's own view, with --person).
--pseudonymise shows persons by pseudonyms made with a key (--key-file or
HULLER_KEY), the same in every report made with that key;
--pseudonymise-map writes who is who to a file kept apart from the report.

The framework is --framework, else the one recorded in a workbook made by
'huller template', else fagligheder-fase3. --example analyses the built-in
example roster of a fictional job centre.

--without NAME[,NAME...] analyses the unit without those persons (names or
ids: a known retirement, a leave, a team moving away) and compares it with
the whole unit: the findings opened or worsened, the competences no one
holds any more, the coverage lost; -o writes the report of the unit
without them.

--catalog FILE (with -o) prices, on the report's Risk sheet, the
development of current staff instead of a hire, as 'huller risk --catalog'
does, and adds a Plan sheet: what 'huller plan' proposes with that catalog
and its default settings, in figures and without names; --example -o uses
the built-in example catalog.

Exit status: 0 when the analysis ran, whatever it found; 1 for invalid input;
2 for wrong usage; 3 when --fail-on holes|gaps matched.`,
		Example: `  huller analyze --example
  huller analyze team.xlsx -o huller-report.xlsx
  huller analyze team.xlsx --for committee -o med-report.xlsx
  huller analyze team.xlsx --pseudonymise --key-file ~/huller.key --pseudonymise-map ~/private/who.csv -o report.xlsx
  huller analyze nordby.csv sydby.xlsx vestby.csv --unit-name '^([a-z]+)'
  huller analyze rosters/ --aggregate -o benchmark.xlsx
  huller analyze export.csv --framework examples/jobcenter-nordby.yaml --lang da
  huller analyze team.xlsx --team Ungeteamet --by-team
  huller analyze team.xlsx --by-role
  huller analyze team.xlsx --person "Mette Holm"
  huller analyze team.xlsx --person "Mette Holm" -o mette-talk.xlsx
  huller analyze team.xlsx --format json > huller.json
  huller analyze team.xlsx --without "Jesper Thorsen",N1034   # a known departure
  huller analyze team.csv --format markdown --fail-on holes   # in CI
  huller analyze team.xlsx --stale 12m   # who was assessed more than a year ago`,
		Args: args(cobra.ArbitraryArgs),
		RunE: func(cmd *cobra.Command, a []string) error {
			if len(a) == 1 {
				opts.roster = a[0]
			}
			opts.rosters = a
			if !cmd.Flags().Changed("limit") {
				opts.limit = -1 // the default depends on where the output goes
			}
			if cmd.Flags().Changed("min-specialists") {
				opts.settings.MinSpecialists = opts.specialists
			}
			opts.changed = cmd.Flags().Changed
			return runAnalyze(opts)
		},
	}
	f := cmd.Flags()
	inputFlags(cmd, opts)
	enumFlag(cmd, &opts.format, "format", "", "table", render.Formats(), "output format")
	f.StringVarP(&opts.output, "output", "o", "", "also write the Excel report to this .xlsx file")
	f.StringVar(&opts.output, "xlsx", "", "same as --output")
	intFlag(cmd, &opts.limit, "limit", 0, maxRows, "rows of holes and people shown in table and markdown; 0 for all (default: 50 on a terminal, all otherwise)")
	f.StringVar(&opts.settings.Person, "person", "", "show only this person's own view (name or id), for a development talk; with -o, a one-person workbook")
	f.BoolVar(&opts.settings.ByTeam, "by-team", false, "also show coverage and holes per team")
	f.BoolVar(&opts.settings.ByRole, "by-role", false, "also show coverage and holes per role")
	enumFlag(cmd, &opts.failOn, "fail-on", "", "", []string{"holes", "gaps"}, "exit 3 when the analysis finds any")
	withoutFlag(cmd, &opts.without, "analyse the unit without these persons (names or ids, separated by commas) and compare it with the whole unit")
	f.StringVar(&opts.catalog, "catalog", "", "with -o: course catalog pricing, on the report's Risk sheet, the development of current staff instead of a hire, and summed up as a plan on a Plan sheet (YAML, xlsx or CSV)")
	f.Var(&ageValue{&opts.stale}, "stale", "warn about and list the persons last assessed longer ago than this (the assessed column): 12m (months), 1y, 6w, 90d")
	f.BoolVar(&opts.exampleUnits, "example-units", false, "compare the three built-in example job centres (Nordby, Sydby, Vestby)")
	f.StringVar(&opts.unitName, "unit-name", "", "with several rosters: a regular expression whose first group, found in a roster's file name, names its unit")
	opts.share.addFlags(cmd, shareFeatures{Person: true, Aggregate: true})
	_ = f.MarkHidden("xlsx")
	return cmd
}

// inputFlags declares the flags that choose and read a roster and set the
// analysis's thresholds, shared by the commands that analyse a roster.
func inputFlags(cmd *cobra.Command, opts *analyzeOptions) {
	f := cmd.Flags()
	f.BoolVar(&opts.example, "example", false, "analyse the built-in example roster (Jobcenter Nordby)")
	f.StringVarP(&opts.framework, "framework", "f", "", "framework: a built-in id or a YAML file (default: recorded in the workbook, else fagligheder-fase3)")
	frameworkDirFlag(cmd, &opts.frameworkDirs)
	f.StringVar(&opts.sheet, "sheet", "", "workbook sheet to read (default: Roster or Medarbejdere, else the first)")
	f.StringVar(&opts.requirements, "requirements", "", "file with required levels per role (CSV, xlsx or YAML)")
	f.BoolVar(&opts.ignoreUnknown, "ignore-unknown", false, "warn about columns naming no competence instead of failing")
	langFlag(cmd, &opts.lang, "", "language of labels and framework texts (default: the framework's)")
	floatFlag(cmd, &opts.settings.Coverage, "coverage", 0, 1, "team coverage below which a basic competence is a hole (0–1)")
	intFlag(cmd, &opts.specialists, "min-specialists", 0, maxSpecialists, "persons who should fit each profile (default: each profile's own, else 2)")
	intFlag(cmd, &opts.settings.Target, "target", 0, maxLevel, "target level for every competence (default: the framework's)")
	floatFlag(cmd, &opts.settings.Fit, "fit", 0, 1, "share of a profile's competences at the target needed to fit it (0–1; default: the framework's)")
	f.StringVar(&opts.settings.Team, "team", "", "analyse only this team")
	_ = cmd.RegisterFlagCompletionFunc("framework", completeFrameworks)
}

// withoutFlag declares --without: names or ids separated by commas (a name
// holding a comma in double quotes), the flag repeatable.
func withoutFlag(cmd *cobra.Command, p *[]string, usage string) {
	cmd.Flags().StringSliceVar(p, "without", nil, usage)
	_ = cmd.RegisterFlagCompletionFunc("without", cobra.NoFileCompletions)
}

func (opts *analyzeOptions) check() error {
	switch {
	case opts.example && opts.exampleUnits:
		return usageError{errors.New("give either --example or --example-units, not both")}
	case opts.example && len(opts.rosters) > 0:
		return usageError{errors.New("give either a roster file or --example, not both")}
	case opts.exampleUnits && len(opts.rosters) > 0:
		return usageError{errors.New("give either roster files or --example-units, not both")}
	case !opts.example && !opts.exampleUnits && len(opts.rosters) == 0:
		return usageError{errors.New("no roster given: name a roster file (xlsx or CSV, - for standard input), or use --example")}
	case len(opts.without) > 0 && opts.settings.Person != "":
		return usageError{errors.New("give either --person (one person's own view) or --without (the unit without some persons), not both")}
	case opts.catalog != "" && (opts.output == "" || opts.settings.Person != ""):
		return usageError{errors.New("--catalog prices the Risk sheet of the report: give -o FILE.xlsx without --person, or use 'huller risk --catalog' in the terminal")}
	}
	if opts.multi() {
		if len(opts.without) > 0 || opts.stale.unit != 0 {
			return usageError{errors.New("--without and --stale are for one roster: several rosters are compared unit by unit")}
		}
		return opts.checkUnits()
	}
	if opts.unitName != "" {
		return usageError{errors.New("--unit-name names the units of several rosters: give more than one roster, or a folder")}
	}
	if err := checkOutput(opts); err != nil {
		return err
	}
	if err := opts.share.check(opts.flagChanged, opts.s, opts.settings.Person, opts.output, opts.roster, opts.requirements, opts.framework); err != nil {
		return err
	}
	switch {
	case opts.share.aggregate && opts.settings.ByTeam && opts.settings.ByRole:
		return usageError{errors.New("an aggregate report shows one breakdown, by team (the default) or --by-role: with both, a team minus a role could single out a few persons")}
	case opts.share.aggregate && len(opts.without) > 0:
		return usageError{errors.New("--without names the persons left out: it does not go with an aggregate report")}
	}
	return nil
}

// flagChanged reports whether the user set a flag.
func (opts *analyzeOptions) flagChanged(name string) bool {
	return opts.changed != nil && opts.changed(name)
}

func runAnalyze(opts *analyzeOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	if opts.multi() {
		warnLang(opts.s, opts.lang)
		return runUnits(opts)
	}
	res, err := readAnalysis(opts)
	if err != nil {
		return err
	}
	if opts.settings.Person == "" {
		noteDefaults(opts.s, res, textFormat(opts.format) && len(opts.without) == 0)
	}
	var sc *risk.Scenario
	if len(opts.without) > 0 {
		if sc, err = scenario(opts, res); err != nil {
			return err
		}
		res = sc.After
	}
	lang := opts.lang
	if lang == "" {
		lang = res.Framework.Language
	}
	ro := opts.renderOptions(lang)
	if opts.share.aggregate {
		return runAggregate(opts, res, ro)
	}
	if err := writeReport(opts, res, lang); err != nil {
		return err
	}
	if sc != nil {
		err = render.Scenario(opts.s.Out, opts.format, sc, ro)
	} else {
		err = render.Render(opts.s.Out, opts.format, res, ro)
	}
	if err != nil {
		return err
	}
	if opts.failOn == "holes" && res.HasHoles() || opts.failOn == "gaps" && res.HasGaps() {
		return exitCodeError{exitFindings, fmt.Sprintf("--fail-on %s: the analysis found %s", opts.failOn, opts.failOn)}
	}
	return nil
}

// scenario analyses the unit of res without the persons --without names
// and compares it with the whole unit.
func scenario(opts *analyzeOptions, res *analysis.Result) (*risk.Scenario, error) {
	without, err := opts.share.persons(opts.without)
	if err != nil {
		return nil, err
	}
	away, err := risk.Match(res, without)
	if err != nil {
		return nil, err
	}
	after, err := analysis.Analyze(res.Framework, risk.RosterWithout(res, away), opts.settings)
	if err != nil {
		return nil, err
	}
	sc := risk.Compare(res, after, away)
	code := opts.lang
	if code == "" {
		code = res.Framework.Language
	}
	l := lang.For(code)
	names := make([]string, len(away))
	for i, p := range away {
		names[i] = narrate.New(res, l, true).Person(p)
	}
	opts.rosterLabel = res.Roster.Source + " " + l.F(lang.ScenarioWithout, strings.Join(names, ", "))
	return sc, nil
}

// readAnalysis reads the framework, the requirements and the roster the
// options name and analyses them, printing the warnings.
func readAnalysis(opts *analyzeOptions) (*analysis.Result, error) {
	warnLang(opts.s, opts.lang)
	src := roster.FileSource(opts.roster, opts.s.In)
	if opts.example {
		src = roster.Source{Name: examples.RosterName, R: bytes.NewReader(examples.Roster)}
	}
	fw, err := chooseFramework(opts)
	if err != nil {
		return nil, err
	}
	if err := opts.settings.Validate(fw); err != nil {
		return nil, usageError{err}
	}
	if err := opts.readRequirements(fw); err != nil {
		return nil, err
	}
	rs, err := opts.share.readRosters(opts.s, fw, opts.rosterOptions(), src)
	if err != nil {
		return nil, err
	}
	ros := rs[0]
	if opts.settings.Person, err = opts.share.person(opts.settings.Person); err != nil {
		return nil, err
	}
	if opts.stale.unit != 0 {
		today, err := reportDate(opts.s.Getenv)
		if err != nil {
			return nil, err
		}
		warnStale(opts.s, ros, opts.stale, today)
	}
	res, err := analysis.Analyze(fw, ros, opts.settings)
	if err != nil {
		return nil, err
	}
	for _, w := range res.Warnings {
		opts.s.warn("%s", w)
	}
	return res, nil
}

// readRequirements reads --requirements into the settings.
func (opts *analyzeOptions) readRequirements(fw *framework.Framework) error {
	if opts.requirements == "" {
		return nil
	}
	reqs, warns, err := roster.ReadRequirements(roster.FileSource(opts.requirements, opts.s.In), fw, roster.Options{})
	if err != nil {
		return err
	}
	for _, w := range warns {
		opts.s.warn("%s", w)
	}
	opts.settings.FileRequirements, opts.settings.RequirementsFile = reqs, opts.requirements
	return nil
}

// rosterOptions are the options of the roster reader.
func (opts *analyzeOptions) rosterOptions() roster.Options {
	return roster.Options{Sheet: opts.sheet, IgnoreUnknown: opts.ignoreUnknown, ExtraRoles: roleIDs(opts.settings.FileRequirements)}
}

// renderOptions are the options of the text outputs in language lang.
func (opts *analyzeOptions) renderOptions(lang string) render.Options {
	limit := opts.limit
	if limit < 0 {
		limit = 0
		if opts.s.OutTTY {
			limit = terminalRows
		}
	}
	return render.Options{Lang: lang, Width: terminalWidth(opts.s), Color: colorEnabled(opts.s), Limit: limit,
		Audience: opts.share.audience, Pseudonyms: opts.share.pseudonyms()}
}

// runAggregate writes the aggregate report of res: the Excel report with
// -o, and the output format.
func runAggregate(opts *analyzeOptions, res *analysis.Result, ro render.Options) error {
	b := privacy.ByTeam
	if opts.settings.ByRole {
		b = privacy.ByRole
	}
	rep := privacy.Aggregate(res, opts.share.minCell, b)
	if err := writeAggregateReport(opts, rep, ro.Lang); err != nil {
		return err
	}
	if err := render.Aggregate(opts.s.Out, opts.format, rep, ro); err != nil {
		return err
	}
	if opts.failOn == "holes" && rep.HasHoles() || opts.failOn == "gaps" && res.HasGaps() {
		return exitCodeError{exitFindings, fmt.Sprintf("--fail-on %s: the analysis found %s", opts.failOn, opts.failOn)}
	}
	return nil
}

// chooseFramework loads --framework, else the framework recorded in a
// template workbook, else the default.
func chooseFramework(opts *analyzeOptions) (*framework.Framework, error) {
	ref := opts.framework
	if ref == "" && !opts.example && opts.roster != "-" {
		rec, err := roster.RecordedFramework(opts.roster)
		if err != nil {
			return nil, err
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
	return loadFramework(ref, opts.frameworkDirs)
}

func roleIDs(m map[string][]framework.Requirement) []string {
	return slices.Sorted(maps.Keys(m))
}

// noteDefaults says on standard error which of huller's defaults the
// analysis used (a leader should confirm or replace them), unless the
// document on standard output says so itself (shown).
func noteDefaults(s *streams, res *analysis.Result, shown bool) {
	if shown {
		return
	}
	for _, note := range narrate.New(res, lang.For("en"), false).DefaultsNotes() {
		s.note("%s", note)
	}
}

// textFormat reports whether format is read by a person (table, markdown)
// rather than a program (json, csv).
func textFormat(format string) bool { return format == "table" || format == "markdown" }
