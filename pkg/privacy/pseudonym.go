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
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/huller/huller/pkg/roster"
)

// MinKey is the least number of bytes of a key: shorter keys can be guessed.
const MinKey = 16

// Mapping is who each pseudonym stands for, in roster order.
type Mapping []Entry

// Entry is one person and their pseudonym.
type Entry struct {
	Pseudonym, Name, ID string
}

// Pseudonymise replaces every person's name and id in r by a pseudonym
// ("P-7F3A9C21" with a key, "P-0001" numbered without), and every mention of
// a name or id in the roster's warnings. r is changed in place; the mapping
// says who is who. A key shorter than MinKey is refused.
func Pseudonymise(r *roster.Roster, key []byte) (Mapping, error) {
	if key != nil && len(key) < MinKey {
		return nil, fmt.Errorf("the pseudonymisation key has %d bytes; it needs at least %d (use a long random key, e.g. from `openssl rand -hex 32`)", len(key), MinKey)
	}
	m := make(Mapping, len(r.Persons))
	for i := range r.Persons {
		p := &r.Persons[i]
		m[i] = Entry{Name: p.Name, ID: p.ID}
		if key == nil {
			m[i].Pseudonym = fmt.Sprintf("P-%04d", i+1)
		} else {
			m[i].Pseudonym = keyed(key, identity(p), 8)
		}
	}
	if key != nil {
		resolveCollisions(m, r, key)
	}
	replace := replacer(m)
	for i := range r.Persons {
		r.Persons[i].Name, r.Persons[i].ID = m[i].Pseudonym, m[i].Pseudonym
	}
	for i := range r.Warnings {
		r.Warnings[i].Message = replace(r.Warnings[i].Message)
	}
	return m, nil
}

// identity is what a pseudonym is derived from: the id when the roster has
// one, else the name with case and spacing ignored.
func identity(p *roster.Person) string {
	if id := strings.TrimSpace(p.ID); id != "" {
		return "id\x00" + id
	}
	return "name\x00" + strings.Join(strings.Fields(strings.ToLower(p.Name)), " ")
}

// keyed returns "P-" and the first n hex digits of the keyed hash of s.
func keyed(key []byte, s string, n int) string {
	h := hmac.New(sha256.New, key)
	h.Write([]byte("huller pseudonym\x00" + s))
	return "P-" + strings.ToUpper(hex.EncodeToString(h.Sum(nil))[:n])
}

// resolveCollisions gives the persons whose 8-digit pseudonyms collide (one
// chance in 86,000 for two people in a unit of 40) pseudonyms of 16 digits,
// which depend on the person alone and so stay stable.
func resolveCollisions(m Mapping, r *roster.Roster, key []byte) {
	seen := map[string][]int{}
	for i, e := range m {
		seen[e.Pseudonym] = append(seen[e.Pseudonym], i)
	}
	for _, idx := range seen {
		if len(idx) < 2 {
			continue
		}
		for _, i := range idx {
			m[i].Pseudonym = keyed(key, identity(&r.Persons[i]), 16)
		}
	}
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
		for _, p := range pairs {
			text = replaceWord(text, p.from, p.to)
		}
		return text
	}
}

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
