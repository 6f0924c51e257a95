package roster

import (
	"strings"

	"github.com/huller/huller/pkg/framework"
)

// maxTextChecks bounds how many competence headers have their text checked
// against the framework's names (each check reads every leaf's names).
const maxTextChecks = 1000

// headerText checks the text after the id of a competence header ("1.3
// Kendskab til …") against the competence's names in every language: when
// it does not read as the competence's name but as another competence's,
// the roster was likely made from another version of the framework, whose
// ids were renumbered, and the scores would land under the wrong
// competence. It returns a warning, or "" when the text agrees, is too
// short to tell, or reads as no competence (a user's own wording).
func (rd *rosterReader) headerText(h string, n *framework.Node) string {
	if rd.textChecks >= maxTextChecks {
		return ""
	}
	first := firstToken(h)
	if !strings.EqualFold(first, n.ID) {
		return "" // named by its full name, not by its id
	}
	text := normName(strings.TrimSpace(strings.TrimSpace(h)[len(first):]))
	if len([]rune(text)) < 8 {
		return ""
	}
	rd.textChecks++
	if namedBy(n, text) {
		return ""
	}
	for _, o := range rd.fw.Nodes() {
		if o != n && namedBy(o, text) {
			return "the header names competence " + n.ID + " by its id, but its text is the name of " + o.ID +
				" (" + quoteName(rd.fw.Text(o.Name, rd.fw.Language)) + "): a roster made for another version of " + rd.fw.ID +
				" may hold these levels under the wrong id; check that the column's levels are for " + n.ID + " " +
				quoteName(rd.fw.Text(n.Name, rd.fw.Language)) + ", and write only the id as its header"
		}
	}
	return ""
}

// namedBy reports whether text (normalised) is one of n's names or
// statements, or the start of one, in any language: a template's header
// shortens a long name with " …".
func namedBy(n *framework.Node, text string) bool {
	for _, t := range []framework.Text{n.Name, n.Statement} {
		for _, s := range t {
			s = normName(s)
			if s != "" && (strings.HasPrefix(s, text) || strings.HasPrefix(text, s)) {
				return true
			}
		}
	}
	return false
}

// normName lower-cases s, joins its white space and drops a trailing
// ellipsis and punctuation.
func normName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimSuffix(s, "…")
	s = strings.TrimSuffix(s, "...")
	return strings.TrimRight(s, " ,;:.–-")
}

// quoteName quotes a name for a message, shortened.
func quoteName(s string) string { return "\"" + shorten(s) + "\"" }
