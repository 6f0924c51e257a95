package main

import (
	"errors"
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/render"
	"github.com/huller/huller/pkg/risk"
	"github.com/spf13/cobra"
)

// riskNoAggregate says why huller risk offers no --for committee or person.
const riskNoAggregate = "risk makes no aggregate report and no person's own view: its figures count the few persons a competence depends on; " +
	"the committee's report, which says where the unit depends on very few people, is 'huller analyze --for committee'"

// maxHires bounds --hires: a leader reads a few requirement profiles.
const maxHires = 100

type riskOptions struct {
	in      *analyzeOptions // the roster, framework and thresholds, as for analyze
	vacancy string
	hires   int
	catalog string
}

func newRiskCmd(s *streams) *cobra.Command {
	in := &analyzeOptions{s: s, settings: analysis.DefaultSettings()}
	opts := &riskOptions{in: in, hires: risk.DefaultHires}
	cmd := &cobra.Command{
		Use:   "risk ROSTER",
		Short: "How vulnerable the unit is, competence by competence, and what the next hire should bring",
		Long: `Measure how the unit stands up to absences, competence by competence and
profile by profile — never person by person: for each, how many persons'
absence alone would open or worsen a finding on it or leave no one holding
it, and the fewest absences that would. Then the depth behind each (who
holds it at the target level, who is one level or one competence short),
and the next hire: the requirement profiles (role and profile) that would
resolve the most of the unit's findings, each with what developing current
staff could do instead.

No person is rated. People appear only in the scenarios you enter:
--without NAME[,NAME...] measures the unit without them (a known
retirement or leave). --vacancy ROLE writes the requirement profiles for
that role only, ready for a job ad with --format markdown.

--catalog FILE prices the development of current staff instead of a hire
with a course catalog (YAML or a spreadsheet, as for 'huller plan'): for
each gain, the cheapest single run of a course that takes one of those one
step short that step. --example uses the built-in example catalog.

The roster, framework and threshold flags are those of 'huller analyze'.

--pseudonymise shows persons by pseudonyms made with a key (--key-file or
HULLER_KEY), as 'huller analyze' does: in the warnings, and --without takes
names, ids or pseudonyms; --pseudonymise-map writes who is who to a file
kept apart from the output. risk makes no aggregate report for a committee:
its figures count the few persons a competence depends on; the committee's
report, which says where the unit depends on very few people, is 'huller
analyze --for committee'.`,
		Example: `  huller risk --example
  huller risk team.xlsx --format json > risk.json
  huller risk team.xlsx --vacancy sagsbehandler --format markdown > kravspecifikation.md
  huller risk team.xlsx --catalog kursuskatalog.yaml   # train or hire, with costs
  huller risk team.xlsx --without "Jesper Thorsen"   # after a known retirement
  huller risk team.xlsx --pseudonymise --key-file ~/huller.key --format json > risk.json`,
		Args: args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if len(a) == 1 {
				in.roster = a[0]
			}
			if !cmd.Flags().Changed("limit") {
				in.limit = -1
			}
			if cmd.Flags().Changed("min-specialists") {
				in.settings.MinSpecialists = in.specialists
			}
			in.changed = cmd.Flags().Changed
			return runRisk(opts)
		},
	}
	inputFlags(cmd, in)
	enumFlag(cmd, &in.format, "format", "", "table", render.Formats(), "output format")
	intFlag(cmd, &in.limit, "limit", 0, maxRows, "rows of each table shown in table and markdown; 0 for all (default: 50 on a terminal, all otherwise)")
	withoutFlag(cmd, &in.without, "measure the unit without these persons (names or ids, separated by commas): a known departure")
	cmd.Flags().StringVar(&opts.vacancy, "vacancy", "", "write the requirement profiles for this role (id or name) only, ready for a job ad")
	intFlag(cmd, &opts.hires, "hires", 1, maxHires, "requirement profiles to propose")
	cmd.Flags().StringVar(&opts.catalog, "catalog", "", "course catalog pricing the development of current staff instead of a hire: a YAML file, or a spreadsheet (xlsx or CSV)")
	in.share.addFlags(cmd, shareFeatures{Why: riskNoAggregate})
	return cmd
}

func runRisk(opts *riskOptions) error {
	in := opts.in
	switch {
	case in.example && in.roster != "":
		return usageError{errors.New("give either a roster file or --example, not both")}
	case !in.example && in.roster == "":
		return usageError{errors.New("no roster given: name a roster file (xlsx or CSV, - for standard input), or use --example")}
	}
	if err := in.share.check(in.flagChanged, in.s, "", "", in.roster, in.requirements, in.framework, opts.catalog); err != nil {
		return err
	}
	res, err := readAnalysis(in)
	if err != nil {
		return err
	}
	noteDefaults(in.s, res, false)
	if len(in.without) > 0 {
		sc, err := scenario(in, res)
		if err != nil {
			return err
		}
		res = sc.After
	}
	ro := risk.Options{Vacancy: strings.TrimSpace(opts.vacancy), Hires: opts.hires}
	cat, err := readCatalog(in.s, opts.catalog, in.example, res.Framework)
	if err != nil {
		return err
	}
	if cat != nil {
		ro.Prices = cat
	}
	rep, err := risk.Assess(res, ro)
	if err != nil {
		return err
	}
	code := in.lang
	if code == "" {
		code = res.Framework.Language
	}
	limit := in.limit
	if limit < 0 {
		limit = 0
		if in.s.OutTTY {
			limit = terminalRows
		}
	}
	return render.Risk(in.s.Out, in.format, rep, render.Options{Lang: code, Width: terminalWidth(in.s), Color: colorEnabled(in.s), Limit: limit,
		Audience: in.share.audience, Pseudonyms: in.share.pseudonyms()})
}
