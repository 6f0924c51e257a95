package rosterform

import "github.com/huller/huller/pkg/lang"

// fixedHeaders returns the headers of the fixed columns (name, id, role,
// team, profiles) in l's language: aliases the roster reader knows.
func fixedHeaders(l lang.Lang) []string {
	return []string{l.T(lang.HeaderName), l.T(lang.HeaderID), l.T(lang.HeaderRole), l.T(lang.HeaderTeam), l.T(lang.HeaderProfiles)}
}
