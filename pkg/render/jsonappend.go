package render

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// The per-person records are most of a large roster's JSON. They are
// written by these appenders instead of encoding/json's reflection, with
// the same bytes: encoding/json's escaping (HTML left alone) and number
// format, the fields in struct order with their tags and omitempty
// (jsonappend_test.go compares the two).

// appendJSON appends p as encoding/json writes it without indentation;
// ok is false when p holds a value JSON cannot hold (NaN or an infinity),
// which encoding/json reports as an error.
func (p *jPerson) appendJSON(b []byte) (_ []byte, ok bool) {
	b = append(b, `{"name":`...)
	b = appendJSONString(b, p.Name)
	b = append(b, `,"id":`...)
	b = appendJSONString(b, p.ID)
	b = append(b, `,"row":`...)
	b = strconv.AppendInt(b, int64(p.Row), 10)
	b = append(b, `,"role":`...)
	b = appendJSONString(b, p.Role)
	b = append(b, `,"team":`...)
	b = appendJSONString(b, p.Team)
	b = append(b, `,"basis":{"met":`...)
	b = strconv.AppendInt(b, int64(p.Basis.Met), 10)
	b = append(b, `,"required":`...)
	b = strconv.AppendInt(b, int64(p.Basis.Required), 10)
	b = append(b, `,"not_assessed":`...)
	b = strconv.AppendInt(b, int64(p.Basis.NotAssessed), 10)
	b = append(b, `,"gap_sum":`...)
	b = strconv.AppendInt(b, int64(p.Basis.GapSum), 10)
	b = append(b, `,"coverage":`...)
	if b, ok = appendJSONFloatPtr(b, p.Basis.Coverage); !ok {
		return b, false
	}
	b = append(b, `},"gaps":`...)
	b = appendJSONGaps(b, p.Gaps)
	b = append(b, `,"profiles":`...)
	if p.Profiles == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range p.Profiles {
			if i > 0 {
				b = append(b, ',')
			}
			if b, ok = p.Profiles[i].appendJSON(b); !ok {
				return b, false
			}
		}
		b = append(b, ']')
	}
	b = append(b, `,"best_profiles":`...)
	if p.BestProfiles == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range p.BestProfiles {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		b = append(b, ']')
	}
	return append(b, '}'), true
}

func (p *jPersonProfile) appendJSON(b []byte) (_ []byte, ok bool) {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, p.ID)
	b = append(b, `,"at_target":`...)
	b = strconv.AppendInt(b, int64(p.AtTarget), 10)
	b = append(b, `,"leaves":`...)
	b = strconv.AppendInt(b, int64(p.Leaves), 10)
	b = append(b, `,"assessed":`...)
	b = strconv.AppendInt(b, int64(p.Assessed), 10)
	b = append(b, `,"fit":`...)
	if b, ok = appendJSONFloat(b, p.Fit); !ok {
		return b, false
	}
	b = append(b, `,"fits":`...)
	b = strconv.AppendBool(b, p.Fits)
	b = append(b, `,"expected":`...)
	b = strconv.AppendBool(b, p.Expected)
	if p.ExpectedBy != "" {
		b = append(b, `,"expected_by":`...)
		b = appendJSONString(b, p.ExpectedBy)
	}
	if p.Gaps != nil {
		b = append(b, `,"gaps":`...)
		b = appendJSONGaps(b, *p.Gaps)
	}
	return append(b, '}'), true
}

func appendJSONGaps(b []byte, gaps []jGap) []byte {
	if gaps == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, g := range gaps {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"competence":`...)
		b = appendJSONString(b, g.Competence)
		b = append(b, `,"required":`...)
		b = strconv.AppendInt(b, int64(g.Required), 10)
		b = append(b, `,"level":`...)
		b = strconv.AppendInt(b, int64(g.Level), 10)
		b = append(b, `,"gap":`...)
		b = strconv.AppendInt(b, int64(g.Gap), 10)
		b = append(b, '}')
	}
	return append(b, ']')
}

func appendJSONFloatPtr(b []byte, f *float64) ([]byte, bool) {
	if f == nil {
		return append(b, "null"...), true
	}
	return appendJSONFloat(b, *f)
}

// appendJSONFloat appends f as encoding/json does: like ES6, 'f' format
// from 1e-6 to 1e21, else exponent format without padding.
func appendJSONFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 is written e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendJSONString appends s quoted as encoding/json does without HTML
// escaping: " and \ escaped, control characters as \b, \f, \n, \r, \t or
// \u00XX, invalid UTF-8 as \ufffd, and U+2028 and U+2029 as \u2028 and
// \u2029.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
