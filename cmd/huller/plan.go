package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/huller/huller/examples"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/outfile"
	"github.com/huller/huller/pkg/plan"
	"github.com/huller/huller/pkg/render"
	"github.com/huller/huller/pkg/roster"
	"github.com/huller/huller/pkg/workbook"
	"github.com/spf13/cobra"
)

type planOptions struct {
	a           analyzeOptions // roster, framework, requirements, thresholds, format, output
	catalog     string
	projected   string
	specialists int
	opts        plan.Options
	noMentoring bool
	coursesOnly bool
	budget      string
}

func newPlanCmd(s *streams) *cobra.Command {
	opts := &planOptions{a: analyzeOptions{s: s, settings: analysis.DefaultSettings()}, opts: plan.DefaultOptions()}
	cmd := &cobra.Command{
		Use:   "plan ROSTER --catalog FILE",
		Short: "Turn the holes into a development plan: joint activities, colleagues, courses",
		Long: `Turn the analysis of a roster into a development plan: who should learn what,
from whom or on which course, what it costs, and what the unit looks like
afterwards. The plan follows how job centres develop their staff: a
competence many lack becomes a joint, practice-near activity of the unit (or
a team), led by a colleague who can teach it; other needs go to a colleague
at the teaching level (to be agreed with them); what colleagues cannot cover
goes to the courses of the catalog, chosen for the least cost; what nothing
covers is the wish list for course providers. It is a proposal for the
development talk, not an assignment.

Every flag of 'huller analyze' that reads the roster or sets a threshold
applies. The catalog (--catalog) is a YAML file or a spreadsheet (see
'huller template --catalog'); without one, the plan uses the unit's own
colleagues only. --example plans the built-in example roster with the
built-in example catalog.

--projected FILE.csv writes the roster as the plan expects it: 'huller
analyze' on it, with the same framework, requirements and thresholds, gives
the plan's "after" figures exactly.

Who the output is for: --for leader (everything, the default), --for
person (one person's own plan, with --person). --pseudonymise shows persons
by pseudonyms made with a key (--key-file or HULLER_KEY), the same as in
'huller analyze' with that key; --pseudonymise-map writes who is who to a
file kept apart from the plan. A plan makes no aggregate report for a
committee: its activities are about a few persons each, and its figures
after the plan less those before give away whom it develops; the
committee's report is 'huller analyze --for committee'.

Exit status: 0 when the plan was made; 1 for invalid input; 2 for wrong
usage.`,
		Example: `  huller plan --example
  huller plan team.xlsx --catalog kursuskatalog.yaml
  huller plan team.xlsx --catalog kursuskatalog.yaml -o plan.xlsx
  huller plan team.xlsx --catalog kurser.xlsx --budget 250000
  huller plan team.xlsx --catalog kursuskatalog.yaml --person "Mette Holm"
  huller plan team.xlsx --catalog kursuskatalog.yaml --pseudonymise --key-file ~/huller.key -o plan.xlsx
  huller plan team.xlsx --catalog kursuskatalog.yaml --projected after.csv
  huller plan team.xlsx --catalog kursuskatalog.yaml --format json > plan.json`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if len(a) == 1 {
				opts.a.roster = a[0]
			}
			if !cmd.Flags().Changed("limit") {
				opts.a.limit = -1
			}
			if cmd.Flags().Changed("min-specialists") {
				opts.a.settings.MinSpecialists = opts.specialists
			}
			if cmd.Flags().Changed("budget") {
				b, err := parseAmount(opts.budget)
				if err != nil {
					return usageError{fmt.Errorf("--budget %w", err)}
				}
				opts.opts.Budget = b
			}
			opts.a.changed = cmd.Flags().Changed
			return runPlan(opts)
		},
	}
	f := cmd.Flags()
	ao := &opts.a
	f.BoolVar(&ao.example, "example", false, "plan the built-in example roster with the built-in example catalog")
	f.StringVar(&opts.catalog, "catalog", "", "course catalog: a YAML file, or a spreadsheet (xlsx or CSV) with one row per course and competence")
	f.StringVarP(&ao.framework, "framework", "f", "", "framework: a built-in id or a YAML file (default: recorded in the workbook, else fagligheder-fase3)")
	frameworkDirFlag(cmd, &ao.frameworkDirs)
	f.StringVar(&ao.sheet, "sheet", "", "workbook sheet to read (default: Roster or Medarbejdere, else the first)")
	f.StringVar(&ao.requirements, "requirements", "", "file with required levels per role (CSV, xlsx or YAML)")
	f.BoolVar(&ao.ignoreUnknown, "ignore-unknown", false, "warn about columns naming no competence instead of failing")
	enumFlag(cmd, &ao.format, "format", "", "table", render.Formats(), "output format")
	langFlag(cmd, &ao.lang, "", "language of labels and framework texts (default: the framework's)")
	f.StringVarP(&ao.output, "output", "o", "", "also write the plan as an Excel workbook to this .xlsx file")
	intFlag(cmd, &ao.limit, "limit", 0, maxRows, "rows of the long tables shown in table and markdown; 0 for all (default: 50 on a terminal, all otherwise)")
	floatFlag(cmd, &ao.settings.Coverage, "coverage", 0, 1, "team coverage below which a basic competence is a hole (0–1)")
	intFlag(cmd, &opts.specialists, "min-specialists", 0, maxSpecialists, "persons who should fit each profile (default: each profile's own, else 2)")
	intFlag(cmd, &ao.settings.Target, "target", 0, maxLevel, "target level for every competence (default: the framework's)")
	floatFlag(cmd, &ao.settings.Fit, "fit", 0, 1, "share of a profile's competences at the target needed to fit it (0–1; default: the framework's)")
	f.StringVar(&ao.settings.Team, "team", "", "plan only for this team")
	f.StringVar(&ao.settings.Person, "person", "", "show only this person's plan (name or id), for a development talk")
	intFlag(cmd, &opts.opts.MaxMentees, "max-mentees", 1, maxMentees, "learners one colleague is proposed to teach at most")
	intFlag(cmd, &opts.opts.JointMin, "joint-min", 2, maxMentees, "persons who must share a need for it to become a joint activity")
	f.BoolVar(&opts.noMentoring, "no-mentoring", false, "propose no colleague to teach a colleague one to one")
	f.BoolVar(&opts.coursesOnly, "courses-only", false, "plan with the catalog's courses only: no joint activities led by colleagues, no colleagues one to one")
	f.StringVar(&opts.budget, "budget", "", "cap the cost of the courses (whole units of the catalog's currency); needs are then served in priority order and the rest deferred")
	f.StringVar(&opts.projected, "projected", "", "also write the roster as the plan expects it to this .csv file")
	ao.share.addFlags(cmd, shareFeatures{Person: true, Why: planNoAggregate})
	_ = cmd.RegisterFlagCompletionFunc("framework", completeFrameworks)
	return cmd
}

// planNoAggregate says why huller plan offers no --for committee.
const planNoAggregate = "a plan makes no aggregate report: its activities are about a few persons each, " +
	"and its figures after the plan less those before give away whom it develops; " +
	"the committee's report is 'huller analyze --for committee'"

// maxMentees bounds --max-mentees and --joint-min: beyond it a value is a
// mistake, not a setting.
const maxMentees = 10_000

// parseAmount reads --budget: a whole amount, digits optionally grouped by
// spaces, dots or commas (250000, 250.000, 250 000).
func parseAmount(s string) (int64, error) {
	digits := strings.NewReplacer(" ", "", ".", "", ",", "", "\u00a0", "").Replace(strings.TrimSpace(s))
	x, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || x < 0 || digits == "" || x > 1_000_000_000_000 {
		return 0, fmt.Errorf("%q is not a whole amount such as 250000", s)
	}
	return x, nil
}

func (opts *planOptions) check() error {
	ao := &opts.a
	switch {
	case ao.example && ao.roster != "":
		return usageError{errors.New("give either a roster file or --example, not both")}
	case !ao.example && ao.roster == "":
		return usageError{errors.New("no roster given: name a roster file (xlsx or CSV, - for standard input), or use --example")}
	case opts.projected != "" && !strings.EqualFold(filepath.Ext(opts.projected), ".csv"):
		return usageError{fmt.Errorf("--projected %s: the projected roster is a CSV file; give a file name ending in .csv", opts.projected)}
	}
	if opts.projected != "" {
		if err := outfile.Check(opts.projected, ao.roster, ao.requirements, ao.framework, opts.catalog); err != nil {
			return err
		}
	}
	if ao.output != "" && !strings.EqualFold(filepath.Ext(ao.output), ".xlsx") {
		return usageError{fmt.Errorf("--output %s: the plan is an Excel workbook; give a file name ending in .xlsx", ao.output)}
	}
	if ao.output != "" {
		if err := outfile.Check(ao.output, ao.roster, ao.requirements, ao.framework, opts.catalog, opts.projected); err != nil {
			return err
		}
	}
	return ao.share.check(ao.flagChanged, ao.s, ao.settings.Person, ao.output, ao.roster, ao.requirements, ao.framework, opts.catalog, opts.projected)
}

func runPlan(opts *planOptions) error {
	if err := opts.check(); err != nil {
		return err
	}
	ao := &opts.a
	s := ao.s
	warnLang(s, ao.lang)
	if opts.coursesOnly {
		opts.opts.Joint, opts.opts.Mentoring = false, false
	}
	if opts.noMentoring {
		opts.opts.Mentoring = false
	}
	fw, ros, err := readRoster(ao)
	if err != nil {
		return err
	}
	cat, err := readCatalog(s, opts.catalog, ao.example, fw)
	if err != nil {
		return err
	}
	if cat == nil {
		s.note("no course catalog given (--catalog): the plan uses the unit's own colleagues, and what they cannot cover is on the wish list")
	}
	p, err := plan.Make(fw, ros, ao.settings, cat, opts.opts)
	if err != nil {
		return err
	}
	for _, w := range p.Before.Warnings {
		s.warn("%s", w)
	}
	if ao.settings.Person == "" {
		noteDefaults(s, p.Before, textFormat(ao.format))
	}
	if err := writeProjected(opts, p); err != nil {
		return err
	}
	code := ao.lang
	if code == "" {
		code = fw.Language
	}
	if err := writePlanWorkbook(opts, p, code); err != nil {
		return err
	}
	limit := ao.limit
	if limit < 0 {
		limit = 0
		if s.OutTTY {
			limit = terminalRows
		}
	}
	ro := render.Options{Lang: code, Width: terminalWidth(s), Color: colorEnabled(s), Limit: limit,
		Audience: ao.share.audience, Pseudonyms: ao.share.pseudonyms()}
	return render.RenderPlan(s.Out, ao.format, p, ro)
}

// readRoster reads the framework, the requirements file and the roster as
// `huller analyze` does — the persons pseudonymised as soon as they are
// read, when asked — and checks the settings against the framework.
func readRoster(ao *analyzeOptions) (*framework.Framework, *roster.Roster, error) {
	src := roster.FileSource(ao.roster, ao.s.In)
	if ao.example {
		src = roster.Source{Name: examples.RosterName, R: bytes.NewReader(examples.Roster)}
	}
	fw, err := chooseFramework(ao)
	if err != nil {
		return nil, nil, err
	}
	if err := ao.settings.Validate(fw); err != nil {
		return nil, nil, usageError{err}
	}
	if err := ao.readRequirements(fw); err != nil {
		return nil, nil, err
	}
	rs, err := ao.share.readRosters(ao.s, fw, ao.rosterOptions(), src)
	if err != nil {
		return nil, nil, err
	}
	if ao.settings.Person, err = ao.share.person(ao.settings.Person); err != nil {
		return nil, nil, err
	}
	return fw, rs[0], nil
}

// writePlanWorkbook writes -o.
func writePlanWorkbook(opts *planOptions, p *plan.Plan, code string) error {
	out := opts.a.output
	if out == "" {
		return nil
	}
	wo, err := opts.a.workbookOptions(code)
	if err != nil {
		return err
	}
	k := p.Counts()
	return writeBook(opts.a.s, out, "the plan", func(w io.Writer) error { return workbook.WritePlan(w, p, wo) },
		fmt.Sprintf("%d %s: %d joint, %d with colleagues, %d on courses, %d not met",
			k.Needs, plural(k.Needs, "need", "needs"), k.Joint, k.Colleague, k.Course, k.Deferred+k.Unmet))
}

// writeProjected writes --projected and says how to check it.
func writeProjected(opts *planOptions, p *plan.Plan) error {
	out := opts.projected
	if out == "" {
		return nil
	}
	if len(p.Projected.Requirements) > 0 {
		return withHint(fmt.Errorf("--projected %s: %w", out, render.ErrProjectedSheet),
			"move the Requirements sheet to its own file and give it with --requirements")
	}
	if err := outfile.Write(out, func(w io.Writer) error { return render.ProjectedCSV(w, p) }); err != nil {
		return fmt.Errorf("%s: cannot write the projected roster: %w", out, err)
	}
	fmt.Fprintf(opts.a.s.Err, "huller: wrote %s (%d %s as the plan expects them); check it with: %s\n", out,
		len(p.Projected.Persons), plural(len(p.Projected.Persons), "person", "persons"), analyzeCommand(opts, p))
	return nil
}

// analyzeCommand is the `huller analyze` command that gives the plan's
// "after" figures from the projected roster.
func analyzeCommand(opts *planOptions, p *plan.Plan) string {
	ao := &opts.a
	parts := []string{"huller", "analyze", quoteArg(opts.projected), "--framework", quoteArg(frameworkRef(ao, p.Framework))}
	for _, d := range ao.frameworkDirs {
		parts = append(parts, "--framework-dir", quoteArg(d))
	}
	if ao.requirements != "" {
		parts = append(parts, "--requirements", quoteArg(ao.requirements))
	}
	st := ao.settings
	if st.Coverage != analysis.DefaultSettings().Coverage {
		parts = append(parts, "--coverage", strconv.FormatFloat(st.Coverage, 'g', -1, 64))
	}
	if st.MinSpecialists >= 0 {
		parts = append(parts, "--min-specialists", strconv.Itoa(st.MinSpecialists))
	}
	if st.Target != 0 {
		parts = append(parts, "--target", strconv.Itoa(st.Target))
	}
	if st.Fit != 0 {
		parts = append(parts, "--fit", strconv.FormatFloat(st.Fit, 'g', -1, 64))
	}
	return strings.Join(parts, " ")
}

// frameworkRef names the framework as --framework takes it: its file, else
// its id.
func frameworkRef(ao *analyzeOptions, fw *framework.Framework) string {
	if ao.framework != "" {
		return ao.framework
	}
	if fw.File != "" {
		return fw.File
	}
	return fw.ID
}

// quoteArg quotes a shell argument that needs it.
func quoteArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
