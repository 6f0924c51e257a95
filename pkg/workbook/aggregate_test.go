package workbook

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/compare"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
	"github.com/xuri/excelize/v2"
)

func writeAggregate(t *testing.T, rep *privacy.Report, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteAggregate(&buf, rep, opts); err != nil {
		t.Fatalf("WriteAggregate: %v", err)
	}
	return buf.Bytes()
}

func props(t *testing.T, f *excelize.File) map[string]string {
	t.Helper()
	ps, err := f.GetCustomProps()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range ps {
		out[p.Name] = p.Value.(string)
	}
	return out
}

// TestAggregateWorkbook: the sheets of an aggregate report, what its
// properties say, and that no name or id of the roster is in any part of
// it.
func TestAggregateWorkbook(t *testing.T) {
	res := genResult(t, 60, 4, analysis.DefaultSettings())
	for _, tt := range []struct {
		b      privacy.Breakdown
		lang   string
		sheets []lang.Term
	}{
		{privacy.ByTeam, "da", []lang.Term{lang.SheetOverview, lang.SheetHuller, lang.SheetTeams, lang.SheetProfiles, lang.SheetFramework}},
		{privacy.ByRole, "sl", []lang.Term{lang.SheetOverview, lang.SheetHuller, lang.SheetRoles, lang.SheetProfiles, lang.SheetFramework}},
	} {
		rep := privacy.Aggregate(res, 5, tt.b)
		data := writeAggregate(t, rep, Options{Lang: tt.lang, Date: testDate, Share: Share{Audience: "committee"}})
		f := open(t, data)
		var want []string
		for _, s := range tt.sheets {
			want = append(want, lang.For(tt.lang).T(s))
		}
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Errorf("sheets %q, want %q", got, want)
		}
		p := props(t, f)
		if p[privacy.PropReport] != "aggregate" || p[privacy.PropMode] != "aggregate" || p[privacy.PropAudience] != "committee" || p[privacy.PropMinCell] != "5" {
			t.Errorf("properties %v", p)
		}
		for name, x := range parts(t, data) {
			for _, per := range res.Roster.Persons {
				for _, w := range []string{per.Name, html.EscapeString(per.Name), per.ID} {
					if strings.Contains(x, w) {
						t.Fatalf("%s holds %q", name, w)
					}
				}
			}
		}
		// the unit's row on the Teams or Roles sheet: persons and the
		// suppressed mark where the report suppresses
		gs := lang.For(tt.lang).T(tt.sheets[2])
		r := rows(t, f, gs)
		if r[2][1] != "60" || len(r) != 3+len(rep.Groups) {
			t.Errorf("%s: unit row %q, %d rows", gs, r[2], len(r))
		}
		for leaf := range rep.Framework.BasisLeaves {
			_, _, shown := rep.Unit.Leaves[leaf].Coverage.Of()
			if got := r[2][groupFixed+leaf]; (got == "·") == shown {
				t.Errorf("%s: coverage of leaf %d is %q, shown %v", gs, leaf, got, shown)
			}
		}
		// the Overview says whom it is for
		if ov := rows(t, f, want[0]); !strings.Contains(strings.Join(ov[2], " "), lang.For(tt.lang).F(lang.MadeFor, lang.For(tt.lang).T(lang.AudienceCommittee))) {
			t.Errorf("overview line 3: %q", ov[2])
		}
	}
}

// TestAggregateWorkbookDeterministic: the same aggregate report gives the
// same bytes, on one core or two, and the parts are well-formed XML.
func TestAggregateWorkbookDeterministic(t *testing.T) {
	rep := privacy.Aggregate(genResult(t, 80, 5, analysis.DefaultSettings()), 5, privacy.ByTeam)
	opts := Options{Lang: "en", Date: testDate}
	first := writeAggregate(t, rep, opts)
	prev := runtime.GOMAXPROCS(1)
	one := writeAggregate(t, rep, opts)
	runtime.GOMAXPROCS(prev)
	if !bytes.Equal(first, one) || !bytes.Equal(first, writeAggregate(t, rep, opts)) {
		t.Fatal("two aggregate reports of the same input differ")
	}
	for name, x := range parts(t, first) {
		if !strings.HasSuffix(name, ".xml") {
			continue
		}
		d := xml.NewDecoder(strings.NewReader(x))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
	}
}

// TestShareProperties: every report says whom it is for and how it shows
// persons.
func TestShareProperties(t *testing.T) {
	res := team40(t)
	for _, tt := range []struct {
		share            Share
		audience, mode   string
		pseudonyms, line string
	}{
		{Share{}, "leader", "named", "", "Made for the leader · persons named"},
		{Share{Pseudonyms: "keyed"}, "leader", "pseudonymised", "keyed", "Made for the leader · persons shown by pseudonyms"},
	} {
		f := open(t, write(t, res, Options{Lang: "en", Share: tt.share}))
		p := props(t, f)
		if p[privacy.PropReport] != "report" || p[privacy.PropAudience] != tt.audience || p[privacy.PropMode] != tt.mode || p[privacy.PropPseudonyms] != tt.pseudonyms {
			t.Errorf("%+v: properties %v", tt.share, p)
		}
		if got := get(t, f, "Overview", "A3"); got != tt.line {
			t.Errorf("%+v: Overview A3 %q", tt.share, got)
		}
	}
}

// TestUnitsWorkbook: the Units sheet has a row per unit in name order,
// with the suppressed mark where the comparison suppresses.
func TestUnitsWorkbook(t *testing.T) {
	var units []compare.Unit
	for i, n := range []int{30, 12, 4} {
		res := genResult(t, n, 2, analysis.DefaultSettings())
		units = append(units, compare.Unit{Name: []string{"vest", "nord", "syd"}[i], File: "f.xlsx",
			Report: privacy.Aggregate(res, 5, privacy.ByTeam), Requirements: compare.RequirementsOf(res)})
	}
	c, err := compare.Compare(units[0].Report.Framework, units, 5)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteUnits(&buf, c, Options{Lang: "en", Date: testDate}); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Units"}) {
		t.Fatalf("sheets %q", got)
	}
	r := rows(t, f, "Units")
	if len(r) != 5 || r[2][0] != "nord" || r[3][0] != "syd" || r[4][0] != "vest" {
		t.Fatalf("rows %q", r)
	}
	if r[3][2] != "< 5" || r[2][2] != "12" {
		t.Errorf("persons %q, %q", r[3][2], r[2][2])
	}
	if p := props(t, f); p[privacy.PropReport] != "units" || p[privacy.PropMode] != "aggregate" {
		t.Errorf("properties %v", p)
	}
}
