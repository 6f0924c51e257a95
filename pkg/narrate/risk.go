package narrate

import (
	"github.com/huller/huller/pkg/analysis"
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
