package render

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/rostertest"
)

// encodingJSON is what JSON writes for v through encoding/json: compact,
// HTML left alone.
func encodingJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// hostileTexts are names that need every kind of JSON escaping.
var hostileTexts = []string{`Søren "Sol" \ Kjær`, "tab\tnew\nline\r\b\f\x00\x1f\x7f", "<b>&amp;</b>",
	"line\u2028para\u2029", "bad \xff\xfe utf-8 \xed\xa0\x80", "emoji 😀 and ★", ""}

// TestAppendJSONPerson: every person record of a generated roster, with
// hostile names, teams and roles, has the bytes encoding/json writes.
func TestAppendJSONPerson(t *testing.T) {
	fw, err := framework.NewLoader(frameworks.FS).Load("fagligheder-fase3")
	if err != nil {
		t.Fatal(err)
	}
	ro := rostertest.Generate(fw, 400, 5, 7)
	for i, h := range hostileTexts {
		ro.Persons[i].Name, ro.Persons[i+10].ID, ro.Persons[i+20].Team = h, h+"x", h
	}
	res, err := analysis.Analyze(fw, ro, analysis.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	expectedBy := 0
	for i := range res.People {
		p := jsonPerson(res, int32(i))
		for _, pr := range p.Profiles {
			if pr.ExpectedBy != "" {
				expectedBy++
			}
		}
		samePerson(t, &p)
	}
	if expectedBy == 0 {
		t.Error("no person is expected to hold a profile: the test misses fields")
	}
}

// TestAppendJSONShapes: nil and empty lists, absent and present optional
// fields, and numbers at encoding/json's format boundaries.
func TestAppendJSONShapes(t *testing.T) {
	empty := []jGap{}
	some := []jGap{{Competence: "1.1", Required: 3, Level: 1, Gap: 2}, {Competence: `"q"`, Required: -1}}
	for i, p := range []jPerson{
		{},
		{Name: "x", Gaps: []jGap{}, Profiles: []jPersonProfile{}, BestProfiles: []string{}},
		{Name: "y", Row: 1 << 40, Basis: jBasis{Met: -3, Coverage: ptr(1e-7)}, Gaps: some,
			Profiles: []jPersonProfile{{ID: "a", Fit: 1e21}, {ID: "b", Fit: math.Copysign(0, -1), ExpectedBy: "role", Gaps: &empty},
				{ID: "c", Fit: 0.3333333333333333, Expected: true, Fits: true, Gaps: &some}, {Gaps: new([]jGap)}},
			BestProfiles: []string{"a", "b\u2028"}},
		{Basis: jBasis{Coverage: ptr(123456789e-20)}, Profiles: []jPersonProfile{{Fit: 999999999999999999999.0}}},
	} {
		t.Logf("case %d", i)
		samePerson(t, &p)
	}
	// NaN is an error for encoding/json: the appender says so
	p := jPerson{Profiles: []jPersonProfile{{Fit: math.NaN()}}}
	if _, ok := p.appendJSON(nil); ok {
		t.Error("NaN appended")
	}
	if _, err := encodingJSON(p); err == nil {
		t.Error("encoding/json wrote NaN")
	}
}

func samePerson(t *testing.T, p *jPerson) {
	t.Helper()
	want, err := encodingJSON(p)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := p.appendJSON(nil)
	if !ok || !bytes.Equal(got, want) {
		t.Errorf("appended (ok %v)\n%s\nencoding/json\n%s", ok, got, want)
	}
}

// FuzzAppendJSONString: any text is quoted as encoding/json quotes it.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range hostileTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := encodingJSON(s)
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: appended %s, encoding/json %s", s, got, want)
		}
	})
}

// FuzzAppendJSONFloat: any number is written as encoding/json writes it,
// and NaN and the infinities are refused as it refuses them.
func FuzzAppendJSONFloat(f *testing.F) {
	for _, x := range []float64{0, 1, -1, 0.8, 1e-6, 9.99999e-7, 1e21, 1e20, math.MaxFloat64,
		math.SmallestNonzeroFloat64, math.Inf(1), math.NaN(), math.Copysign(0, -1)} {
		f.Add(math.Float64bits(x))
	}
	f.Fuzz(func(t *testing.T, bits uint64) {
		x := math.Float64frombits(bits)
		want, err := encodingJSON(x)
		got, ok := appendJSONFloat(nil, x)
		if ok != (err == nil) || ok && !bytes.Equal(got, want) {
			t.Errorf("%v: appended %s (ok %v), encoding/json %s (%v)", x, got, ok, want, err)
		}
	})
}
