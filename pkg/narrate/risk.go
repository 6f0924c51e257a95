package narrate

import (
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/diff"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/risk"
)

// Finding names a finding by its tier ("no finding" for none).
func (n *Narrator) Finding(f analysis.Finding) string {
	if f.Tier == 0 {
		return n.L.T(lang.RiskNoFinding)
	}
	return n.Tier(f.Tier)
}

// Path says what the fewest absences do to node i of a risk report.
func (n *Narrator) Path(i int, p risk.Path) string {
	l := n.L
	switch p {
	case risk.PathBelow:
		return l.F(lang.RiskPathBelow, l.Share(n.res.Settings.Coverage))
	case risk.PathNoneFits:
		return l.T(lang.RiskPathNoneFits)
	case risk.PathWorsen:
		return l.T(lang.RiskPathWorsen)
	case risk.PathTooFew:
		return l.F(lang.RiskPathTooFew, l.Int(n.res.Profiles[i-len(n.fw.Leaves)].Specialists))
	case risk.PathUnheld:
		if risk.IsProfile(n.fw, i) {
			return l.T(lang.RiskNoFit)
		}
		return l.T(lang.RiskNoHolder)
	case risk.PathSingle:
		return l.T(lang.RiskOneHolder)
	case risk.PathUnassessed:
		return l.T(lang.RiskNoneAssessed)
	case risk.PathNotAssessed:
		return l.T(lang.RiskPathNotAsd)
	case risk.PathDeveloping:
		return l.T(lang.RiskPathDevelop)
	}
	return ""
}

// OpenNeeds says which needs of a plan followed up cannot be judged and
// why: not assessed again, not assessed, of persons who left, or not in
// the old mapping (named old); the counts that are not 0.
func OpenNeeds(l lang.Lang, c diff.Counts, old string) string {
	var parts []string
	if k := c[diff.PlanCarriedOver]; k > 0 {
		parts = append(parts, l.F(lang.FollowOpenCarry, l.Int(k)))
	}
	if k := c[diff.PlanNotAssessed]; k > 0 {
		parts = append(parts, l.F(lang.FollowOpenNA, l.Int(k)))
	}
	if k := c[diff.PlanLeft]; k > 0 {
		parts = append(parts, l.F(lang.FollowOpenLeft, l.Int(k)))
	}
	if k := c[diff.PlanNotFound]; k > 0 {
		parts = append(parts, l.F(lang.FollowOpenNF, l.Int(k), old))
	}
	if len(parts) == 0 {
		return l.T(lang.FollowNone)
	}
	return strings.Join(parts, ", ")
}
