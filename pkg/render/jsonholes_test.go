package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"runtime"
	"testing"

	"github.com/huller/huller/pkg/analysis"
)

// The contract's hole and group as encoding/json writes them: the
// reference the streaming writers of jsonholes.go are compared with.

type jRoleNeed struct {
	Role     string `json:"role"`
	Required int    `json:"required"`
	Below    int    `json:"below"`
}

type jCandidate struct {
	Name   string `json:"name"`
	ID     string `json:"id"`
	Effort int    `json:"effort"`
}

type jBottleneck struct {
	Competence string `json:"competence"`
	Below      int    `json:"below"`
	Holders    int    `json:"holders"`
}

type jProfileHole struct {
	Expected       int           `json:"expected"`
	ExpectedByRole int           `json:"expected_by_role"`
	Assessed       int           `json:"assessed"`
	Fitting        int           `json:"fitting"`
	FittingAll     int           `json:"fitting_all"`
	Specialists    int           `json:"specialists"`
	NotAssessed    []jName       `json:"not_assessed"`
	Bottlenecks    []jBottleneck `json:"bottlenecks"`
	Candidates     []jCandidate  `json:"candidates"`
}

type jHole struct {
	Tier      string        `json:"tier"`
	Kind      string        `json:"kind"`
	ID        string        `json:"id"`
	Effort    int           `json:"effort"`
	Coverage  *float64      `json:"coverage,omitempty"`
	Met       *int          `json:"met,omitempty"`
	Assessed  *int          `json:"assessed,omitempty"`
	People    []string      `json:"people"`
	PeopleIDs []string      `json:"people_ids"`
	Roles     []jRoleNeed   `json:"roles,omitempty"`
	Holders   *int          `json:"holders,omitempty"`
	Teachers  *int          `json:"teachers,omitempty"`
	Profile   *jProfileHole `json:"profile,omitempty"`
}

type jGroup struct {
	jGroupHead
	Holes []jHole `json:"holes"`
}

func jsonHole(res *analysis.Result, h analysis.Hole) jHole {
	jh := jHole{Tier: h.Tier.String(), Kind: h.Kind.String(), ID: h.Node.ID, Effort: h.Effort,
		People: make([]string, len(h.People)), PeopleIDs: make([]string, len(h.People))}
	for i, p := range h.People {
		jh.People[i], jh.PeopleIDs[i] = res.People[p].Name, res.People[p].ID
	}
	switch h.Kind {
	case analysis.KindBasis:
		jh.Coverage, jh.Met, jh.Assessed = optional(h.Coverage, true), ptr(int(h.Met)), ptr(int(h.Assessed))
		for _, r := range h.Roles {
			jh.Roles = append(jh.Roles, jRoleNeed{Role: res.Roles[r.Role].ID, Required: int(r.Level), Below: int(r.Gaps)})
		}
		jh.Holders, jh.Teachers = ptr(int(h.Holders)), ptr(int(h.Teachers))
	case analysis.KindSinglePoint:
		jh.Holders, jh.Teachers = ptr(int(h.Holders)), ptr(int(h.Teachers))
	case analysis.KindProfile:
		ph := h.Profile
		jp := &jProfileHole{Expected: int(ph.Expected), ExpectedByRole: int(ph.ExpectedByRole), Assessed: int(ph.Assessed),
			Fitting: int(ph.Fitting), FittingAll: int(ph.FittingAll), Specialists: int(ph.Specialists),
			NotAssessed: []jName{}, Bottlenecks: []jBottleneck{}, Candidates: []jCandidate{}}
		for _, p := range ph.NotAssessed {
			jp.NotAssessed = append(jp.NotAssessed, jsonName(res, p))
		}
		for _, b := range ph.Bottlenecks {
			jp.Bottlenecks = append(jp.Bottlenecks, jBottleneck{Competence: res.Framework.Leaves[b.Leaf].ID, Below: int(b.Below), Holders: int(b.Holders)})
		}
		for _, c := range ph.Candidates {
			n := jsonName(res, c.Person)
			jp.Candidates = append(jp.Candidates, jCandidate{Name: n.Name, ID: n.ID, Effort: c.Effort})
		}
		jh.Profile = jp
	}
	return jh
}

func jsonGroup(res *analysis.Result, g analysis.Group) jGroup {
	jg := jGroup{jGroupHead: jGroupHead{Persons: len(g.Members), Summary: jsonSummary(g.Summary, g.Holes)},
		Holes: make([]jHole, len(g.Holes))}
	if g.Role >= 0 {
		jg.Role = ptr(g.Name)
	} else {
		jg.Team = ptr(g.Name)
	}
	for l := range res.Framework.BasisLeaves {
		c := jsonCompetence(res, g.Leaves, l)
		c.Area, c.Target = "", 0
		jg.Competences = append(jg.Competences, c)
	}
	for i, h := range g.Holes {
		jg.Holes[i] = jsonHole(res, h)
	}
	return jg
}

// streamed returns what write writes through a compact jsonWriter.
func streamed(t *testing.T, write func(j *jsonWriter)) []byte {
	t.Helper()
	var b bytes.Buffer
	j := &jsonWriter{w: bufio.NewWriterSize(&b, 64)} // small: names cross the buffer's end
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.compact = true
	write(j)
	if j.err != nil {
		t.Fatal(j.err)
	}
	if err := j.w.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestStreamedHoles: every hole of the unit, the teams and the roles, and
// every team and role, of realistic rosters with hostile names, is written
// with the bytes encoding/json writes for the contract's shape.
func TestStreamedHoles(t *testing.T) {
	kinds := map[string]bool{}
	check := func(res *analysis.Result) {
		for i := range res.People {
			res.People[i].Person.Name = hostileTexts[i%len(hostileTexts)] + res.People[i].Person.Name
		}
		var holes []analysis.Hole
		holes = append(holes, res.Holes...)
		groups := append(append([]analysis.Group{}, res.Teams...), res.RoleGroups...)
		for _, g := range groups {
			holes = append(holes, g.Holes...)
		}
		for _, h := range holes {
			kinds[h.Kind.String()] = true
			want, err := encodingJSON(jsonHole(res, h))
			if err != nil {
				t.Fatal(err)
			}
			if got := streamed(t, func(j *jsonWriter) { j.hole(res, h) }); !bytes.Equal(got, want) {
				t.Errorf("hole %s %s:\n%s\nencoding/json\n%s", h.Kind, h.Node.ID, got, want)
			}
		}
		for _, g := range groups {
			want, err := encodingJSON(jsonGroup(res, g))
			if err != nil {
				t.Fatal(err)
			}
			if got := streamed(t, func(j *jsonWriter) { j.group(res, g) }); !bytes.Equal(got, want) {
				t.Errorf("group %s:\n%s\nencoding/json\n%s", g.Name, got, want)
			}
		}
	}
	byAll := func(s *analysis.Settings) { s.ByTeam, s.ByRole = true, true }
	check(demoResult(t, byAll))
	check(fase3Result(t, byAll))
	big := bigResult(t, 2000, byAll)
	check(big)
	// lists longer than the batches they are read in, on every kind
	for i := range big.Holes {
		h := &big.Holes[i]
		h.People = h.People[:0]
		for p := range 300 {
			h.People = append(h.People, int32(p*5+i))
		}
		if h.Kind == analysis.KindProfile {
			ph := *h.Profile
			ph.NotAssessed = h.People[:200]
			h.Profile = &ph
		}
	}
	big.Teams, big.RoleGroups = nil, nil
	check(big)
	for _, k := range analysis.Kinds {
		if !kinds[k.String()] {
			t.Errorf("no hole of kind %s compared", k)
		}
	}
}

// TestStreamedHoleNaN: a coverage JSON cannot hold fails as encoding/json
// fails.
func TestStreamedHoleNaN(t *testing.T) {
	res := demoResult(t, nil)
	for _, h := range res.Holes {
		if h.Kind != analysis.KindBasis {
			continue
		}
		h.Coverage = math.NaN()
		_, want := encodingJSON(jsonHole(res, h))
		var b bytes.Buffer
		j := &jsonWriter{w: bufio.NewWriter(&b)}
		j.hole(res, h)
		if want == nil || j.err == nil || j.err.Error() != want.Error() {
			t.Errorf("error %v, encoding/json %v", j.err, want)
		}
		return
	}
	t.Fatal("no basis hole")
}

// TestJSONStreamsHoles: writing the holes keeps no hole whole in memory:
// what is allocated does not grow with the names a hole lists.
func TestJSONStreamsHoles(t *testing.T) {
	res := bigResult(t, 4000, nil)
	var w countingWriter
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	j := &jsonWriter{w: bufio.NewWriter(&w)}
	j.enc = json.NewEncoder(&j.buf)
	for _, h := range res.Holes {
		j.hole(res, h)
	}
	if err := j.w.Flush(); err != nil || j.err != nil {
		t.Fatal(err, j.err)
	}
	runtime.ReadMemStats(&after)
	if w.n < 200_000 {
		t.Fatalf("the holes take %d bytes: too few to tell", w.n)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<10 {
		t.Errorf("%d bytes allocated to write %d bytes of holes", alloc, w.n)
	}
}
