// Package privacy makes huller's outputs safe to share beyond the leader:
// it replaces the persons of a roster by pseudonyms before anything is
// analysed, and decides which figures of an aggregate report must be
// suppressed because they are computed over too few people.
//
// A pseudonym is derived from the person (their id, else their name) with a
// keyed hash (HMAC-SHA-256) of a secret the user keeps: the same key gives
// the same person the same pseudonym in every report, and without the key
// nobody can tell who a pseudonym is. Without a key, pseudonyms are numbered
// for one report only.
package privacy

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huller/huller/pkg/roster"
)

// MinKey is the least number of bytes of a key: shorter keys can be guessed.
const MinKey = 16

// Mapping is who each pseudonym stands for: per roster, in the order the
// persons are listed after pseudonymisation (pseudonym order).
type Mapping []Entry

// Entry is one person and their pseudonym.
type Entry struct {
	Pseudonym, Name, ID string
	// Roster is the roster the person was read from (Roster.Source).
	Roster string
}

// Pseudonymise replaces every person's name and id in r by a pseudonym
// ("P-7F3A9C21" with a key, "P-0001" numbered without), and every mention of
// a name or id in the roster's warnings. r is changed in place; the mapping
// says who is who. A key shorter than MinKey is refused. See
// PseudonymiseAll for the order of the persons afterwards.
func Pseudonymise(r *roster.Roster, key []byte) (Mapping, error) {
	return PseudonymiseAll([]*roster.Roster{r}, key)
}

// PseudonymiseAll pseudonymises the rosters of one report together, so
// that a person who appears in two of them gets one pseudonym, and no two
// persons share one.
//
// With a key, a pseudonym is "P-" and the first 8 hex digits of the keyed
// hash of the person's identity (their id when the roster has one, else
// their name with case and spacing ignored); persons whose 8 digits
// collide get 16. Without a key, persons are numbered P-0001, P-0002, … in
// an order drawn from the content of the rosters (names, ids and levels),
// not in roster order, so that a number says nothing about where a person
// stands in the roster; the same content gives the same numbers.
//
// Afterwards each roster lists its persons in pseudonym order and their row
// numbers are 0: the order and the rows of the roster, which is often
// sorted by name, would point to the persons. Each person's place as read
// is kept in Seq, which no output shows: huller's choices between equals
// follow it, so that what is made with pseudonyms is what is made with
// names. Assessors (the assessor
// columns) get pseudonyms too: a person's own when the assessor is a person
// of the rosters, else one derived from the assessor's name; they are in
// the mapping after each roster's persons, without an id.
func PseudonymiseAll(rs []*roster.Roster, key []byte) (Mapping, error) {
	if key != nil && len(key) < MinKey {
		return nil, fmt.Errorf("the pseudonymisation key has %d bytes; it needs at least %d (use a long random key, e.g. from `openssl rand -hex 32`)", len(key), MinKey)
	}
	ids := identities(rs)
	assessors := assessorIdentities(rs)
	for _, id := range slices.Sorted(maps.Values(assessors)) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	var names map[string]string
	if key == nil {
		names = numbered(rs, ids)
	} else {
		names = keyedNames(key, ids, 8)
	}
	var m Mapping
	for _, r := range rs {
		start := len(m)
		for i := range r.Persons {
			p := &r.Persons[i]
			m = append(m, Entry{Pseudonym: names[identity(p)], Name: p.Name, ID: p.ID, Roster: r.Source})
		}
		own := assessorEntries(r, assessors, names, m[start:])
		replace := replacer(append(slices.Clone(m[start:]), own...))
		for i := range r.Persons {
			p := &r.Persons[i]
			p.Name, p.ID, p.Row = m[start+i].Pseudonym, m[start+i].Pseudonym, 0
			p.Seq = int32(i) // choices between equals keep the roster's order
			pseudonymiseAssessors(p, assessors, names)
		}
		for i := range r.Warnings {
			r.Warnings[i].Message = replace(r.Warnings[i].Message)
		}
		// list the persons, and their mapping, in pseudonym order
		idx := make([]int, len(r.Persons))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return comparePseudonyms(r.Persons[a].Name, r.Persons[b].Name) })
		persons := make([]roster.Person, len(idx))
		entries := make([]Entry, len(idx))
		for i, j := range idx {
			persons[i], entries[i] = r.Persons[j], m[start+j]
		}
		r.Persons = persons
		copy(m[start:], entries)
		m = append(m, own...)
	}
	return m, nil
}

// normName is a name with case and spacing ignored.
func normName(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// assessorIdentities returns the identity of every assessor named in the
// rosters (the assessor columns), by the assessor's name as written: the
// identity of the person of that name in the rosters when there is one
// (an assessor may be a colleague), else the name with case and spacing
// ignored.
func assessorIdentities(rs []*roster.Roster) map[string]string {
	byName := map[string]string{}
	for _, r := range rs {
		for i := range r.Persons {
			byName[normName(r.Persons[i].Name)] = identity(&r.Persons[i])
		}
	}
	out := map[string]string{}
	add := func(a string) {
		if strings.TrimSpace(a) == "" {
			return
		}
		if _, ok := out[a]; ok {
			return
		}
		if id, ok := byName[normName(a)]; ok {
			out[a] = id
		} else {
			out[a] = "name\x00" + normName(a)
		}
	}
	for _, r := range rs {
		for i := range r.Persons {
			add(r.Persons[i].Assessor)
			for _, a := range r.Persons[i].Assessors {
				add(a)
			}
		}
	}
	return out
}

// pseudonymiseAssessors replaces the assessors of p by their pseudonyms.
func pseudonymiseAssessors(p *roster.Person, assessors, names map[string]string) {
	if id, ok := assessors[p.Assessor]; ok {
		p.Assessor = names[id]
	}
	if p.Assessors != nil {
		p.Assessors = slices.Clone(p.Assessors)
		for i, a := range p.Assessors {
			if id, ok := assessors[a]; ok {
				p.Assessors[i] = names[id]
			}
		}
	}
}

// assessorEntries returns the mapping entries of the assessors of roster r
// who are not persons of it (by the pseudonym they got), in name order.
func assessorEntries(r *roster.Roster, assessors, names map[string]string, persons Mapping) Mapping {
	seen := map[string]bool{}
	for _, e := range persons {
		seen[e.Pseudonym] = true
	}
	var out Mapping
	add := func(a string) {
		id, ok := assessors[a]
		if !ok || seen[names[id]] {
			return
		}
		seen[names[id]] = true
		out = append(out, Entry{Pseudonym: names[id], Name: a, Roster: r.Source})
	}
	for i := range r.Persons {
		add(r.Persons[i].Assessor)
		for _, a := range r.Persons[i].Assessors {
			add(a)
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// comparePseudonyms orders pseudonyms: shorter first (P-0002 before
// P-10000), then by their text.
func comparePseudonyms(a, b string) int {
	if c := cmp.Compare(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// identities returns the distinct identities of the rosters' persons.
func identities(rs []*roster.Roster) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		for i := range r.Persons {
			if id := identity(&r.Persons[i]); !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// identity is what a pseudonym is derived from: the id when the roster has
// one, else the name with case and spacing ignored.
func identity(p *roster.Person) string {
	if id := strings.TrimSpace(p.ID); id != "" {
		return "id\x00" + id
	}
	return "name\x00" + strings.Join(strings.Fields(strings.ToLower(p.Name)), " ")
}

// keyedNames returns the keyed pseudonym of every identity: short (8) hex
// digits, or 16 for the identities whose short digits collide (one chance
// in 86,000 for two people in a unit of 40; about one collision in ten
// rosters of 10,000), which depend on the person alone and so stay stable.
func keyedNames(key []byte, ids []string, short int) map[string]string {
	out := make(map[string]string, len(ids))
	byName := make(map[string][]string, len(ids))
	for _, id := range ids {
		p := keyed(key, id, short)
		out[id] = p
		byName[p] = append(byName[p], id)
	}
	for _, group := range byName {
		if len(group) > 1 {
			for _, id := range group {
				out[id] = keyed(key, id, 16)
			}
		}
	}
	return out
}

// keyed returns "P-" and the first n hex digits of the keyed hash of s.
func keyed(key []byte, s string, n int) string {
	h := hmac.New(sha256.New, key)
	h.Write([]byte("huller pseudonym\x00" + s))
	return "P-" + strings.ToUpper(hex.EncodeToString(h.Sum(nil))[:n])
}

// numbered numbers the identities in the order of a hash keyed with a
// digest of the rosters' content: reproducible for the same rosters, and
// unpredictable for anyone who does not hold them whole (levels included).
func numbered(rs []*roster.Roster, ids []string) map[string]string {
	seed := digest(rs)
	type ranked struct {
		id   string
		rank []byte
	}
	order := make([]ranked, len(ids))
	for i, id := range ids {
		h := hmac.New(sha256.New, seed)
		h.Write([]byte(id))
		order[i] = ranked{id, h.Sum(nil)}
	}
	slices.SortFunc(order, func(a, b ranked) int {
		if c := slices.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	width := max(4, len(fmt.Sprint(len(ids))))
	out := make(map[string]string, len(ids))
	for i, o := range order {
		out[o.id] = fmt.Sprintf("P-%0*d", width, i+1)
	}
	return out
}

// digest hashes the persons of the rosters (identity, name, team, role and
// levels), independently of their order.
func digest(rs []*roster.Roster) []byte {
	var sums [][]byte
	for _, r := range rs {
		for i := range r.Persons {
			p := &r.Persons[i]
			h := sha256.New()
			for _, s := range []string{identity(p), p.Name, p.ID, p.Team, p.Role} {
				var n [8]byte
				binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
				h.Write(n[:])
				h.Write([]byte(s))
			}
			for _, v := range p.Scores {
				h.Write([]byte{byte(v)})
			}
			sums = append(sums, h.Sum(nil))
		}
	}
	slices.SortFunc(sums, slices.Compare)
	h := sha256.New()
	h.Write([]byte("huller numbering\x00"))
	for _, s := range sums {
		h.Write(s)
	}
	return h.Sum(nil)
}

// replacer returns a function replacing every whole-word mention of a name
// or id of m by its pseudonym, longest first.
func replacer(m Mapping) func(string) string {
	type pair struct{ from, to string }
	var pairs []pair
	for _, e := range m {
		for _, s := range []string{e.Name, e.ID} {
			if s = strings.TrimSpace(s); s != "" {
				pairs = append(pairs, pair{s, e.Pseudonym})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return len(b.from) - len(a.from) })
	return func(text string) string {
		changed := false
		for _, p := range pairs {
			if strings.Contains(text, p.from) {
				text = replaceWord(text, p.from, p.to)
				changed = true
			}
		}
		if changed {
			text = rowAfter.ReplaceAllString(text, "$1")
		}
		return text
	}
}

// rowAfter matches a pseudonym followed by the person's row in the roster
// ("P-0003 (row 7)"): the row would say where the person stands in the
// roster, which is often sorted by name.
var rowAfter = regexp.MustCompile(`(P-[0-9A-F]{4,16}) \((?:row|line) [0-9]+\)`)

// replaceWord replaces the mentions of word in s that stand alone (not
// inside a longer word).
func replaceWord(s, word, to string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, word)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(word):])
		b.WriteString(s[:i])
		if i > 0 && isWord(before) || i+len(word) < len(s) && isWord(after) {
			b.WriteString(word)
		} else {
			b.WriteString(to)
		}
		s = s[i+len(word):]
	}
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// ParseKey reads a key as a user gives it (a key file's content or the
// HULLER_KEY variable): surrounding white space is ignored.
func ParseKey(b []byte) ([]byte, error) {
	k := []byte(strings.TrimSpace(string(b)))
	if len(k) == 0 {
		return nil, errors.New("the pseudonymisation key is empty")
	}
	return k, nil
}

// pseudonym matches a pseudonym as huller makes them: keyed (8 or 16
// hexadecimal digits) or numbered (4 digits or more).
var pseudonym = regexp.MustCompile(`^P-(?:[0-9A-F]{8}|[0-9A-F]{16}|[0-9]{4,})$`)

// IsPseudonym reports whether s is a pseudonym as huller makes them.
func IsPseudonym(s string) bool { return pseudonym.MatchString(s) }
