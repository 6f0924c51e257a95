package framework

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
// parses back into the same framework.
type Document struct {
	ID          string         `json:"id" yaml:"id"`
	Title       Text           `json:"title" yaml:"title"`
	Language    string         `json:"language" yaml:"language"`
	Source      *DocSource     `json:"source,omitempty" yaml:"source,omitempty"`
	Description Text           `json:"description,omitempty" yaml:"description,omitempty"`
	Scale       []DocLevel     `json:"scale" yaml:"scale"`
	Defaults    DocDefaults    `json:"defaults" yaml:"defaults"`
	Basis       []*DocNode     `json:"basis,omitempty" yaml:"basis,omitempty"`
	Profiles    []*DocNode     `json:"profiles,omitempty" yaml:"profiles,omitempty"`
	Roles       []DocRole      `json:"roles,omitempty" yaml:"roles,omitempty"`
	Metadata    map[string]any `json:"metadata,omitempty" yaml:"metadata,omitempty"`
}

// DocSource is Source with YAML field names.
type DocSource struct {
	Title     string `json:"title,omitempty" yaml:"title,omitempty"`
	Publisher string `json:"publisher,omitempty" yaml:"publisher,omitempty"`
	Year      int    `json:"year,omitempty" yaml:"year,omitempty"`
	URL       string `json:"url,omitempty" yaml:"url,omitempty"`
}

// DocLevel is a scale level.
type DocLevel struct {
	Level       int  `json:"level" yaml:"level"`
	Label       Text `json:"label" yaml:"label"`
	Description Text `json:"description,omitempty" yaml:"description,omitempty"`
}

// DocDefaults are the defaults.
type DocDefaults struct {
	Required int     `json:"required" yaml:"required"`
	Target   int     `json:"target" yaml:"target"`
	Fit      float64 `json:"fit" yaml:"fit"`
}

// DocNode is a node of the basis or a profile.
type DocNode struct {
	ID          string     `json:"id" yaml:"id"`
	Name        Text       `json:"name" yaml:"name"`
	Focus       Text       `json:"focus,omitempty" yaml:"focus,omitempty"`
	Description Text       `json:"description,omitempty" yaml:"description,omitempty"`
	Target      *int       `json:"target,omitempty" yaml:"target,omitempty"`
	Indicators  []Text     `json:"indicators,omitempty" yaml:"indicators,omitempty"`
	Items       []*DocNode `json:"items,omitempty" yaml:"items,omitempty"`
}

// DocRole is a role.
type DocRole struct {
	ID          string         `json:"id" yaml:"id"`
	Name        Text           `json:"name" yaml:"name"`
	Description Text           `json:"description,omitempty" yaml:"description,omitempty"`
	Requires    map[string]int `json:"requires,omitempty" yaml:"requires,omitempty"`
	Profiles    []string       `json:"profiles,omitempty" yaml:"profiles,omitempty"`
}

// Document returns the framework as a document.
func (f *Framework) Document() *Document {
	d := &Document{
		ID: f.ID, Title: f.Title, Language: f.Language, Description: f.Description,
		Defaults: DocDefaults{f.Defaults.Required, f.Defaults.Target, f.Defaults.Fit},
		Metadata: f.Metadata,
	}
	if f.Source != (Source{}) {
		d.Source = &DocSource{f.Source.Title, f.Source.Publisher, f.Source.Year, f.Source.URL}
	}
	for _, l := range f.Scale {
		d.Scale = append(d.Scale, DocLevel{l.Level, l.Label, l.Description})
	}
	var conv func(*Node) *DocNode
	conv = func(n *Node) *DocNode {
		dn := &DocNode{ID: n.ID, Name: n.Name, Focus: n.Focus, Description: n.Description, Indicators: n.Indicators}
		if n.Target >= 0 {
			t := n.Target
			dn.Target = &t
		}
		for _, c := range n.Children {
			dn.Items = append(dn.Items, conv(c))
		}
		return dn
	}
	for _, n := range f.Basis {
		d.Basis = append(d.Basis, conv(n))
	}
	for _, n := range f.Profiles {
		d.Profiles = append(d.Profiles, conv(n))
	}
	for _, r := range f.Roles {
		dr := DocRole{ID: r.ID, Name: r.Name, Description: r.Description}
		if len(r.Profiles) > 0 {
			dr.Profiles = r.Profiles
		}
		if len(r.Requires) > 0 {
			dr.Requires = map[string]int{}
			for _, k := range r.Requires {
				dr.Requires[k.Node] = k.Level
			}
		}
		d.Roles = append(d.Roles, dr)
	}
	return d
}
