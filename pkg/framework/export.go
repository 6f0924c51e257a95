package framework

import "encoding/json"

// Summary counts a framework's parts.
type Summary struct {
	Groups        int `json:"groups"`
	BasisLeaves   int `json:"basis_leaves"`
	Profiles      int `json:"profiles"`
	ProfileLeaves int `json:"profile_leaves"`
	Roles         int `json:"roles"`
}

// Summary returns the framework's counts.
func (f *Framework) Summary() Summary {
	return Summary{
		Groups:        len(f.Basis),
		BasisLeaves:   len(f.BasisLeaves),
		Profiles:      len(f.Profiles),
		ProfileLeaves: len(f.Leaves) - len(f.BasisLeaves),
		Roles:         len(f.Roles),
	}
}

// Document is the framework in the shape of its YAML format, resolved (no
// extends): what `huller frameworks show --format json|yaml` prints. It
// parses back into the same framework, origins included: Origin is the
// document's default, and a value whose origin differs says its own (a
// level, note or role with `origin`, a requirement, default or list of
// learning goals in the long form `{value: …, origin: …}`).
type Document struct {
	ID                string            `json:"id" yaml:"id"`
	Title             Text              `json:"title" yaml:"title"`
	Language          string            `json:"language" yaml:"language"`
	Source            *DocSource        `json:"source,omitempty" yaml:"source,omitempty"`
	Description       Text              `json:"description,omitempty" yaml:"description,omitempty"`
	Origin            string            `json:"origin,omitempty" yaml:"origin,omitempty"`
	Scale             []DocLevel        `json:"scale" yaml:"scale"`
	Defaults          DocDefaults       `json:"defaults" yaml:"defaults"`
	Basis             []*DocNode        `json:"basis,omitempty" yaml:"basis,omitempty"`
	Profiles          []*DocNode        `json:"profiles,omitempty" yaml:"profiles,omitempty"`
	Roles             []DocRole         `json:"roles,omitempty" yaml:"roles,omitempty"`
	TargetGroups      []*DocTargetGroup `json:"target_groups,omitempty" yaml:"target_groups,omitempty"`
	LearningGoalTypes []DocGoalType     `json:"learning_goal_types,omitempty" yaml:"learning_goal_types,omitempty"`
	Notes             []DocNote         `json:"notes,omitempty" yaml:"notes,omitempty"`
	Metadata          map[string]any    `json:"metadata,omitempty" yaml:"metadata,omitempty"`
}

// DocSource is Source with YAML field names.
type DocSource struct {
	Title     string `json:"title,omitempty" yaml:"title,omitempty"`
	Publisher string `json:"publisher,omitempty" yaml:"publisher,omitempty"`
	Year      int    `json:"year,omitempty" yaml:"year,omitempty"`
	URL       string `json:"url,omitempty" yaml:"url,omitempty"`
}

// Valued is a value that may carry its own origin: printed as the plain
// value, or as `{value: …, origin: …}` when Origin is set.
type Valued[T any] struct {
	Value  T
	Origin string
}

type longForm[T any] struct {
	Value  T      `json:"value" yaml:"value"`
	Origin string `json:"origin" yaml:"origin"`
}

// MarshalJSON prints the plain value, or the long form with its origin.
func (v Valued[T]) MarshalJSON() ([]byte, error) {
	if v.Origin == "" {
		return json.Marshal(v.Value)
	}
	return json.Marshal(longForm[T](v))
}

// MarshalYAML prints the plain value, or the long form with its origin.
func (v Valued[T]) MarshalYAML() (any, error) {
	if v.Origin == "" {
		return v.Value, nil
	}
	return longForm[T](v), nil
}

// DocLevel is a scale level.
type DocLevel struct {
	Level       int    `json:"level" yaml:"level"`
	Label       Text   `json:"label" yaml:"label"`
	Description Text   `json:"description,omitempty" yaml:"description,omitempty"`
	Teaches     bool   `json:"teaches,omitempty" yaml:"teaches,omitempty"`
	Origin      string `json:"origin,omitempty" yaml:"origin,omitempty"`
}

// DocDefaults are the defaults.
type DocDefaults struct {
	Required Valued[int]     `json:"required" yaml:"required"`
	Target   Valued[int]     `json:"target" yaml:"target"`
	Fit      Valued[float64] `json:"fit" yaml:"fit"`
	Origin   string          `json:"origin,omitempty" yaml:"origin,omitempty"`
}

// DocNode is a node of the basis or a profile.
type DocNode struct {
	ID            string                  `json:"id" yaml:"id"`
	Name          Text                    `json:"name" yaml:"name"`
	Statement     Text                    `json:"statement,omitempty" yaml:"statement,omitempty"`
	Focus         Text                    `json:"focus,omitempty" yaml:"focus,omitempty"`
	Description   Text                    `json:"description,omitempty" yaml:"description,omitempty"`
	Indicators    []Text                  `json:"indicators,omitempty" yaml:"indicators,omitempty"`
	Note          *Valued[Text]           `json:"note,omitempty" yaml:"note,omitempty"`
	LearningGoals *Valued[[]LearningGoal] `json:"learning_goals,omitempty" yaml:"learning_goals,omitempty"`
	Target        *int                    `json:"target,omitempty" yaml:"target,omitempty"`
	Fit           *float64                `json:"fit,omitempty" yaml:"fit,omitempty"`
	Need          *int                    `json:"need,omitempty" yaml:"need,omitempty"`
	Specialists   *int                    `json:"specialists,omitempty" yaml:"specialists,omitempty"`
	Items         []*DocNode              `json:"items,omitempty" yaml:"items,omitempty"`
}

// DocRole is a role.
type DocRole struct {
	ID          string                 `json:"id" yaml:"id"`
	Name        Text                   `json:"name" yaml:"name"`
	Statement   Text                   `json:"statement,omitempty" yaml:"statement,omitempty"`
	Description Text                   `json:"description,omitempty" yaml:"description,omitempty"`
	Origin      string                 `json:"origin,omitempty" yaml:"origin,omitempty"`
	Requires    map[string]Valued[int] `json:"requires,omitempty" yaml:"requires,omitempty"`
	Profiles    []string               `json:"profiles,omitempty" yaml:"profiles,omitempty"`
}

// DocTargetGroup is a target group.
type DocTargetGroup struct {
	Name        Text              `json:"name" yaml:"name"`
	Description Text              `json:"description,omitempty" yaml:"description,omitempty"`
	Profile     string            `json:"profile,omitempty" yaml:"profile,omitempty"`
	Items       []*DocTargetGroup `json:"items,omitempty" yaml:"items,omitempty"`
}

// DocGoalType describes a kind of learning goal.
type DocGoalType struct {
	Type        LearningGoal `json:"type" yaml:"type"`
	Name        Text         `json:"name" yaml:"name"`
	Description Text         `json:"description,omitempty" yaml:"description,omitempty"`
}

// DocNote is a note.
type DocNote struct {
	ID        string `json:"id" yaml:"id"`
	Title     Text   `json:"title" yaml:"title"`
	Text      Text   `json:"text,omitempty" yaml:"text,omitempty"`
	Statement Text   `json:"statement,omitempty" yaml:"statement,omitempty"`
	Origin    string `json:"origin,omitempty" yaml:"origin,omitempty"`
}

// Document returns the framework as a document.
func (f *Framework) Document() *Document {
	def := f.Origin
	d := &Document{
		ID: f.ID, Title: f.Title, Language: f.Language, Description: f.Description,
		Origin:   ownOrigin(def, OriginLocal),
		Metadata: f.Metadata,
	}
	if f.Source != (Source{}) {
		d.Source = &DocSource{f.Source.Title, f.Source.Publisher, f.Source.Year, f.Source.URL}
	}
	for _, l := range f.Scale {
		d.Scale = append(d.Scale, DocLevel{l.Level, l.Label, l.Description, l.Teaches, ownOrigin(l.Origin, def)})
	}
	d.Defaults = f.docDefaults()
	for _, n := range f.Basis {
		d.Basis = append(d.Basis, docNode(n, def))
	}
	for _, n := range f.Profiles {
		d.Profiles = append(d.Profiles, docNode(n, def))
	}
	for _, r := range f.Roles {
		d.Roles = append(d.Roles, docRole(r, def))
	}
	d.TargetGroups = docTargetGroups(f.TargetGroups)
	for _, t := range f.LearningGoalTypes {
		d.LearningGoalTypes = append(d.LearningGoalTypes, DocGoalType{t.Type, t.Name, t.Description})
	}
	for _, n := range f.Notes {
		d.Notes = append(d.Notes, DocNote{n.ID, n.Title, n.Text, n.Statement, ownOrigin(n.Origin, def)})
	}
	return d
}

// ownOrigin returns o as written where it differs from the origin it would
// otherwise inherit, "" where it is inherited.
func ownOrigin(o, inherited Origin) string {
	if o == inherited {
		return ""
	}
	return o.String()
}

// docDefaults returns the defaults, with one origin for the block when
// they share it.
func (f *Framework) docDefaults() DocDefaults {
	df, block := f.Defaults, f.Origin
	var d DocDefaults
	if df.RequiredOrigin == df.TargetOrigin && df.TargetOrigin == df.FitOrigin {
		block = df.RequiredOrigin
		d.Origin = ownOrigin(block, f.Origin)
	}
	d.Required = Valued[int]{df.Required, ownOrigin(df.RequiredOrigin, block)}
	d.Target = Valued[int]{df.Target, ownOrigin(df.TargetOrigin, block)}
	d.Fit = Valued[float64]{df.Fit, ownOrigin(df.FitOrigin, block)}
	return d
}

// docNode returns node n and its children; def is the framework's origin.
func docNode(n *Node, def Origin) *DocNode {
	dn := &DocNode{ID: n.ID, Name: n.Name, Statement: n.Statement, Focus: n.Focus,
		Description: n.Description, Indicators: n.Indicators}
	if n.Note != nil {
		dn.Note = &Valued[Text]{n.Note, ownOrigin(n.NoteOrigin, def)}
	}
	if n.LearningGoals != nil {
		dn.LearningGoals = &Valued[[]LearningGoal]{n.LearningGoals, ownOrigin(n.LearningGoalsOrigin, def)}
	}
	if n.Target >= 0 {
		dn.Target = ptr(n.Target)
	}
	if n.Fit > 0 {
		dn.Fit = ptr(n.Fit)
	}
	if n.Need > 0 {
		dn.Need = ptr(n.Need)
	}
	if n.Specialists >= 0 {
		dn.Specialists = ptr(n.Specialists)
	}
	for _, c := range n.Children {
		dn.Items = append(dn.Items, docNode(c, def))
	}
	return dn
}

func ptr[T any](v T) *T { return &v }

// docRole returns role r; def is the framework's origin.
func docRole(r *Role, def Origin) DocRole {
	dr := DocRole{ID: r.ID, Name: r.Name, Statement: r.Statement, Description: r.Description, Origin: ownOrigin(r.Origin, def)}
	if len(r.Profiles) > 0 {
		dr.Profiles = r.Profiles
	}
	if len(r.Requires) > 0 {
		dr.Requires = map[string]Valued[int]{}
		for _, k := range r.Requires {
			dr.Requires[k.Node] = Valued[int]{k.Level, ownOrigin(k.Origin, r.Origin)}
		}
	}
	return dr
}

// docTargetGroups returns target groups and their sub-groups.
func docTargetGroups(gs []*TargetGroup) []*DocTargetGroup {
	var out []*DocTargetGroup
	for _, g := range gs {
		out = append(out, &DocTargetGroup{g.Name, g.Description, g.Profile, docTargetGroups(g.Items)})
	}
	return out
}
