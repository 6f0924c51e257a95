package catalog

import (
	"fmt"
	"slices"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/suggest"
)

// Check validates c against fw and resolves the competences of every course
// to fw's leaves (Course.Leaves). A catalog is written for fw when it names
// fw's id, or the framework fw extends; in the second case a competence the
// extension removed is dropped with a warning, not refused. A catalog that
// names no framework (a spreadsheet without the record) is taken to be
// written for fw. Courses with errors keep no leaves.
func Check(c *Catalog, fw *framework.Framework) framework.Diagnostics {
	ch := &checker{c: c, fw: fw}
	ch.framework()
	ids := allIDs(fw)
	for _, cr := range c.Courses {
		ch.course(cr, ids)
	}
	return ch.diags
}

type checker struct {
	c     *Catalog
	fw    *framework.Framework
	diags framework.Diagnostics
	base  bool // written for the framework fw extends
}

func (ch *checker) add(sev framework.Severity, pos framework.Pos, format string, args ...any) {
	ch.diags = append(ch.diags, framework.Diagnostic{Pos: pos, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// framework checks that the catalog is written for fw.
func (ch *checker) framework() {
	c, fw := ch.c, ch.fw
	switch {
	case c.Framework == "" || c.Framework == fw.ID:
	case c.Framework == fw.Extends:
		ch.base = true
	default:
		ch.add(framework.Error, c.FrameworkPos,
			"the catalog is written for framework %q, not for %q (the framework in use); plan with --framework %s, or use a catalog written for %s",
			c.Framework, fw.ID, c.Framework, fw.ID)
	}
}

// allIDs returns the ids of every node of fw, for "did you mean".
func allIDs(fw *framework.Framework) []string {
	var ids []string
	for _, n := range fw.Nodes() {
		ids = append(ids, n.ID)
	}
	return ids
}

// course checks a course's effects and resolves them to leaves: a deeper
// node overrides a group it lies in.
func (ch *checker) course(cr *Course, ids []string) {
	fw := ch.fw
	lo := fw.MinLevel()
	type set struct {
		eff   LeafEffect
		depth int
	}
	byLeaf := map[int]set{}
	seen := map[string]framework.Pos{}
	ok := true
	for _, e := range cr.Develops {
		n := fw.Node(e.Competence)
		if first, dup := seen[e.Competence]; dup {
			ch.add(framework.Error, e.Pos, "course %q lists competence %q twice (first at %d:%d)", cr.ID, e.Competence, first.Line, first.Col)
			ok = false
			continue
		}
		seen[e.Competence] = e.Pos
		if n == nil {
			if ch.base {
				ch.add(framework.Warning, e.Pos, "competence %q is not in framework %s (it extends %s and leaves it out): this entry of course %q is ignored",
					e.Competence, fw.ID, fw.Extends, cr.ID)
				continue
			}
			ch.add(framework.Error, e.Pos, "course %q develops %q, which is no competence of framework %s%s",
				cr.ID, e.Competence, fw.ID, suggest.DidYouMean(e.Competence, ids))
			ok = false
			continue
		}
		from := lo
		if e.HasFrom {
			from = e.From
		}
		if !ch.onScale(e.To, e.ToPos, "to", cr) || e.HasFrom && !ch.onScale(e.From, e.FromPos, "from", cr) {
			ok = false
			continue
		}
		switch {
		case e.To <= from && e.HasFrom:
			ch.add(framework.Error, e.ToPos, "course %q: `to` (%d) must be above `from` (%d) for %q: a participant at level `from` or above reaches level `to`",
				cr.ID, e.To, e.From, e.Competence)
			ok = false
			continue
		case e.To <= lo:
			ch.add(framework.Error, e.ToPos, "course %q: `to` (%d) for %q is the scale's lowest level; a course raises participants above it",
				cr.ID, e.To, e.Competence)
			ok = false
			continue
		}
		for _, l := range n.Leaves {
			if s, has := byLeaf[l.Leaf]; !has || n.Depth >= s.depth {
				byLeaf[l.Leaf] = set{LeafEffect{Leaf: l.Leaf, From: from, To: e.To}, n.Depth}
			}
		}
	}
	cr.Leaves = nil
	if !ok {
		return
	}
	for _, s := range byLeaf {
		cr.Leaves = append(cr.Leaves, s.eff)
	}
	slices.SortFunc(cr.Leaves, func(a, b LeafEffect) int { return a.Leaf - b.Leaf })
}

// onScale reports a level outside the scale.
func (ch *checker) onScale(level int, pos framework.Pos, what string, cr *Course) bool {
	lo, hi := ch.fw.MinLevel(), ch.fw.MaxLevel()
	if level >= lo && level <= hi {
		return true
	}
	ch.add(framework.Error, pos, "course %q: `%s` is %d, which is outside the scale of %s (%d–%d)", cr.ID, what, level, ch.fw.ID, lo, hi)
	return false
}
