package roster

import (
	"fmt"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/internal/suggest"
)

// longState collects a long-layout roster: one row per person and
// competence, persons and competences in first-seen order.
type longState struct {
	persons map[string]int
	nodes   map[*framework.Node]int
	entries []longEntry
}

type longEntry struct {
	person, col, row int32
	level            int8
	date             Date   // the row's assessed date; 0 when none
	assessor         string // the row's assessor; "" when none
}

func newLongState() *longState {
	return &longState{persons: map[string]int{}, nodes: map[*framework.Node]int{}}
}

func (rd *rosterReader) longRow(rows *spreadsheet.Rows, cells []string) {
	st := &rd.r.Stats
	ls := rd.long
	p, ok := rd.person(rows, cells)
	if !ok {
		return
	}
	key := "name\x00" + strings.ToLower(p.Name)
	if p.ID != "" {
		key = "id\x00" + p.ID
	}
	idx, ok := ls.persons[key]
	if !ok {
		if !rd.room(rows, len(rd.r.Persons)+1, 0) {
			return
		}
		idx = len(rd.r.Persons)
		ls.persons[key] = idx
		rd.r.Persons = append(rd.r.Persons, p)
	} else {
		first := &rd.r.Persons[idx]
		rd.sameAttrs(rows, first, &p)
		if p.Assessed > first.Assessed { // the person's latest assessment
			first.Assessed, first.Assessor = p.Assessed, p.Assessor
		}
	}

	comp := rd.cell(cells, fieldCompetence)
	lvCol := rd.fixed[fieldLevel]
	v := ""
	if lvCol < len(cells) {
		v = cells[lvCol]
	}
	if comp == "" {
		if !isBlank(v) {
			rd.probs.add(rd.where(rows, rd.fixed[fieldCompetence]).String(), "",
				"this row has a level but no competence; fill in the competence id")
		}
		return
	}
	st.CellsFixed++
	n, ok := rd.m.node(comp)
	if !ok {
		w := rd.where(rows, rd.fixed[fieldCompetence]).String()
		if rd.opts.IgnoreUnknown {
			st.CellsFixed--
			st.CellsIgnored++
			if !isBlank(v) {
				st.CellsIgnored++
			}
			rd.ignoredVals[-1]++
			return
		}
		rd.probs.add(w, "comp\x00"+strings.ToLower(comp), "%q is no competence of %s%s; use an id like %q, or --ignore-unknown to skip such rows",
			shorten(comp), rd.fw.ID, suggest.DidYouMean(firstToken(comp), rd.m.ids), rd.fw.Leaves[0].ID)
		return
	}
	col, ok := ls.nodes[n]
	if !ok {
		col = len(rd.r.Columns)
		ls.nodes[n] = col
		rd.r.Columns = append(rd.r.Columns, n)
	}
	lvl, ok := rd.level(rows, lvCol, v)
	if !ok {
		return
	}
	if len(ls.entries) >= rd.opts.maxLong {
		rd.full = true
		rd.probs.add(rd.where(rows, -1).String(), "",
			"the roster has more than %s rows of levels, more than huller keeps in memory in this layout (one row per person and competence); give one row per person and a column per competence, or analyse it in parts",
			commas(int64(rd.opts.maxLong)))
		return
	}
	st.CellsRead++
	ls.entries = append(ls.entries, longEntry{person: int32(idx), col: int32(col), row: int32(p.Row), level: lvl,
		date: p.Assessed, assessor: p.Assessor})
}

// sameAttrs checks that a person's later rows agree with the first.
func (rd *rosterReader) sameAttrs(rows *spreadsheet.Rows, first, p *Person) {
	check := func(f field, a, b string) {
		switch {
		case b == "" || a == b:
		case a == "":
			switch f {
			case fieldRole:
				first.Role = b
			case fieldTeam:
				first.Team = b
			}
		default:
			rd.probs.add(rd.where(rows, rd.fixed[f]).String(), "",
				"%s %q differs from %q on %s for %s; give each person one %s", f.header(), b, a, rd.rowWord(first.Row), first.Name, f.header())
		}
	}
	check(fieldRole, first.Role, p.Role)
	check(fieldTeam, first.Team, p.Team)
	a, b := strings.Join(first.Profiles, ","), strings.Join(p.Profiles, ",")
	if first.Profiles == nil {
		first.Profiles = p.Profiles
	} else {
		check(fieldProfiles, a, b)
	}
}

// finishLong builds the persons' scores from the collected entries.
func (rd *rosterReader) finishLong() {
	ls := rd.long
	n := len(rd.r.Columns)
	dated, attributed := rd.fixed[fieldAssessed] >= 0, rd.fixed[fieldAssessor] >= 0
	// A level takes a byte; its date 4 more and its assessor 16.
	perLevel, with := int64(1), ""
	switch {
	case dated && attributed:
		perLevel, with = 21, ", each with its date and assessor"
	case dated:
		perLevel, with = 5, ", each with its date"
	case attributed:
		perLevel, with = 17, ", each with its assessor"
	}
	if most := rd.opts.maxLevels / perLevel; int64(len(rd.r.Persons))*int64(n) > most {
		rd.probs.add(spreadsheet.Pos{File: rd.r.Source, Sheet: rd.r.Sheet}.String(), "",
			"the roster holds more than %s levels (persons × competences, here %s × %s%s), more than huller keeps in memory; analyse it in parts (by team, say)",
			commas(most), commas(int64(len(rd.r.Persons))), commas(int64(n)), with)
		return
	}
	var firstRow map[[2]int32]int32 // (person, column) → row of its first level; made at the first duplicate
	for i := range rd.r.Persons {
		p := &rd.r.Persons[i]
		s := rd.alloc(n)
		for j := range s {
			s[j] = Unassessed
		}
		p.Scores = s
		if dated {
			p.Dates = make([]Date, n)
		}
		if attributed {
			p.Assessors = make([]string, n)
		}
	}
	for k, e := range ls.entries {
		p := &rd.r.Persons[e.person]
		if p.Scores[e.col] != Unassessed {
			if firstRow == nil {
				firstRow = map[[2]int32]int32{}
				for _, f := range ls.entries[:k] {
					if _, ok := firstRow[[2]int32{f.person, f.col}]; !ok {
						firstRow[[2]int32{f.person, f.col}] = f.row
					}
				}
			}
			first := firstRow[[2]int32{e.person, e.col}]
			rd.probs.add(spreadsheet.Pos{File: rd.r.Source, Sheet: rd.r.Sheet}.String(), "",
				"%s has two levels for competence %s (%s and %s); keep one", p.Name, rd.r.Columns[e.col].ID,
				rd.rowWord(int(first)), rd.rowWord(int(e.row)))
			continue
		}
		p.Scores[e.col] = e.level
		if firstRow != nil {
			firstRow[[2]int32{e.person, e.col}] = e.row
		}
		if p.Dates != nil {
			p.Dates[e.col] = e.date
		}
		if p.Assessors != nil {
			p.Assessors[e.col] = e.assessor
		}
	}
	for _, p := range rd.r.Persons {
		if p.Role == "" && rd.fixed[fieldRole] >= 0 {
			rd.noRoleCount++
			if len(rd.noRole) < 5 {
				rd.noRole = append(rd.noRole, rd.rowWord(p.Row))
			}
		}
		assessed := false
		for _, s := range p.Scores {
			assessed = assessed || s != Unassessed
		}
		if !assessed {
			rd.unassessedN++
			if len(rd.unassessed) < 5 {
				rd.unassessed = append(rd.unassessed, fmt.Sprintf("%s (%s)", p.Name, rd.rowWord(p.Row)))
			}
		}
	}
}
