package analysis

import "github.com/huller/huller/pkg/framework"

// teachingLevel returns the scale's level that means "can teach others",
// and false when the scale marks none.
func teachingLevel(fw *framework.Framework) (int, bool) {
	return 0, false
}

// profileNeed returns how many leaves of profile p a person needs at the
// target level to fit it, with fit the threshold otherwise in use.
func profileNeed(fw *framework.Framework, p *framework.Node, fit float64) int {
	return needFor(len(p.Leaves), fit)
}

// profileSpecialists returns how many persons should fit profile p, def
// unless the profile says.
func profileSpecialists(fw *framework.Framework, p *framework.Node, def int) int {
	return def
}
