package diff

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/huller/huller/pkg/framework"
)

// Rules are the differences between the two sides in what persons are
// measured against: the framework and the required levels. The lists hold
// what the analysis uses; a framework edited in its texts only, or
// requirements edited only for roles without persons on both sides, list
// nothing but are not Same.
type Rules struct {
	// Same reports that both sides use the same framework (the same
	// resolved document) and the same requirements (the roster's
	// Requirements sheet and the requirements file).
	Same bool
	// FrameworkEdited and RequirementsEdited say which of the two differ.
	FrameworkEdited, RequirementsEdited bool
	// LeavesAdded are the ids of competences only After's framework has,
	// LeavesRemoved those only Before's has (framework order).
	LeavesAdded, LeavesRemoved []string
	// ProfilesAdded and ProfilesRemoved are the ids of profiles only one
	// side's framework has.
	ProfilesAdded, ProfilesRemoved []string
	// Targets are the competences whose target level differs, Teach those
	// whose teaching level differs.
	Targets, Teach []LevelRule
	// Profiles are the profiles whose target, need (competences at the
	// target to fit) or number of specialists differ.
	Profiles []ProfileRule
	// Requirements are the required levels that differ, per role (roles
	// with persons on both sides, After's order) and basis competence.
	Requirements []RequirementRule
	// RoleProfiles are the roles whose expected profiles differ.
	RoleProfiles []RoleProfilesRule
}

// LevelRule is a competence whose target level differs.
type LevelRule struct {
	Leaf          string
	Before, After int
}

// ProfileRule is a profile whose settings differ.
type ProfileRule struct {
	Profile                             string
	TargetBefore, TargetAfter           int
	NeedBefore, NeedAfter               int
	SpecialistsBefore, SpecialistsAfter int
}

// RequirementRule is a role's required level on a basis competence that
// differs.
type RequirementRule struct {
	Role          string
	Leaf          string
	Before, After int
}

// RoleProfilesRule is a role whose expected profiles differ.
type RoleProfilesRule struct {
	Role          string
	Before, After []string
}

// rules finds the differences in framework and requirements.
func (c *comparer) rules() {
	b, a := c.res.Before, c.res.After
	r := &c.res.Rules
	bf, af := b.Framework, a.Framework
	for l, n := range bf.Leaves {
		if c.res.leafMap[l] < 0 {
			r.LeavesRemoved = append(r.LeavesRemoved, n.ID)
		} else if t, u := b.Targets[l], a.Targets[c.res.leafMap[l]]; t != u {
			r.Targets = append(r.Targets, LevelRule{Leaf: n.ID, Before: int(t), After: int(u)})
		}
	}
	back := map[string]bool{}
	for _, n := range bf.Leaves {
		back[n.ID] = true
	}
	for _, n := range af.Leaves {
		if !back[n.ID] {
			r.LeavesAdded = append(r.LeavesAdded, n.ID)
		}
	}
	for j, p := range bf.Profiles {
		k := c.res.profMap[j]
		if k < 0 {
			r.ProfilesRemoved = append(r.ProfilesRemoved, p.ID)
			continue
		}
		x, y := b.Profiles[j], a.Profiles[k]
		if x.Target != y.Target || x.Need != y.Need || x.Specialists != y.Specialists {
			r.Profiles = append(r.Profiles, ProfileRule{Profile: p.ID, TargetBefore: x.Target, TargetAfter: y.Target,
				NeedBefore: x.Need, NeedAfter: y.Need, SpecialistsBefore: x.Specialists, SpecialistsAfter: y.Specialists})
		}
	}
	for _, p := range af.Profiles {
		if profileIndex(bf, p.ID) < 0 {
			r.ProfilesAdded = append(r.ProfilesAdded, p.ID)
		}
	}
	for l, n := range bf.Leaves {
		if k := c.res.leafMap[l]; k >= 0 && b.Teach[l] != a.Teach[k] {
			r.Teach = append(r.Teach, LevelRule{Leaf: n.ID, Before: int(b.Teach[l]), After: int(a.Teach[k])})
		}
	}
	c.requirementRules()
	in := c.in
	r.FrameworkEdited = in[0].Framework != in[1].Framework && !sameDocument(in[0].Framework, in[1].Framework)
	r.RequirementsEdited = !sameRequirements(in[0].Roster.Requirements, in[1].Roster.Requirements) ||
		!sameRequirements(in[0].Settings.FileRequirements, in[1].Settings.FileRequirements)
	r.Same = !r.FrameworkEdited && !r.RequirementsEdited
}

// requirementRules lists, for the roles with persons on both sides, the
// required levels and the expected profiles that differ.
func (c *comparer) requirementRules() {
	b, a := c.res.Before, c.res.After
	r := &c.res.Rules
	roles := map[string]int{}
	for i, ro := range b.Roles {
		roles[ro.ID] = i
	}
	for _, ra := range a.Roles {
		i, ok := roles[ra.ID]
		if !ok {
			continue
		}
		rb := b.Roles[i]
		for l, n := range b.Framework.BasisLeaves {
			k := c.res.leafMap[l]
			if k < 0 || int(k) >= len(ra.Required) {
				continue
			}
			if x, y := rb.Required[l], ra.Required[k]; x != y {
				r.Requirements = append(r.Requirements, RequirementRule{Role: ra.ID, Leaf: n.ID, Before: int(x), After: int(y)})
			}
		}
		pb, pa := profileIDs(b.Framework, rb.Profiles), profileIDs(a.Framework, ra.Profiles)
		if !slices.Equal(pb, pa) {
			r.RoleProfiles = append(r.RoleProfiles, RoleProfilesRule{Role: ra.ID, Before: pb, After: pa})
		}
	}
}

func profileIDs(fw *framework.Framework, idx []int32) []string {
	out := []string{}
	for _, j := range idx {
		out = append(out, fw.Profiles[j].ID)
	}
	return out
}

// Listed reports whether any difference is listed.
func (r *Rules) Listed() bool { return !r.empty() }

// empty reports whether no difference is listed.
func (r *Rules) empty() bool {
	return len(r.LeavesAdded)+len(r.LeavesRemoved)+len(r.ProfilesAdded)+len(r.ProfilesRemoved)+
		len(r.Targets)+len(r.Teach)+len(r.Profiles)+len(r.Requirements)+len(r.RoleProfiles) == 0
}

// sameDocument reports whether two frameworks are the same resolved
// document.
func sameDocument(x, y *framework.Framework) bool {
	a, err1 := json.Marshal(x.Document())
	b, err2 := json.Marshal(y.Document())
	return err1 == nil && err2 == nil && string(a) == string(b)
}

// sameRequirements compares requirements per role, ignoring where in a
// file each was written.
func sameRequirements(x, y map[string][]framework.Requirement) bool {
	if len(x) != len(y) {
		return false
	}
	for _, role := range slices.Sorted(maps.Keys(x)) {
		rx, ry := x[role], y[role]
		if len(rx) != len(ry) {
			return false
		}
		for i := range rx {
			if rx[i].Node != ry[i].Node || rx[i].Level != ry[i].Level {
				return false
			}
		}
	}
	return true
}
