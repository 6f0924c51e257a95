package diff

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// The two mappings of a small unit a year apart: Dan (E4) left and Finn
// (E6) joined; Anne (E1) was renamed and newly assessed on 2.2; Bo (E2)
// became a leader and rose on 1.1; Ce (E3) was assessed by another assessor,
// who put 2.1 down, 2.2 up and left p.1 blank; Eva (E5) moved team and was
// not assessed again (the same date).
const (
	beforeCSV = `id;name;role;team;assessor;assessed;1.1;1.2;2.1;2.2;p.1;p.2
E1;Anne Holm;konsulent;A;Lise;2026-01-10;3;3;3;;3;3
E2;Bo Dam;konsulent;A;Lise;2026-01-10;1;3;3;2;3;2
E3;Ce Lund;konsulent;B;Ole;2026-01-12;3;3;2;1;2;2
E4;Dan Juhl;konsulent;B;Ole;2026-01-12;3;3;3;1;3;3
E5;Eva Bang;konsulent;B;Ole;2026-01-12;1;2;3;2;1;1
`
	afterCSV = `id;name;role;team;assessor;assessed;1.1;1.2;2.1;2.2;p.1;p.2
E1;Anne Holm-Berg;konsulent;A;Lise;2027-01-10;3;3;3;3;3;3
E2;Bo Dam;leder;A;Lise;2027-01-10;3;3;3;2;3;2
E3;Ce Lund;konsulent;B;Kim;2027-01-15;3;3;1;2;;2
E5;Eva Bang;konsulent;A;Ole;2026-01-12;1;2;3;2;1;1
E6;Finn Krogh;konsulent;B;Ole;2027-01-12;2;2;1;2;2;2
`
)

func unit(t *testing.T) *Result {
	fw := mini(t)
	return compare(t, input(fw, readRoster(t, fw, "2026.csv", beforeCSV)), input(fw, readRoster(t, fw, "2027.csv", afterCSV)))
}

// holeLine writes a hole change as "status id: kind/tier/effort -> … [causes]".
func holeLine(h HoleChange) string {
	side := func(x *analysis.Hole) string {
		if x == nil {
			return "-"
		}
		return fmt.Sprintf("%s/%s/%d", x.Kind, x.Tier, x.Effort)
	}
	return fmt.Sprintf("%s %s: %s -> %s %v", h.Status, h.ID(), side(h.Before), side(h.After), h.Causes)
}

func TestHoles(t *testing.T) {
	res := unit(t)
	var got []string
	for _, h := range res.Holes {
		got = append(got, holeLine(h))
	}
	want := []string{
		// Ce's new assessor put 2.1 down (gap 1), and Finn joined below it
		// (gap 1): 3 of 5 meet it.
		"opened 2.1: - -> basis/cannot-deliver/2 [other-assessor]",
		// Dan held p.2 with Anne; when he left, Anne alone did.
		"opened p.2: - -> single-point/fragile/1 [left]",
		// 2.2 was met by 2 of 4; Anne's new level and Ce's new assessor
		// made it 4 of 4, and Anne the only one at 3.
		"changed-kind 2.2: basis/cannot-deliver/2 -> single-point/fragile/1 [other-assessor]",
		// two fitted the profile (Anne, Dan); Dan left, Bo is a leader now:
		// one fits, fewer than the two specialists needed
		"persisting p: profile/developing/7 -> profile/fragile/10 [left stayed other-assessor joined]",
		// 1.1: 3 of 5 before; Bo rose to 3 (met 3 of 4 when Dan had left),
		// and Finn met it: 4 of 5
		"closed 1.1: basis/cannot-deliver/2 -> - [joined]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("holes\n got %q\nwant %q", got, want)
	}
	worse := map[string]bool{}
	for _, h := range res.Holes {
		worse[h.ID()] = h.Worse()
		if h.Worse() && h.Better() {
			t.Errorf("%s is both worse and better", h.ID())
		}
	}
	if want := map[string]bool{"2.1": true, "p.2": true, "2.2": false, "p": true, "1.1": false}; !reflect.DeepEqual(worse, want) {
		t.Errorf("worse %v, want %v", worse, want)
	}
	if !res.HasRegressions() {
		t.Error("no regressions")
	}
}

func TestPeople(t *testing.T) {
	res := unit(t)
	m := res.Match
	if m.ByID != 4 || m.ByName != 0 || !reflect.DeepEqual(m.Joined, []int32{4}) || !reflect.DeepEqual(m.Left, []int32{3}) {
		t.Errorf("match %+v", m)
	}
	var got []string
	for _, p := range res.People {
		got = append(got, personLine(res, p))
	}
	want := []string{
		"Anne Holm-Berg: renamed; 2.2 added -/3 reassessed; gaps 0->0; reassessed Lise->Lise",
		"Bo Dam: role; 1.1 up 1/3 reassessed; gaps 1->0; reassessed Lise->Lise",
		"Ce Lund: 2.1 down 2/1 reassessed other; 2.2 up 1/2 reassessed other; p.1 removed 2/- reassessed other; gaps 1->1; reassessed Ole->Kim other",
		"Eva Bang: team; gaps 1->1; carried-over Ole->Ole",
		"Finn Krogh: joined; gaps 0->1; undated ->Ole",
		"Dan Juhl: left; gaps 1->0; undated Ole->",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("people\n got %q\nwant %q", got, want)
	}
	ce := res.People[2]
	if ce.Up != 1 || ce.Down != 1 || ce.Removed != 1 || ce.Added != 0 || !ce.Changed() {
		t.Errorf("Ce's counts %+v", ce)
	}
	if eva := res.People[3]; len(eva.Levels) != 0 || !eva.Changed() {
		t.Errorf("Eva %+v", eva)
	}
}

// personLine writes a person's change compactly.
func personLine(res *Result, p PersonChange) string {
	var parts []string
	name := ""
	switch {
	case p.Joined():
		name = res.After.People[p.After].Name
		parts = append(parts, "joined")
	case p.Left():
		name = res.Before.People[p.Before].Name
		parts = append(parts, "left")
	default:
		name = res.After.People[p.After].Name
		for _, x := range []struct {
			on   bool
			word string
		}{{p.Renamed, "renamed"}, {p.RoleChanged, "role"}, {p.TeamChanged, "team"}} {
			if x.on {
				parts = append(parts, x.word)
			}
		}
	}
	lv := func(l int8) string {
		if l < 0 {
			return "-"
		}
		return fmt.Sprint(l)
	}
	for _, l := range p.Levels {
		s := fmt.Sprintf("%s %s %s/%s %s", res.Before.Framework.Leaves[l.Leaf].ID, l.Change, lv(l.Before), lv(l.After), l.Assessment)
		if l.OtherAssessor {
			s += " other"
		}
		parts = append(parts, s)
	}
	for _, g := range p.Gained {
		parts = append(parts, fmt.Sprintf("gained %s rules=%v", res.Before.Framework.Profiles[g.Profile].ID, g.ByRules))
	}
	for _, g := range p.Lost {
		parts = append(parts, fmt.Sprintf("lost %s rules=%v", res.Before.Framework.Profiles[g.Profile].ID, g.ByRules))
	}
	parts = append(parts, fmt.Sprintf("gaps %d->%d", p.GapSum[0], p.GapSum[1]))
	if p.GapSumOldRules != p.GapSum[1] {
		parts = append(parts, fmt.Sprintf("old rules %d", p.GapSumOldRules))
	}
	s := fmt.Sprintf("%s %s->%s", p.Assessment, p.Assessors[0], p.Assessors[1])
	if p.OtherAssessor {
		s += " other"
	}
	return name + ": " + strings.Join(append(parts, s), "; ")
}

func TestSteps(t *testing.T) {
	res := unit(t)
	var kinds []string
	for _, s := range res.Steps {
		kinds = append(kinds, s.Kind.String())
	}
	if want := []string{"left", "stayed", "other-assessor", "joined"}; !reflect.DeepEqual(kinds, want) {
		t.Fatalf("steps %v, want %v", kinds, want)
	}
	if res.Steps[len(res.Steps)-1].State != res.After {
		t.Error("the last step's state is not After")
	}
	// after Dan left: four persons, Before's levels
	st := res.Steps[0].State
	if st.Summary.Persons != 4 || st.Summary.Basis.GapSum != 3 {
		t.Errorf("after left: %+v", st.Summary)
	}
	// after those who stayed changed (not Ce's new assessor): Bo met 1.1
	if s := res.Steps[1].State.Summary; s.Persons != 4 || s.Basis.GapSum != 2 || s.Basis.NotAssessed != 0 {
		t.Errorf("after stayed: %+v", s)
	}
	if res.OldRules() != nil || !res.Rules.Same {
		t.Error("rules differ")
	}
}

func TestRegressionsOnly(t *testing.T) {
	fw := mini(t)
	r := readRoster(t, fw, "2026.csv", beforeCSV)
	res := compare(t, input(fw, r), input(fw, r))
	if res.HasRegressions() || len(res.Steps) != 0 {
		t.Errorf("the same roster: regressions %v, steps %d", res.HasRegressions(), len(res.Steps))
	}
	// the other way round: what got better gets worse, and nothing else
	back := compare(t, input(fw, readRoster(t, fw, "2027.csv", afterCSV)), input(fw, r))
	better, worse := map[string]bool{}, map[string]bool{}
	for _, h := range unit(t).Holes {
		better[h.ID()] = h.Better()
	}
	for _, h := range back.Holes {
		worse[h.ID()] = h.Worse()
	}
	if !reflect.DeepEqual(better, worse) {
		t.Errorf("better forwards %v, worse backwards %v", better, worse)
	}
}

func TestMatchByName(t *testing.T) {
	fw := mini(t)
	before := readRoster(t, fw, "a.csv", "name;id;1.1\nAnne  Holm;;3\nBo Dam;E2;2\nCe Lund;E3;2\nDan;;1\nEva;E9;1\n")
	after := readRoster(t, fw, "b.csv", "name;id;1.1\nanne holm;A1;3\nBO DAM;E2;3\nCe Lund;E30;2\nDan;;2\nEva;;1\nEva;E8;2\n")
	res := compare(t, input(fw, before), input(fw, after))
	var got []string
	for _, p := range res.Match.Pairs {
		got = append(got, fmt.Sprintf("%s=%s byName=%v", res.Before.People[p.Before].Name, res.After.People[p.After].Name, p.ByName))
	}
	// Ce's ids differ: two persons; two persons are called Eva after, one
	// without an id: not matched, with a warning
	want := []string{"Anne  Holm=anne holm byName=true", "Bo Dam=BO DAM byName=false", "Dan=Dan byName=true"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pairs %q, want %q", got, want)
	}
	if res.Match.ByID != 1 || res.Match.ByName != 2 || len(res.Match.Joined) != 3 || len(res.Match.Left) != 2 {
		t.Errorf("match %+v", res.Match)
	}
	var bi, ai []Ident
	for _, p := range before.Persons {
		bi = append(bi, Ident{p.Name, p.ID})
	}
	for _, p := range after.Persons {
		ai = append(ai, Ident{p.Name, p.ID})
	}
	if got := NameMatches(bi, ai); !reflect.DeepEqual(got, [][2]int{{0, 0}, {3, 3}}) {
		t.Errorf("NameMatches %v, want Anne and Dan", got)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `"Eva" names 1 persons in a.csv and 2 in b.csv`) {
		t.Errorf("warnings %q", res.Warnings)
	}
	for _, p := range res.People {
		if p.Before >= 0 && p.After >= 0 && p.Renamed {
			t.Errorf("%s renamed: case and spacing are no new name", res.After.People[p.After].Name)
		}
	}
}

func TestRefused(t *testing.T) {
	fw := mini(t)
	a := readRoster(t, fw, "a.csv", "id;name;1.1\nE1;Anne;3\n")
	b := readRoster(t, fw, "b.csv", "id;name;1.1\nE2;Bo;3\n")
	_, err := Compare(input(fw, a), input(fw, b), Options{})
	if !errors.Is(err, ErrDisjoint) || err.Error() != "a.csv and b.csv have no person in common (matched by id, else by name): they may be two different units, or the ids changed" {
		t.Errorf("disjoint: %v", err)
	}
	res, err := Compare(input(fw, a), input(fw, b), Options{AllowDisjoint: true})
	if err != nil || len(res.Match.Joined) != 1 || len(res.Match.Left) != 1 {
		t.Errorf("--allow-disjoint: %v", err)
	}
	other := parseFramework(t, strings.Replace(miniYAML, "id: mini", "id: other", 1))
	_, err = Compare(input(fw, a), input(other, readRoster(t, other, "c.csv", "id;name;1.1\nE1;Anne;3\n")), Options{})
	if !errors.Is(err, ErrFrameworks) || !strings.Contains(err.Error(), "a.csv is measured against framework mini and c.csv against other") {
		t.Errorf("frameworks: %v", err)
	}
	s := analysis.DefaultSettings()
	s.Coverage = 0.5
	if _, err := Compare(input(fw, a), Input{Framework: fw, Roster: a, Settings: s}, Options{}); err == nil {
		t.Error("different thresholds compared")
	}
	s = analysis.DefaultSettings()
	s.Team = "A"
	if _, err := Compare(Input{Framework: fw, Roster: a, Settings: s}, Input{Framework: fw, Roster: a, Settings: s}, Options{}); err == nil {
		t.Error("a team filter compared")
	}
}

// TestRules: a new requirements file raises 2.1 for konsulent, and an
// edited framework drops 1.2, adds 2.3 and sets the profile's target to 2.
// The changes they make are kept apart from the persons' own.
func TestRules(t *testing.T) {
	fw := mini(t)
	edited := parseFramework(t, strings.NewReplacer(
		`      - {id: "1.2", name: {da: Borgere, en: Citizens}}`+"\n", "",
		`      - {id: "2.2", name: {da: Afgørelser, en: Decisions}}`,
		`      - {id: "2.2", name: {da: Afgørelser, en: Decisions}}`+"\n"+`      - {id: "2.3", name: {da: Klager, en: Appeals}}`,
		"  - id: p\n", "  - id: p\n    target: 2\n").Replace(miniYAML))
	before := readRoster(t, fw, "a.csv", "id;name;role;1.1;1.2;2.1;2.2;p.1;p.2\nE1;Anne;konsulent;2;3;2;2;2;2\nE2;Bo;konsulent;2;3;3;2;3;1\n")
	after := readRoster(t, edited, "b.csv", "id;name;role;1.1;2.1;2.2;2.3;p.1;p.2\nE1;Anne;konsulent;3;2;2;1;2;2\nE2;Bo;konsulent;2;3;2;2;3;1\n")
	in := input(edited, after)
	in.Settings.FileRequirements = map[string][]framework.Requirement{"konsulent": {{Node: "2.1", Level: 3}}}
	res := compare(t, input(fw, before), in)
	r := res.Rules
	if r.Same || !r.FrameworkEdited || !r.RequirementsEdited {
		t.Errorf("rules %+v", r)
	}
	if !reflect.DeepEqual(r.LeavesRemoved, []string{"1.2"}) || !reflect.DeepEqual(r.LeavesAdded, []string{"2.3"}) {
		t.Errorf("leaves removed %v added %v", r.LeavesRemoved, r.LeavesAdded)
	}
	if want := []LevelRule{{"p.1", 3, 2}, {"p.2", 3, 2}}; !reflect.DeepEqual(r.Targets, want) {
		t.Errorf("targets %+v", r.Targets)
	}
	if want := []ProfileRule{{Profile: "p", TargetBefore: 3, TargetAfter: 2, NeedBefore: 2, NeedAfter: 2, SpecialistsBefore: 2, SpecialistsAfter: 2}}; !reflect.DeepEqual(r.Profiles, want) {
		t.Errorf("profiles %+v", r.Profiles)
	}
	if want := []RequirementRule{{Role: "konsulent", Leaf: "2.1", Before: 2, After: 3}}; !reflect.DeepEqual(r.Requirements, want) {
		t.Errorf("requirements %+v", r.Requirements)
	}
	var got []string
	for _, p := range res.People {
		got = append(got, personLine(res, p))
	}
	// Anne rose on 1.1 (her own change) and falls short of the new 2.1
	// requirement and the new 2.3 (the rules' change); she now fits the
	// profile at target 2, by the rules alone; Bo does not (p.2 is 1).
	want := []string{
		"Anne: 1.1 up 2/3 undated; gained p rules=true; gaps 0->2; old rules 0; undated ->",
		"Bo: gaps 0->0; undated ->",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("people\n got %q\nwant %q", got, want)
	}
	kinds := []StepKind{}
	for _, s := range res.Steps {
		kinds = append(kinds, s.Kind)
	}
	if !reflect.DeepEqual(kinds, []StepKind{StepStayed, StepRules}) {
		t.Errorf("steps %v", kinds)
	}
	if old := res.OldRules(); old == nil || old.Framework != fw || old.Summary.Basis.GapSum != 0 {
		t.Errorf("old rules %+v", old)
	}
	// 2.1 was Bo's alone (a key person); under the new requirement Anne
	// falls short of it: a hole the rules made
	found := false
	for _, h := range res.Holes {
		if h.ID() == "2.1" {
			found = true
			if got := holeLine(h); got != "changed-kind 2.1: single-point/fragile/1 -> basis/cannot-deliver/1 [rules]" {
				t.Errorf("2.1: %s", got)
			}
		}
	}
	if !found {
		t.Error("no change on 2.1")
	}
	var leaves []string
	for _, lc := range res.Leaves {
		leaves = append(leaves, fmt.Sprintf("%s %d/%d", res.LeafNode(lc).ID, lc.Before, lc.After))
	}
	if want := []string{"1.1 0/0", "1.2 1/-1", "2.1 2/1", "2.2 3/2", "2.3 -1/3"}; !reflect.DeepEqual(leaves, want) {
		t.Errorf("leaves %v", leaves)
	}
}

// TestLongAssessors: in a long roster each competence has its own assessor
// and date; a change by another assessor is told apart per competence.
func TestLongAssessors(t *testing.T) {
	fw := mini(t)
	before := readRoster(t, fw, "a.csv", "name;competence;level;assessor;assessed\n"+
		"Anne;1.1;2;Lise;1.3.2026\nAnne;2.1;2;Ole;1.3.2026\nAnne;2.2;3;Ole;1.3.2026\n")
	after := readRoster(t, fw, "b.csv", "name;competence;level;assessor;assessed\n"+
		"Anne;1.1;3;Lise;1.3.2027\nAnne;2.1;1;Kim;1.3.2027\nAnne;2.2;2;Ole;1.3.2026\n")
	res := compare(t, input(fw, before), input(fw, after))
	got := personLine(res, res.People[0])
	// the person's own date and assessor are those of the latest row
	want := "Anne: 1.1 up 2/3 reassessed; 2.1 down 2/1 reassessed other; 2.2 down 3/2 carried-over; gaps 0->1; reassessed Lise->Lise"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestNothingInCommonButNames: the same person, by name, without ids.
func TestNothingInCommonButNames(t *testing.T) {
	fw := mini(t)
	r := readRoster(t, fw, "a.csv", "name;1.1\nAnne;3\n")
	res := compare(t, input(fw, r), input(fw, readRoster(t, fw, "b.csv", "NAME;1.1\n anne ;3\n")))
	if res.Match.ByName != 1 || len(res.Steps) != 0 || len(res.Holes) != len(res.Before.Holes) {
		t.Errorf("%+v", res.Match)
	}
	for _, h := range res.Holes {
		if h.Status != Persisting || len(h.Causes) != 0 {
			t.Errorf("%s", holeLine(h))
		}
	}
	_ = roster.Unassessed
}
