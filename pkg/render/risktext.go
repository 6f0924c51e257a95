package render

import (
	"strings"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/lang"
	"github.com/huller/huller/pkg/risk"
)

// The words of a node's state, shared by huller risk and analyze
// --without.

// nodeOf returns the leaf or profile of node i (leaves, then profiles).
func (v *view) nodeOf(i int) *framework.Node { return risk.NodeOf(v.fw, i) }

// isProfile reports whether node i is a profile.
func (v *view) isProfile(i int) bool { return risk.IsProfile(v.fw, i) }

// nodeID returns the id of node i.
func (v *view) nodeID(i int) string { return v.nodeOf(i).ID }

// stateText says where node i stands in snapshot s: coverage and holders
// of a leaf, who fits a profile and how many of the expected.
func (v *view) stateText(i int, s risk.Snapshot) string {
	l := v.l
	var parts []string
	if v.isProfile(i) {
		ps := s.Profile
		switch {
		case ps.Fitting == 0 && ps.Specialists == 0:
			parts = append(parts, l.T(lang.RiskNoFit))
		case ps.Specialists == 0:
			parts = append(parts, l.F(lang.RiskFitOnly, l.Int(int(ps.Fitting))))
		default:
			parts = append(parts, l.F(lang.RiskFit, l.Int(int(ps.Fitting)), l.Int(ps.Specialists)))
		}
		switch {
		case ps.Expected > 0 && ps.ExpectedAssessed == 0:
			parts = append(parts, l.F(lang.RiskExpectedNoneAs, l.Int(int(ps.Expected))))
		case ps.ExpectedAssessed > 0:
			parts = append(parts, l.F(lang.RiskExpectedFit, l.Int(int(ps.ExpectedFitting)), l.Int(int(ps.ExpectedAssessed))))
		}
		return strings.Join(parts, "; ")
	}
	ls := s.Leaf
	if cov, ok := ls.Coverage(); ok {
		p := l.F(lang.RiskMeet, v.pct(cov), l.Int(int(ls.Met)), l.Int(int(ls.Assessed)))
		if s.Finding.Kind == analysis.KindBasis && s.Finding.Tier == analysis.TierCannotDeliver {
			p += ", " + l.F(lang.RiskBelow, v.pctShort(v.res.Settings.Coverage))
		}
		parts = append(parts, p)
	}
	if s.Finding.Kind == analysis.KindUnassessed || ls.Required > 0 && ls.Assessed == 0 {
		parts = append(parts, l.T(lang.RiskNoneAssessed))
	}
	switch {
	case ls.Holders == 0:
		parts = append(parts, l.T(lang.RiskNoHolder))
	case ls.Holders == 1:
		parts = append(parts, l.T(lang.RiskOneHolder))
	default:
		parts = append(parts, l.F(lang.RiskHolders, l.Int(int(ls.Holders))))
	}
	return strings.Join(parts, "; ")
}

// stateTone colours a state: red for a finding of the first tier, amber
// for the others, none without a finding.
func stateTone(s risk.Snapshot) tone {
	switch s.Finding.Tier {
	case 0:
		return plain
	case analysis.TierCannotDeliver:
		return bad
	}
	return warn
}
