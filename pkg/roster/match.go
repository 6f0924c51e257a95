package roster

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/huller/huller/pkg/framework"
)

// field is a fixed (non-competence) column of a roster.
type field int

// The fixed columns. Name is required; the others are optional.
const (
	fieldNone field = iota
	fieldName
	fieldID
	fieldRole
	fieldTeam
	fieldProfiles
	// fieldAssessor and fieldAssessed say who assessed a person (or, in the
	// long layout, a competence) and when.
	fieldAssessor
	fieldAssessed
	// fieldCompetence and fieldLevel make the long layout (one row per
	// person and competence).
	fieldCompetence
	fieldLevel
	// fieldLabel is a role's display name in a requirements table; it is
	// read past.
	fieldLabel
)

// header is the canonical (English) header of a fixed column, as written by
// `huller template`.
func (f field) header() string {
	switch f {
	case fieldName:
		return "name"
	case fieldID:
		return "id"
	case fieldRole:
		return "role"
	case fieldTeam:
		return "team"
	case fieldProfiles:
		return "profiles"
	case fieldAssessor:
		return "assessor"
	case fieldAssessed:
		return "assessed"
	case fieldCompetence:
		return "competence"
	case fieldLevel:
		return "level"
	case fieldLabel:
		return "role name"
	}
	return ""
}

// aliases maps a normalised header to its field: English, Danish and
// Slovenian (the contract), plus French and Italian for the network.
var aliases = map[string]field{
	"name": fieldName, "navn": fieldName, "ime": fieldName, "full name": fieldName,
	"fulde navn": fieldName, "ime in priimek": fieldName, "nom": fieldName, "nome": fieldName,

	"id": fieldID, "medarbejdernr": fieldID, "medarbejdernr.": fieldID, "medarbejdernummer": fieldID,
	"medarb.nr.": fieldID, "medarb. nr.": fieldID, "employee id": fieldID, "employee no": fieldID,
	"employee number": fieldID, "šifra": fieldID, "matricule": fieldID, "matricola": fieldID,

	"role": fieldRole, "rolle": fieldRole, "funktion": fieldRole, "vloga": fieldRole,
	"job function": fieldRole, "rôle": fieldRole, "fonction": fieldRole, "ruolo": fieldRole,

	"team": fieldTeam, "afdeling": fieldTeam, "enhed": fieldTeam, "tim": fieldTeam,
	"ekipa": fieldTeam, "équipe": fieldTeam, "equipe": fieldTeam, "squadra": fieldTeam,

	"profiles": fieldProfiles, "profile": fieldProfiles, "profiler": fieldProfiles,
	"profil": fieldProfiles, "profili": fieldProfiles, "profils": fieldProfiles,

	"assessor": fieldAssessor, "assessed by": fieldAssessor, "vurderet af": fieldAssessor,
	"vurderingsansvarlig": fieldAssessor, "ocenjevalec": fieldAssessor, "ocenil": fieldAssessor,
	"évaluateur": fieldAssessor, "valutatore": fieldAssessor,

	"assessed": fieldAssessed, "assessment date": fieldAssessed, "date assessed": fieldAssessed,
	"vurderet": fieldAssessed, "vurderingsdato": fieldAssessed, "dato for vurdering": fieldAssessed,
	"ocenjeno": fieldAssessed, "datum ocene": fieldAssessed, "datum ocenjevanja": fieldAssessed,
	"date d'évaluation": fieldAssessed, "data valutazione": fieldAssessed,

	"competence": fieldCompetence, "kompetence": fieldCompetence, "kompetenca": fieldCompetence,
	"compétence": fieldCompetence, "competenza": fieldCompetence, "competence id": fieldCompetence,

	"level": fieldLevel, "niveau": fieldLevel, "raven": fieldLevel, "stopnja": fieldLevel,
	"livello": fieldLevel, "score": fieldLevel,

	"role name": fieldLabel, "rollenavn": fieldLabel, "ime vloge": fieldLabel,
}

// normHeader lower-cases a header and collapses its spaces; a trailing
// colon is dropped ("Navn:").
func normHeader(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimSuffix(s, ":")
	return strings.ToLower(strings.TrimSpace(s))
}

// fieldOf recognises a fixed column header.
func fieldOf(header string) field { return aliases[normHeader(header)] }

// matcher resolves cell and header texts against a framework.
type matcher struct {
	fw       *framework.Framework
	nodes    map[string]*framework.Node // lower-case id or name
	roles    map[string]string          // lower-case id or name -> role id
	roleIDs  []string                   // known role ids, for messages
	profiles map[string]string          // lower-case id or name -> profile id
	ids      []string                   // every node id, for suggestions
	levels   levelParser
}

func newMatcher(fw *framework.Framework, extraRoles []string) *matcher {
	m := &matcher{fw: fw, nodes: map[string]*framework.Node{}, roles: map[string]string{},
		profiles: map[string]string{}, levels: newLevelParser(fw)}
	nodes := fw.Nodes()
	// Names first, so that an id equal to another node's name wins.
	for _, n := range nodes {
		for _, t := range n.Name {
			if k := normHeader(t); k != "" {
				if _, dup := m.nodes[k]; !dup {
					m.nodes[k] = n
				}
			}
		}
	}
	for _, n := range nodes {
		m.nodes[strings.ToLower(n.ID)] = n
		m.ids = append(m.ids, n.ID)
	}
	for _, r := range fw.Roles {
		m.addRole(r.ID, r.Name)
	}
	for _, id := range extraRoles {
		m.addRole(id, nil)
	}
	for _, p := range fw.Profiles {
		for _, t := range p.Name {
			m.profiles[normHeader(t)] = p.ID
		}
	}
	for _, p := range fw.Profiles {
		m.profiles[strings.ToLower(p.ID)] = p.ID
	}
	return m
}

func (m *matcher) addRole(id string, name framework.Text) {
	id = strings.TrimSpace(id)
	if id == "" {
		return
	}
	k := strings.ToLower(id)
	if prev, ok := m.roles[k]; ok && strings.EqualFold(prev, id) {
		return
	}
	for _, t := range name {
		if n := normHeader(t); n != "" {
			if _, taken := m.roles[n]; !taken {
				m.roles[n] = id
			}
		}
	}
	m.roles[k] = id
	m.roleIDs = append(m.roleIDs, id)
}

// role resolves a role cell (id or name, any language, any case).
func (m *matcher) role(s string) (string, bool) {
	id, ok := m.roles[normHeader(s)]
	return id, ok
}

// profile resolves one profile id or name.
func (m *matcher) profile(s string) (string, bool) {
	id, ok := m.profiles[normHeader(s)]
	return id, ok
}

func (m *matcher) profileIDs() []string {
	out := make([]string, len(m.fw.Profiles))
	for i, p := range m.fw.Profiles {
		out[i] = p.ID
	}
	return out
}

// node resolves a competence header or cell: the node id, optionally
// followed by text ("1.1 Anvender fagsystemer"), or a node's full name.
func (m *matcher) node(s string) (*framework.Node, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	if n := m.fw.Node(s); n != nil {
		return n, true
	}
	first := s
	if i := strings.IndexAny(s, " \t\n\r\u00a0"); i >= 0 {
		first = s[:i]
	}
	first = strings.TrimRight(first, ".:)")
	if n := m.fw.Node(first); n != nil {
		return n, true
	}
	if n, ok := m.nodes[strings.ToLower(first)]; ok && strings.EqualFold(n.ID, first) {
		return n, true
	}
	if n, ok := m.nodes[normHeader(s)]; ok {
		return n, true
	}
	return nil, false
}

// firstToken is the id part of a header, for suggestions.
func firstToken(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, " \t\n\r\u00a0"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, ".:)")
}

// Score kinds returned by levelParser.parse.
const (
	scoreLevel   = iota // a level on the scale
	scoreBlank          // blank
	scoreMarked         // marked not assessed: -, n/a, ?
	scoreOutside        // a whole number outside the scale
	scoreBad            // anything else
)

// levelParser reads level cells without allocating in the common cases.
type levelParser struct {
	digit    [10]int8 // level of a one-digit cell; -1 when off the scale
	min, max int
	labels   []levelLabel
	hint     string // "0–4 or one of: Ingen, Grundlæggende, …"
}

type levelLabel struct {
	text  string
	level int8
}

func newLevelParser(fw *framework.Framework) levelParser {
	lp := levelParser{min: fw.MinLevel(), max: fw.MaxLevel()}
	for i := range lp.digit {
		lp.digit[i] = -1
		if i >= lp.min && i <= lp.max {
			lp.digit[i] = int8(i)
		}
	}
	var own []string
	seen := map[string]bool{}
	for _, l := range fw.Scale {
		langs := make([]string, 0, len(l.Label))
		for lang := range l.Label {
			langs = append(langs, lang)
		}
		sort.Strings(langs)
		for _, lang := range langs {
			t := strings.TrimSpace(l.Label[lang])
			if t == "" || seen[strings.ToLower(t)] {
				continue
			}
			seen[strings.ToLower(t)] = true
			lp.labels = append(lp.labels, levelLabel{t, int8(l.Level)})
		}
		if t := l.Label.In(fw.Language, "en"); t != "" {
			own = append(own, t)
		}
	}
	lp.hint = fmt.Sprintf("%d–%d or one of: %s", lp.min, lp.max, strings.Join(own, ", "))
	return lp
}

// parse reads a level cell. The level is valid for scoreLevel only.
func (lp *levelParser) parse(s string) (int8, int) {
	if len(s) == 1 {
		c := s[0]
		switch {
		case c >= '0' && c <= '9':
			if l := lp.digit[c-'0']; l >= 0 {
				return l, scoreLevel
			}
			return 0, scoreOutside
		case c == ' ':
			return 0, scoreBlank
		case c == '-' || c == '?':
			return 0, scoreMarked
		}
	}
	s = strings.TrimSpace(s)
	switch s {
	case "":
		return 0, scoreBlank
	case "-", "?", "–", "—":
		return 0, scoreMarked
	}
	if strings.EqualFold(s, "n/a") || strings.EqualFold(s, "na") {
		return 0, scoreMarked
	}
	if v, ok := parseWhole(s); ok {
		if v < float64(lp.min) || v > float64(lp.max) {
			return 0, scoreOutside
		}
		return int8(v), scoreLevel
	} else if !math.IsNaN(v) {
		return 0, scoreBad // a number, but not a whole one
	}
	for _, l := range lp.labels {
		if strings.EqualFold(s, l.text) {
			return l.level, scoreLevel
		}
	}
	// "3 – Specialiseret": a level followed by its own label.
	if c := s[0]; c >= '0' && c <= '9' {
		i := 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		n, _ := strconv.Atoi(s[:i])
		rest := strings.TrimLeft(s[i:], " \t.:)-–—=")
		for _, l := range lp.labels {
			if int(l.level) == n && strings.EqualFold(rest, l.text) {
				return l.level, scoreLevel
			}
		}
	}
	return 0, scoreBad
}

// parseWhole parses a number written as 3, 3.0, 3,0, +3 or 2.9999999999999996
// (a formula's result). ok is false with v NaN for text that is no number,
// and with v set for a number that is not whole.
func parseWhole(s string) (v float64, ok bool) {
	sign := ""
	if s[0] == '+' || s[0] == '-' {
		sign, s = s[:1], s[1:]
	}
	for len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9' {
		s = s[1:] // leading zeros
	}
	// Fast path: digits, optionally followed by [.,] and zeros.
	if sign != "-" {
		i, n := 0, 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 9 {
			n = n*10 + int(s[i]-'0')
			i++
		}
		if i > 0 {
			if i == len(s) {
				return float64(n), true
			}
			if s[i] == '.' || s[i] == ',' {
				j := i + 1
				for j < len(s) && s[j] == '0' {
					j++
				}
				if j == len(s) && j > i+1 {
					return float64(n), true
				}
			}
		}
	}
	// General path: decimals with a comma, exponents, negative numbers.
	if len(s) == 0 || len(s) > 31 || strings.Trim(s, "0123456789.,eE+-") != "" {
		return math.NaN(), false
	}
	var buf [32]byte
	b := append(buf[:0], sign...)
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c == ',' {
			c = '.'
		}
		b = append(b, c)
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return math.NaN(), false
	}
	if r := math.Round(f); math.Abs(f-r) < 1e-9 {
		return r, true
	}
	return f, false
}
