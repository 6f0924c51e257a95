package workbook

import (
	"strconv"

	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/privacy"
	"github.com/xuri/excelize/v2"
)

// Share says who a workbook is made for and how it shows persons.
type Share struct {
	// Audience is "leader" (""), "committee" or "person".
	Audience string
	// Pseudonyms is "keyed" or "numbered" when persons are shown by
	// pseudonyms, "" when by name.
	Pseudonyms string
	// MinCell is the minimum of an aggregate report (WriteAggregate sets
	// it).
	MinCell int
}

func (s Share) audience() string {
	if s.Audience == "" {
		return "leader"
	}
	return s.Audience
}

func (s Share) mode() string {
	switch {
	case s.MinCell > 0:
		return "aggregate"
	case s.Pseudonyms != "":
		return "pseudonymised"
	}
	return "named"
}

// shareProps records who the workbook is for in its custom properties.
func (b *builder) shareProps() error {
	sh := b.opts.Share
	kind := "report"
	switch {
	case b.kind != "":
		kind = b.kind
	case sh.MinCell > 0:
		kind = "aggregate"
	case b.res.Listed != nil:
		kind = "talk"
	}
	props := []excelize.CustomProperty{
		{Name: privacy.PropReport, Value: kind},
		{Name: privacy.PropAudience, Value: sh.audience()},
		{Name: privacy.PropMode, Value: sh.mode()},
		{Name: privacy.PropPseudonyms, Value: sh.Pseudonyms},
	}
	if sh.MinCell > 0 {
		props = append(props, excelize.CustomProperty{Name: privacy.PropMinCell, Value: strconv.Itoa(sh.MinCell)})
	}
	for _, p := range props {
		if err := b.f.SetCustomProps(p); err != nil {
			return err
		}
	}
	return nil
}

// madeForLine says who the workbook is made for and how it shows persons.
func (b *builder) madeForLine() string {
	l, sh := b.l, b.opts.Share
	who := map[string]lang.Term{"leader": lang.AudienceLeader, "committee": lang.AudienceCommittee, "person": lang.AudiencePerson}[sh.audience()]
	line := l.F(lang.MadeFor, l.T(who)) + " · "
	switch sh.mode() {
	case "aggregate":
		return line + l.F(lang.ModeAggregate, l.Int(sh.MinCell))
	case "pseudonymised":
		return line + l.T(lang.ModePseudonymised)
	}
	return line + l.T(lang.ModeNamed)
}

// madeFor writes the line that says who the report is for, and for a
// pseudonymised one how its pseudonyms were made.
func (o *ovw) madeFor() {
	o.set(1, o.b.madeForLine(), o.b.st.note)
	o.row++
	switch o.b.opts.Share.Pseudonyms {
	case "keyed":
		o.set(1, o.b.l.T(lang.PseudonymsKeyed), o.b.st.note)
		o.row++
	case "numbered":
		o.set(1, o.b.l.T(lang.PseudonymsNumbered), o.b.st.note)
		o.row++
	}
}

// groupNote is the note above the Teams and Roles sheets: what the colours
// mean, and in an aggregate report what · means.
func (b *builder) groupNote() string {
	l := b.l
	note := l.F(lang.MatrixNote, l.Share(b.res.Settings.Coverage))
	if m := b.opts.Share.MinCell; m > 0 {
		note += " " + l.F(lang.SuppressedNote, l.Int(m))
	}
	return note
}
