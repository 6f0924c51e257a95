package roster

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/internal/spreadsheet"
	"github.com/huller/huller/pkg/internal/suggest"
)

// ReadRequirements reads required levels per role from a --requirements
// file: a table (CSV, or xlsx with a sheet named Requirements or Krav, else
// its first sheet; opts.Sheet picks another) with one row per role, a role
// column and one column per basic competence id, like a roster; or YAML
// (.yaml or .yml), a map of role to a map of competence id to level:
//
//	jobkonsulent:
//	  "1": 2
//	  "2.3": 3
//
// Role cells are matched to the framework's roles by id or name; other
// roles are new roles, named as written. A level on a group applies to the
// leaves below it (deeper keys override, as in the framework). Blank cells
// and not-assessed marks set no requirement. The map has one entry per role.
func ReadRequirements(src Source, fw *framework.Framework, opts Options) (map[string][]framework.Requirement, []Warning, error) {
	name := src.DisplayName()
	if src.R == nil {
		switch strings.ToLower(filepath.Ext(src.Path)) {
		case ".yaml", ".yml":
			data, err := readFileLimited(src.Path, 16<<20)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", name, err)
			}
			reqs, _, err := parseRequirementsYAML(name, data, fw, opts)
			return reqs, nil, err
		}
	}
	f, err := spreadsheet.Open(src, opts.Table)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sheet := ""
	if f.Format() == spreadsheet.XLSX {
		switch s, ok := f.FindSheet(requirementsSheets...); {
		case opts.Sheet != "":
			sheet = opts.Sheet
		case ok:
			sheet = s
		default:
			sheet = f.FirstSheet()
		}
	}
	reqs, _, warns, err := readRequirementsTable(f, sheet, fw, opts, false)
	return reqs, warns, err
}

// readRequirementsSheet reads the Requirements sheet of a roster workbook.
// A sheet of that name without a role column (notes, say) is passed over
// with a warning.
func readRequirementsSheet(f *spreadsheet.File, sheet string, fw *framework.Framework, opts Options) (map[string][]framework.Requirement, []string, []Warning, error) {
	return readRequirementsTable(f, sheet, fw, opts, true)
}

// reqReader reads a requirements table.
type reqReader struct {
	file, sheet string
	fw          *framework.Framework
	m           *matcher
	opts        Options
	probs       *problems
	roleCol     int
	labelCol    int
	nodeCols    map[int]*framework.Node
	headers     map[int]string
	ignored     []int
	reqs        map[string][]framework.Requirement
	order       []string
	rowOf       map[string]int
	warns       []Warning
}

func readRequirementsTable(f *spreadsheet.File, sheet string, fw *framework.Framework, opts Options, lenient bool) (map[string][]framework.Requirement, []string, []Warning, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, nil, err
	}
	defer rows.Close()
	rr := &reqReader{
		file: f.Name(), sheet: rows.Sheet(), fw: fw, m: newMatcher(fw, nil), opts: opts,
		probs: newProblems(f.Name(), opts.MaxErrors), roleCol: -1, labelCol: -1,
		nodeCols: map[int]*framework.Node{}, headers: map[int]string{},
		reqs: map[string][]framework.Requirement{}, rowOf: map[string]int{},
	}
	if !rr.header(rows) {
		if err := rows.Err(); err != nil {
			return nil, nil, nil, err
		}
		if lenient && rr.roleCol < 0 {
			w := Warning{Where: spreadsheet.Pos{File: rr.file, Sheet: rr.sheet}.String(),
				Message: "has no role column, so it was not read as requirements; head it with role and competence ids to use it"}
			return nil, nil, []Warning{w}, nil
		}
		return nil, nil, nil, rr.probs.err()
	}
	for rows.Next() {
		rr.row(rows)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, nil, err
	}
	if err := rr.probs.err(); err != nil {
		return nil, nil, nil, err
	}
	return rr.reqs, rr.order, rr.warns, nil
}

func (rr *reqReader) where(rows *spreadsheet.Rows, col int) string {
	p := rows.Pos(col)
	p.Header = rr.headers[col]
	return p.String()
}

func (rr *reqReader) header(rows *spreadsheet.Rows) bool {
	for seen := 0; seen < maxTitleRows && rows.Next(); {
		cells := rows.Cells()
		if isBlankRow(cells) {
			continue
		}
		seen++
		roleCol := -1
		for i, c := range cells {
			if fieldOf(c) == fieldRole {
				roleCol = i
				break
			}
		}
		if roleCol < 0 {
			continue
		}
		rr.roleCol = roleCol
		for col, raw := range cells {
			h := strings.TrimSpace(raw)
			if col == roleCol || h == "" {
				continue
			}
			rr.headers[col] = shorten(h)
			at := rows.Pos(col)
			at.Header = shorten(h)
			switch fieldOf(h) {
			case fieldLabel, fieldName:
				if rr.labelCol < 0 {
					rr.labelCol = col
					continue
				}
			}
			n, ok := rr.m.node(h)
			switch {
			case !ok:
				if rr.opts.IgnoreUnknown {
					rr.ignored = append(rr.ignored, col)
					rr.warns = append(rr.warns, Warning{Where: at.String(),
						Message: fmt.Sprintf("ignored column %q: it names no competence of %s", shorten(h), rr.fw.ID)})
					continue
				}
				rr.probs.add(at.String(), "", "column %q names no basic competence of %s%s; rename or delete it, or use --ignore-unknown to skip it",
					shorten(h), rr.fw.ID, suggest.DidYouMean(firstToken(h), rr.m.ids))
			case n.Area != framework.Basis:
				rr.probs.add(at.String(), "", "column %q is %s %s; requirements apply to basic competences only (profiles have targets)",
					shorten(h), article(n.Kind()), n.Kind())
			default:
				dup := false
				for c, other := range rr.nodeCols {
					if other == n {
						rr.probs.add(at.String(), "", "a second column for competence %s (the first is %s); keep one", n.ID, headerName(rows, c))
						dup = true
					}
				}
				if !dup {
					rr.nodeCols[col] = n
					rr.headers[col] = n.ID
				}
			}
		}
		return rr.probs.empty()
	}
	where := spreadsheet.Pos{File: rr.file, Sheet: rr.sheet}
	rr.probs.add(where.String(), "", "no role column: none of the first %d rows has a column headed role (or rolle, vloga); add a header row with role and one column per competence id", maxTitleRows)
	return false
}

func article(kind string) string {
	if strings.IndexByte("aeiou", kind[0]) >= 0 {
		return "an"
	}
	return "a"
}

func headerName(rows *spreadsheet.Rows, col int) string {
	if rows.Sheet() != "" {
		return "column " + spreadsheet.ColumnName(col)
	}
	return fmt.Sprintf("column %d", col+1)
}

func (rr *reqReader) row(rows *spreadsheet.Rows) {
	cells := rows.Cells()
	if isBlankRow(cells) {
		return
	}
	role := ""
	if rr.roleCol < len(cells) {
		role = strings.TrimSpace(cells[rr.roleCol])
	}
	if role == "" {
		for col := range rr.nodeCols {
			if col < len(cells) && !isBlank(cells[col]) {
				rr.probs.add(rr.where(rows, rr.roleCol), "", "this row has levels but no role; fill in the role id or delete the row")
				return
			}
		}
		return
	}
	id, known := rr.m.role(role)
	if !known {
		id = strings.Clone(role)
		if s := suggest.DidYouMean(role, rr.m.roleIDs); s != "" {
			rr.warns = append(rr.warns, Warning{Where: rr.where(rows, rr.roleCol),
				Message: fmt.Sprintf("role %q is not a role of %s%s; its requirements apply to persons with exactly that role", role, rr.fw.ID, s)})
		}
	}
	if first, dup := rr.rowOf[strings.ToLower(id)]; dup {
		rr.probs.add(rr.where(rows, rr.roleCol), "", "role %q has a second row (the first is %s %d); keep one", id, rowWordFor(rows), first)
		return
	}
	rr.rowOf[strings.ToLower(id)] = rowRef(rows)
	cols := make([]int, 0, len(rr.nodeCols))
	for col := range rr.nodeCols {
		cols = append(cols, col)
	}
	sort.Ints(cols)
	lp := &rr.m.levels
	var reqs []framework.Requirement
	for _, col := range cols {
		if col >= len(cells) || isBlank(cells[col]) {
			continue
		}
		v := cells[col]
		lvl, kind := lp.parse(v)
		switch kind {
		case scoreLevel:
			reqs = append(reqs, framework.Requirement{Node: rr.nodeCols[col].ID, Level: int(lvl),
				Pos: framework.Pos{File: rr.posFile(), Line: rowRef(rows), Col: col + 1}})
		case scoreBlank, scoreMarked:
		case scoreOutside:
			rr.probs.add(rr.where(rows, col), "outside\x00"+v, "%q is outside the scale: levels go from %d to %d", strings.TrimSpace(v), lp.min, lp.max)
		default:
			rr.probs.add(rr.where(rows, col), "bad\x00"+v, "%q is not a level (%s)", shorten(v), lp.hint)
		}
	}
	rr.reqs[id] = reqs
	rr.order = append(rr.order, id)
}

func (rr *reqReader) posFile() string {
	if rr.sheet != "" {
		return fmt.Sprintf("%s (sheet %s)", rr.file, rr.sheet)
	}
	return rr.file
}

func rowWordFor(rows *spreadsheet.Rows) string {
	if rows.Sheet() != "" {
		return "row"
	}
	return "line"
}
