package render

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strconv"

	"github.com/huller/huller/pkg/analysis"
)

// A hole can name nearly every person of a roster (who is below the
// requirement), and so can a team's holes: holes are written as they are
// read from the analysis, name by name, never built whole in memory. The
// bytes are those encoding/json writes for the contract's hole (see
// jsonholes_test.go, which keeps that shape and compares the two):
//
//	{"tier", "kind", "id", "effort", "coverage"?, "met"?, "assessed"?,
//	 "people", "people_ids", "roles"?, "holders"?, "teachers"?, "profile"?}
//
// with "coverage", "met", "assessed" and "roles" (when any) for a basis hole,
// "holders" and "teachers" for a basis and a single-point hole, and
// "profile" for a profile hole:
//
//	{"expected", "expected_by_role", "assessed", "fitting", "fitting_all",
//	 "specialists", "not_assessed": [{"name", "id"}], "bottlenecks":
//	 [{"competence", "below", "holders"}], "candidates": [{"name", "id",
//	 "effort"}]}

// hole writes hole h, compact.
func (j *jsonWriter) hole(res *analysis.Result, h analysis.Hole) {
	if j.err != nil {
		return
	}
	b := j.w.AvailableBuffer()
	b = append(b, `{"tier":`...)
	b = appendJSONString(b, h.Tier.String())
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, h.Kind.String())
	b = append(b, `,"id":`...)
	b = appendJSONString(b, h.Node.ID)
	b = append(b, `,"effort":`...)
	b = strconv.AppendInt(b, int64(h.Effort), 10)
	if h.Kind == analysis.KindBasis {
		b = append(b, `,"coverage":`...)
		var ok bool
		if b, ok = appendJSONFloat(b, h.Coverage); !ok {
			j.unsupported(h.Coverage)
			return
		}
		b = appendJSONInt(b, `,"met":`, int(h.Met))
		b = appendJSONInt(b, `,"assessed":`, int(h.Assessed))
	}
	j.write(b)
	j.names(`,"people":[`, res, h.People, false)
	j.names(`,"people_ids":[`, res, h.People, true)
	b = j.w.AvailableBuffer()
	if h.Kind == analysis.KindBasis && len(h.Roles) > 0 {
		b = append(b, `,"roles":[`...)
		for i, r := range h.Roles {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"role":`...)
			b = appendJSONString(b, res.Roles[r.Role].ID)
			b = appendJSONInt(b, `,"required":`, int(r.Level))
			b = appendJSONInt(b, `,"below":`, int(r.Gaps))
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if h.Kind == analysis.KindBasis || h.Kind == analysis.KindSinglePoint {
		b = appendJSONInt(b, `,"holders":`, int(h.Holders))
		b = appendJSONInt(b, `,"teachers":`, int(h.Teachers))
	}
	if h.Kind == analysis.KindProfile {
		j.write(b)
		j.profileHole(res, h.Profile)
		b = j.w.AvailableBuffer()
	}
	j.write(append(b, '}'))
}

// profileHole writes the "profile" of a profile hole.
func (j *jsonWriter) profileHole(res *analysis.Result, ph *analysis.ProfileHole) {
	b := j.w.AvailableBuffer()
	b = appendJSONInt(b, `,"profile":{"expected":`, int(ph.Expected))
	b = appendJSONInt(b, `,"expected_by_role":`, int(ph.ExpectedByRole))
	b = appendJSONInt(b, `,"assessed":`, int(ph.Assessed))
	b = appendJSONInt(b, `,"fitting":`, int(ph.Fitting))
	b = appendJSONInt(b, `,"fitting_all":`, int(ph.FittingAll))
	b = appendJSONInt(b, `,"specialists":`, int(ph.Specialists))
	b = append(b, `,"not_assessed":[`...)
	j.write(b)
	var batch [64]jName // read in a tight loop, as in names
	for lo := 0; lo < len(ph.NotAssessed); lo += len(batch) {
		names := batch[:min(len(batch), len(ph.NotAssessed)-lo)]
		for i := range names {
			names[i] = jsonName(res, ph.NotAssessed[lo+i])
		}
		for i, n := range names {
			b = j.room(1 + 6*(len(n.Name)+len(n.ID)) + 20)
			if lo+i > 0 {
				b = append(b, ',')
			}
			j.write(appendJSONNameOf(b, n))
		}
	}
	b = append(j.w.AvailableBuffer(), `],"bottlenecks":[`...)
	for i, bn := range ph.Bottlenecks {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"competence":`...)
		b = appendJSONString(b, res.Framework.Leaves[bn.Leaf].ID)
		b = appendJSONInt(b, `,"below":`, int(bn.Below))
		b = appendJSONInt(b, `,"holders":`, int(bn.Holders))
		b = append(b, '}')
	}
	b = append(b, `],"candidates":[`...)
	for i, c := range ph.Candidates {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONName(b, res, c.Person)
		b = appendJSONInt(b[:len(b)-1], `,"effort":`, c.Effort) // the name's object, one field more
		b = append(b, '}')
	}
	j.write(append(b, "]}"...))
}

// names writes the names (or ids) of people as a JSON array after open,
// which ends in its "[".
func (j *jsonWriter) names(open string, res *analysis.Result, people []int32, ids bool) {
	j.write(append(j.w.AvailableBuffer(), open...))
	// The texts are read a batch at a time, in a tight loop: the persons lie
	// far apart in memory, and the processor waits for many at once.
	var batch [128]string
	for lo := 0; lo < len(people); lo += len(batch) {
		texts := batch[:min(len(batch), len(people)-lo)]
		for i := range texts {
			per := res.People[people[lo+i]].Person
			if ids {
				texts[i] = per.ID
			} else {
				texts[i] = per.Name
			}
		}
		for i, s := range texts {
			b := j.room(1 + 6*len(s) + 2)
			if lo+i > 0 {
				b = append(b, ',')
			}
			j.write(appendJSONString(b, s))
		}
	}
	j.write(append(j.w.AvailableBuffer(), ']'))
}

// group writes a team or a role: its head through encoding/json, then its
// holes.
func (j *jsonWriter) group(res *analysis.Result, g analysis.Group) {
	head := jGroupHead{Persons: len(g.Members), Summary: jsonSummary(g.Summary, g.Holes)}
	if g.Role >= 0 {
		head.Role = ptr(g.Name)
	} else {
		head.Team = ptr(g.Name)
	}
	for l := range res.Framework.BasisLeaves {
		c := jsonCompetence(res, g.Leaves, l)
		c.Area, c.Target = "", 0
		head.Competences = append(head.Competences, c)
	}
	if j.err != nil {
		return
	}
	j.buf.Reset()
	if j.err = j.enc.Encode(head); j.err != nil {
		return
	}
	obj := bytes.TrimRight(j.buf.Bytes(), "\n")
	j.write(obj[:len(obj)-1]) // open: its holes follow
	j.raw(`,"holes":[`)
	for i, h := range g.Holes {
		if i > 0 {
			j.raw(",")
		}
		j.hole(res, h)
	}
	j.raw("]}")
}

// room returns j.w's free buffer, to append to and write, with room for n
// bytes where the buffer can hold them: a long list of names is written
// without allocating.
func (j *jsonWriter) room(n int) []byte {
	if j.w.Available() < n && j.err == nil {
		j.err = j.w.Flush()
	}
	return j.w.AvailableBuffer()
}

// write writes b, usually appended to j.w.AvailableBuffer().
func (j *jsonWriter) write(b []byte) {
	if j.err == nil {
		_, j.err = j.w.Write(b)
	}
}

// unsupported records the error encoding/json gives for NaN and the
// infinities.
func (j *jsonWriter) unsupported(x float64) {
	if j.err == nil && (math.IsNaN(x) || math.IsInf(x, 0)) {
		j.err = &json.UnsupportedValueError{Value: reflect.ValueOf(x), Str: strconv.FormatFloat(x, 'g', -1, 64)}
	}
}

// appendJSONName appends {"name":…,"id":…} of person p.
func appendJSONName(b []byte, res *analysis.Result, p int32) []byte {
	return appendJSONNameOf(b, jsonName(res, p))
}

// appendJSONNameOf appends n as {"name":…,"id":…}.
func appendJSONNameOf(b []byte, n jName) []byte {
	b = append(b, `{"name":`...)
	b = appendJSONString(b, n.Name)
	b = append(b, `,"id":`...)
	b = appendJSONString(b, n.ID)
	return append(b, '}')
}

// appendJSONInt appends key (with its comma and colon) and n.
func appendJSONInt(b []byte, key string, n int) []byte {
	return strconv.AppendInt(append(b, key...), int64(n), 10)
}
