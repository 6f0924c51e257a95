package render

import (
	"io"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
)

// FrameworkRow is one framework of a list: its id, title (in the language
// asked for), language and counts.
type FrameworkRow struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Language string `json:"language"`
	framework.Summary
}

// FrameworkList writes a list of frameworks as a table fitting o.Width.
func FrameworkList(w io.Writer, rows []FrameworkRow, o Options) error {
	v := &view{l: lang.For(o.Lang), o: o}
	t := table{header: []string{"ID", "Title", "Lang", "Groups", "Basic", "Profiles", "Items", "Roles"},
		wrap:  []bool{false, true, false, false, false, false, false, false},
		right: []bool{false, false, false, true, true, true, true, true}}
	for _, r := range rows {
		t.rows = append(t.rows, []cell{c(r.ID), c(r.Title), c(r.Language), c(v.l.Int(r.Groups)),
			c(v.l.Int(r.BasisLeaves)), c(v.l.Int(r.Profiles)), c(v.l.Int(r.ProfileLeaves)), c(v.l.Int(r.Roles))})
	}
	return v.draw(w, document{tables: []table{t}})
}
