package diff

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/huller/huller/pkg/limits"
)

// PlanSchemaVersion is the version of the plan contract ReadPlan reads:
// the JSON `huller plan --format json` writes.
const PlanSchemaVersion = 1

// SavedPlan is a development plan as `huller plan --format json` writes
// it, read back to follow it up: what was planned for whom.
type SavedPlan struct {
	// File names the plan in messages.
	File string
	// Framework is the id of the framework the plan was made against;
	// Roster the roster it was made from (its file, as the plan names it).
	Framework, Roster string
	// Analysed and Listed are the persons the plan analysed and those it
	// lists (fewer when it was made for one person, --person).
	Analysed, Listed int
	// Persons are the persons the plan names, in the order of their first
	// need (then the leads and colleagues who have none).
	Persons []PlanPerson
	// Needs are the plan's needs, in its order (priority).
	Needs []PlanNeed
	// Joint, Pairs and Runs are the plan's activities: joint activities,
	// colleagues teaching a colleague, course runs; a need's Activity
	// indexes the list of its route.
	Joint []PlanJoint
	Pairs []PlanPair
	Runs  []PlanRun
}

// PlanPerson is a person as a plan names them.
type PlanPerson struct {
	Name, ID string
}

// Routes of a plan's needs, as its contract names them.
const (
	RouteJoint     = "joint"
	RouteColleague = "colleague"
	RouteCourse    = "course"
	RouteDeferred  = "deferred"
	RouteUnmet     = "unmet"
)

// PlanNeed is one need of a plan: a person to raise one competence from
// Level to Goal (Expected: the level the plan expects them to reach).
type PlanNeed struct {
	Person                int // index of SavedPlan.Persons
	Competence, Profile   string
	Level, Goal, Expected int
	Priority              int
	// Route is joint, colleague, course, deferred or unmet; Activity the
	// index of its joint activity, pair or run (-1 for deferred and unmet).
	Route    string
	Activity int
	// Line and Col are where the need starts in the file.
	Line, Col int
}

// PlanJoint is a joint activity of a plan on one competence, for the unit
// (Team "") or a team, led by a colleague.
type PlanJoint struct {
	Competence, Team string
	Lead             int // index of SavedPlan.Persons
}

// PlanPair is a colleague proposed to teach a learner some competences.
type PlanPair struct {
	Colleague, Learner int // indices of SavedPlan.Persons
	Competences        []string
}

// PlanRun is a run of a catalog course.
type PlanRun struct {
	Course string
	No     int
	Cost   int64
}

// The limits of a plan file (limits.PlanFile, …), variables for tests.
var (
	maxPlanFile       = limits.PlanFile
	maxPlanNeeds      = limits.PlanNeeds
	maxPlanActivities = limits.PlanActivities
)

// planError is a problem of a plan file at a place.
type planError struct {
	file      string
	line, col int
	msg       string
}

func (e *planError) Error() string {
	if e.line == 0 {
		return e.file + ": " + e.msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.msg)
}

// Hint says how to fix a plan file.
func (e *planError) Hint() string {
	return "give the file 'huller plan ROSTER --format json' wrote, unedited: huller plan OLD --catalog FILE --format json > plan.json"
}

// planReader reads a plan file held in memory, element by element.
type planReader struct {
	name string
	data []byte
	dec  *json.Decoder
	// the line and column of offset at, computed forward
	at, line, col int
	p             *SavedPlan
	persons       map[PlanPerson]int
	seen          map[string]bool
	version       int
	versionAt     int64 // where a schema_version other than PlanSchemaVersion is; -1 for none
	fw            string
}

// ReadPlan reads a plan as `huller plan --format json` writes it (its
// contract, PlanSchemaVersion; fields it does not know are skipped) from
// r, named name in messages. It reads at most limits.PlanFile bytes (held
// in memory), limits.PlanNeeds needs and limits.PlanActivities activities
// of each kind; every problem is an error naming the file, the line and
// column, and what is wrong.
func ReadPlan(name string, r io.Reader) (*SavedPlan, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(maxPlanFile)+1))
	if err != nil {
		return nil, &planError{file: name, msg: "cannot read: " + err.Error()}
	}
	if len(data) > maxPlanFile {
		return nil, &planError{file: name, msg: fmt.Sprintf("the plan is larger than %d MiB; a plan of 10,000 persons is about 22 MB", maxPlanFile>>20)}
	}
	pr := &planReader{name: name, data: data, dec: json.NewDecoder(bytes.NewReader(data)), line: 1, col: 1,
		p: &SavedPlan{File: name}, persons: map[PlanPerson]int{}, seen: map[string]bool{}, versionAt: -1}
	if err := pr.read(); err != nil {
		return nil, err
	}
	return pr.p, nil
}

// errAt is an error at byte offset off.
func (pr *planReader) errAt(off int64, format string, args ...any) error {
	line, col := pr.pos(int(off))
	return &planError{file: pr.name, line: line, col: col, msg: fmt.Sprintf(format, args...)}
}

// pos returns the line and column (in bytes, from 1) of offset off, at or
// after the last offset asked for.
func (pr *planReader) pos(off int) (int, int) {
	off = min(off, len(pr.data))
	if off < pr.at {
		pr.at, pr.line, pr.col = 0, 1, 1
	}
	for _, c := range pr.data[pr.at:off] {
		if c == '\n' {
			pr.line, pr.col = pr.line+1, 1
		} else {
			pr.col++
		}
	}
	pr.at = off
	return pr.line, pr.col
}

// start returns the offset where the next value starts: after the white
// space, commas and colons the decoder has not consumed yet.
func (pr *planReader) start() int64 {
	off := pr.dec.InputOffset()
	for int(off) < len(pr.data) && strings.IndexByte(" \t\r\n,:", pr.data[off]) >= 0 {
		off++
	}
	return off
}

// syntax turns a decoder's error into one at its place.
func (pr *planReader) syntax(err error, at int64) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return pr.errAt(se.Offset, "not valid JSON: %s", strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &te):
		field := te.Field
		if field == "" {
			field = "the value"
		}
		return pr.errAt(pr.valueAt(at, te), "%s is a JSON %s, not a %s", field, te.Value, jsonKind(te.Type.Kind().String()))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return pr.errAt(int64(len(pr.data)), "the file ends too early: it is cut off")
	}
	return pr.errAt(at, "%s", strings.TrimPrefix(err.Error(), "json: "))
}

// valueAt returns where the value of a type error starts: the offset of
// the error is within the value decoded, which starts at at, and lies
// after the wrong value; the value follows the last key of its field
// before that.
func (pr *planReader) valueAt(at int64, te *json.UnmarshalTypeError) int64 {
	end := min(int(at+te.Offset), len(pr.data))
	if te.Field == "" || end <= int(at) {
		return int64(end)
	}
	name := te.Field[strings.LastIndexByte(te.Field, '.')+1:]
	key := []byte(`"` + name + `"`)
	i := bytes.LastIndex(pr.data[at:end], key)
	if i < 0 {
		return int64(end)
	}
	j := int(at) + i + len(key)
	for j < end && strings.IndexByte(" \t\r\n:", pr.data[j]) >= 0 {
		j++
	}
	return int64(j)
}

func jsonKind(k string) string {
	switch k {
	case "int", "int64", "int32":
		return "whole number"
	case "struct", "map":
		return "object"
	case "slice":
		return "list"
	}
	return k
}

// read reads the top-level object.
func (pr *planReader) read() error {
	if len(bytes.TrimSpace(pr.data)) == 0 {
		return &planError{file: pr.name, msg: "the file is empty; it is not a plan written by 'huller plan --format json'"}
	}
	tok, err := pr.dec.Token()
	if err != nil {
		return pr.syntax(err, 0)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return pr.errAt(0, "a plan is a JSON object ({…}), as 'huller plan --format json' writes it")
	}
	for pr.dec.More() {
		at := pr.start()
		tok, err := pr.dec.Token()
		if err != nil {
			return pr.syntax(err, at)
		}
		key, _ := tok.(string)
		if pr.seen[key] {
			return pr.errAt(at, "%q appears twice", key)
		}
		pr.seen[key] = true
		if err := pr.field(key); err != nil {
			return err
		}
	}
	if _, err := pr.dec.Token(); err != nil {
		return pr.syntax(err, pr.start())
	}
	if at := pr.start(); int(at) < len(pr.data) {
		return pr.errAt(at, "more follows the plan's closing brace")
	}
	return pr.check()
}

// field reads the value of one top-level key.
func (pr *planReader) field(key string) error {
	at := pr.start()
	if pr.versionAt >= 0 { // another version: its fields are not read
		key = ""
	}
	switch key {
	case "schema_version":
		if err := pr.dec.Decode(&pr.version); err != nil {
			return pr.syntax(err, at)
		}
		if pr.version != PlanSchemaVersion {
			pr.versionAt = at // refused at the end: the file may be no plan at all
		}
	case "framework":
		var fw struct {
			ID string `json:"id"`
		}
		if err := pr.dec.Decode(&fw); err != nil {
			return pr.syntax(err, at)
		}
		if fw.ID == "" {
			return pr.errAt(at, "the framework has no id")
		}
		pr.fw, pr.p.Framework = fw.ID, fw.ID
	case "roster":
		var ro struct {
			File     string `json:"file"`
			Analysed int    `json:"analysed"`
			Listed   int    `json:"listed"`
		}
		if err := pr.dec.Decode(&ro); err != nil {
			return pr.syntax(err, at)
		}
		pr.p.Roster, pr.p.Analysed, pr.p.Listed = ro.File, ro.Analysed, ro.Listed
	case "needs":
		return pr.list(key, maxPlanNeeds, pr.need)
	case "joint":
		return pr.list(key, maxPlanActivities, pr.joint)
	case "colleagues":
		return pr.list(key, maxPlanActivities, pr.pair)
	case "runs":
		return pr.list(key, maxPlanActivities, pr.run)
	default: // a field this reader does not need, or one added later
		var skip json.RawMessage
		if err := pr.dec.Decode(&skip); err != nil {
			return pr.syntax(err, at)
		}
	}
	return nil
}

// list reads a JSON array of at most max elements, each with elem.
func (pr *planReader) list(key string, max int, elem func(k int, at int64) error) error {
	at := pr.start()
	tok, err := pr.dec.Token()
	if err != nil {
		return pr.syntax(err, at)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return pr.errAt(at, "%q is a list ([…]) in a plan", key)
	}
	for k := 0; pr.dec.More(); k++ {
		if k == max {
			return pr.errAt(pr.start(), "%q has more than %d entries, more than huller reads in a plan", key, max)
		}
		if err := elem(k, pr.start()); err != nil {
			return err
		}
	}
	if _, err := pr.dec.Token(); err != nil {
		return pr.syntax(err, pr.start())
	}
	return nil
}

type jsonPlanName struct {
	Name string `json:"name"`
	ID   string `json:"id"`
}

// person returns the index of a person named in the plan, adding them.
func (pr *planReader) person(n jsonPlanName) int {
	key := PlanPerson(n)
	if i, ok := pr.persons[key]; ok {
		return i
	}
	pr.persons[key] = len(pr.p.Persons)
	pr.p.Persons = append(pr.p.Persons, key)
	return len(pr.p.Persons) - 1
}

func (pr *planReader) need(k int, at int64) error {
	var n struct {
		jsonPlanName
		Competence string `json:"competence"`
		Profile    string `json:"profile"`
		Level      *int   `json:"level"`
		Goal       *int   `json:"goal"`
		Expected   *int   `json:"expected"`
		Priority   int    `json:"priority"`
		Route      string `json:"route"`
		Activity   *int   `json:"activity"`
	}
	if err := pr.dec.Decode(&n); err != nil {
		return pr.syntax(err, at)
	}
	where := fmt.Sprintf("need %d", k+1)
	hi := limits.ScaleMaxLevel
	switch {
	case n.Name == "" && n.ID == "":
		return pr.errAt(at, "%s has neither a name nor an id", where)
	case n.Competence == "":
		return pr.errAt(at, "%s has no competence", where)
	case n.Level == nil || n.Goal == nil || n.Expected == nil:
		return pr.errAt(at, "%s lacks its level, goal or expected level", where)
	case *n.Level < 0 || *n.Goal > hi || *n.Level >= *n.Goal:
		return pr.errAt(at, "%s: level %d and goal %d: a need's goal is above its level, both from 0 to %d", where, *n.Level, *n.Goal, hi)
	case *n.Expected < *n.Level || *n.Expected > hi:
		return pr.errAt(at, "%s: expected level %d is below its level %d or above %d", where, *n.Expected, *n.Level, hi)
	}
	act := -1
	switch n.Route {
	case RouteJoint, RouteColleague, RouteCourse:
		if n.Activity == nil || *n.Activity < 0 {
			return pr.errAt(at, "%s goes by %s but names no activity (an index from 0)", where, n.Route)
		}
		act = *n.Activity
	case RouteDeferred, RouteUnmet:
	default:
		return pr.errAt(at, "%s: route %q is not one of joint, colleague, course, deferred, unmet", where, n.Route)
	}
	line, col := pr.pos(int(at))
	pr.p.Needs = append(pr.p.Needs, PlanNeed{Person: pr.person(n.jsonPlanName), Competence: n.Competence, Profile: n.Profile,
		Level: *n.Level, Goal: *n.Goal, Expected: *n.Expected, Priority: n.Priority, Route: n.Route, Activity: act,
		Line: line, Col: col})
	return nil
}

func (pr *planReader) joint(k int, at int64) error {
	var j struct {
		Competence string        `json:"competence"`
		Team       *string       `json:"team"`
		Lead       *jsonPlanName `json:"lead"`
	}
	if err := pr.dec.Decode(&j); err != nil {
		return pr.syntax(err, at)
	}
	if j.Competence == "" || j.Lead == nil || j.Lead.Name == "" && j.Lead.ID == "" {
		return pr.errAt(at, "joint activity %d lacks its competence or its lead", k+1)
	}
	team := ""
	if j.Team != nil {
		team = *j.Team
	}
	pr.p.Joint = append(pr.p.Joint, PlanJoint{Competence: j.Competence, Team: team, Lead: pr.person(*j.Lead)})
	return nil
}

func (pr *planReader) pair(k int, at int64) error {
	var c struct {
		Colleague   *jsonPlanName `json:"colleague"`
		Learner     *jsonPlanName `json:"learner"`
		Competences []string      `json:"competences"`
	}
	if err := pr.dec.Decode(&c); err != nil {
		return pr.syntax(err, at)
	}
	if c.Colleague == nil || c.Learner == nil || c.Colleague.Name == "" && c.Colleague.ID == "" ||
		c.Learner.Name == "" && c.Learner.ID == "" || len(c.Competences) == 0 {
		return pr.errAt(at, "colleague pair %d lacks its colleague, its learner or its competences", k+1)
	}
	pr.p.Pairs = append(pr.p.Pairs, PlanPair{Colleague: pr.person(*c.Colleague), Learner: pr.person(*c.Learner), Competences: c.Competences})
	return nil
}

func (pr *planReader) run(k int, at int64) error {
	var r struct {
		Course string `json:"course"`
		Run    int    `json:"run"`
		Cost   int64  `json:"cost"`
	}
	if err := pr.dec.Decode(&r); err != nil {
		return pr.syntax(err, at)
	}
	if r.Course == "" || r.Run < 1 {
		return pr.errAt(at, "course run %d lacks its course or its number (from 1)", k+1)
	}
	pr.p.Runs = append(pr.p.Runs, PlanRun{Course: r.Course, No: r.Run, Cost: r.Cost})
	return nil
}

// check checks what the plan holds as a whole: the keys it must have, and
// that each need's activity exists and is about that need.
func (pr *planReader) check() error {
	for _, key := range []string{"needs", "schema_version", "framework", "joint", "colleagues", "runs"} {
		if !pr.seen[key] {
			return &planError{file: pr.name, msg: fmt.Sprintf("it has no %q: it is not a plan written by 'huller plan --format json'", key)}
		}
		if key == "schema_version" && pr.versionAt >= 0 {
			hint := "made by a newer huller: update huller to read it"
			if pr.version < PlanSchemaVersion {
				hint = "not a plan version huller knows"
			}
			return pr.errAt(pr.versionAt, "schema_version %d: this huller reads plans of schema_version %d (%s)", pr.version, PlanSchemaVersion, hint)
		}
	}
	p := pr.p
	for k, n := range p.Needs {
		bad := func(format string, args ...any) error {
			return &planError{file: pr.name, line: n.Line, col: n.Col, msg: fmt.Sprintf("need %d: ", k+1) + fmt.Sprintf(format, args...)}
		}
		switch n.Route {
		case RouteJoint:
			if n.Activity >= len(p.Joint) {
				return bad("joint activity %d is not in \"joint\" (%d there)", n.Activity, len(p.Joint))
			}
			if c := p.Joint[n.Activity].Competence; c != n.Competence {
				return bad("its joint activity %d is on %s, not on %s", n.Activity, c, n.Competence)
			}
		case RouteColleague:
			if n.Activity >= len(p.Pairs) {
				return bad("colleague pair %d is not in \"colleagues\" (%d there)", n.Activity, len(p.Pairs))
			}
			if pp := p.Pairs[n.Activity]; pp.Learner != n.Person {
				return bad("its colleague pair %d is for %s, not for %s", n.Activity, p.Persons[pp.Learner].Name, p.Persons[n.Person].Name)
			}
		case RouteCourse:
			if n.Activity >= len(p.Runs) {
				return bad("course run %d is not in \"runs\" (%d there)", n.Activity, len(p.Runs))
			}
		}
	}
	return nil
}
