package analysis

import "github.com/huller/huller/pkg/framework"

// teachingLevel returns the scale's level that means "can teach others",
// and false when the scale marks none.
func teachingLevel(fw *framework.Framework) (int, bool) { return fw.TeachingLevel() }

// profileNeed returns how many leaves of profile p a person needs at the
// target level to fit it: the profile's own need or fit, else fit.
func profileNeed(fw *framework.Framework, p *framework.Node, fit float64) int {
	return fw.NeedOf(p, fit)
}

// profileSpecialists returns how many persons should fit profile p: the
// profile's own number, else def.
func profileSpecialists(fw *framework.Framework, p *framework.Node, def int) int {
	return fw.SpecialistsOf(p, def)
}
