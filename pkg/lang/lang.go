// Package lang is huller's one vocabulary: the languages its own texts are
// written in, every label and sentence it shows (on the terminal, in
// Markdown, in the Excel workbooks), the names of the kinds of findings, and
// how numbers and percentages are written in each language.
//
// A word exists once: the terminal, Markdown and every workbook take it from
// here, so that the same finding has the same name wherever a user meets it.
// Every Term is written in English, Danish and Slovenian; lang_test checks
// that none is missing and that the three agree on their format verbs.
//
// Framework texts (competence names, descriptions) come from the framework
// file, not from here; framework.(*Framework).Text picks their language.
package lang

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Languages are the codes of the languages huller's own texts are written
// in, in the order they are offered.
var Languages = []string{"en", "da", "sl"}

// Check returns an error when code is not one of Languages.
func Check(code string) error {
	for _, l := range Languages {
		if code == l {
			return nil
		}
	}
	return fmt.Errorf("language %q is not one of %s", code, strings.Join(Languages, ", "))
}

// Term is a text of huller's own in every language of Languages. A Term may
// hold fmt verbs; the verbs are the same in every language.
type Term struct {
	text [3]string // en, da, sl
}

// all holds every Term made by t, for the tests.
var all []Term

// t makes a Term from its English, Danish and Slovenian texts.
func t(en, da, sl string) Term {
	tm := Term{[3]string{en, da, sl}}
	all = append(all, tm)
	return tm
}

// Lang is a language to write huller's texts in. Its zero value is English.
type Lang struct {
	code string
	i    int // index into Term.text
}

// For returns the Lang of code; a code huller has no texts in gives English
// texts (framework texts still follow Code).
func For(code string) Lang {
	for i, l := range Languages {
		if code == l {
			return Lang{code, i}
		}
	}
	if code == "" {
		code = "en"
	}
	return Lang{code, 0}
}

// Code returns the language code asked for (which may differ from the
// language of the texts when huller has none in it).
func (l Lang) Code() string {
	if l.code == "" {
		return "en"
	}
	return l.code
}

// English reports whether huller's texts are written in English.
func (l Lang) English() bool { return l.i == 0 }

// T returns the term's text in the language.
func (l Lang) T(tm Term) string { return tm.text[l.i] }

// F formats the term's text with args, as fmt.Sprintf.
func (l Lang) F(tm Term, args ...any) string { return fmt.Sprintf(tm.text[l.i], args...) }

// Noun is a countable noun with its plural forms in every language:
// English and Danish have two forms (one, other), Slovenian four (one, two,
// few, other).
type Noun struct {
	en, da [2]string
	sl     [4]string
}

// Count returns "n noun" with the right plural form, n written as Int.
func (l Lang) Count(no Noun, n int) string {
	return l.Int(n) + " " + l.Plural(n, no)
}

// Plural returns the form of the noun that goes with n.
func (l Lang) Plural(n int, no Noun) string {
	switch l.i {
	case 1:
		return no.da[germanic(n)]
	case 2:
		return no.sl[slovene(n)]
	}
	return no.en[germanic(n)]
}

// germanic: one, other.
func germanic(n int) int {
	if n == 1 || n == -1 {
		return 0
	}
	return 1
}

// slovene: one (1, 101, …), two (2, 102, …), few (3–4, 103–104, …), other.
func slovene(n int) int {
	switch abs(n) % 100 {
	case 1:
		return 0
	case 2:
		return 1
	case 3, 4:
		return 2
	}
	return 3
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Decimal returns the language's decimal separator.
func (l Lang) Decimal() string {
	if l.English() {
		return "."
	}
	return ","
}

// Int writes a whole number with the language's thousands separator:
// 12,345 in English, 12.345 in Danish and Slovenian.
func (l Lang) Int(n int) string {
	s := strconv.Itoa(abs(n))
	if len(s) <= 3 {
		if n < 0 {
			return "-" + s
		}
		return s
	}
	sep := "."
	if l.English() {
		sep = ","
	}
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Number writes x with at most digits decimals (none when x is whole) and
// the language's decimal separator.
func (l Lang) Number(x float64, digits int) string {
	s := strconv.FormatFloat(x, 'f', digits, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return strings.Replace(s, ".", l.Decimal(), 1)
}

// Percent writes a share in [0, 1] as a percentage with digits decimals:
// "81.3%" in English, "81,3 %" in Danish and Slovenian (with a no-break
// space).
func (l Lang) Percent(x float64, digits int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strings.Replace(strconv.FormatFloat(x*100, 'f', digits, 64), ".", l.Decimal(), 1)
	if l.English() {
		return s + "%"
	}
	return s + "\u00a0%"
}

// Share writes a threshold such as 0.8 or 0.75 as a percentage without
// needless decimals ("80%", "75%", "66.7%").
func (l Lang) Share(x float64) string {
	p := x * 100
	if math.Abs(p-math.Round(p)) < 1e-9 {
		return l.Percent(x, 0)
	}
	return l.Percent(x, 1)
}

// Of writes "k of n" ("3 af 4", "3 od 4").
func (l Lang) Of(k, n int) string { return l.F(XofY, l.Int(k), l.Int(n)) }
