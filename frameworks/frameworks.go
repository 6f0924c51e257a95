// Package frameworks embeds the built-in competence frameworks: one
// <id>.yaml file each, in the format documented in README.md.
package frameworks

import "embed"

// FS holds the built-in framework files, named <id>.yaml.
//
//go:embed *.yaml
var FS embed.FS

// Default is the id of the framework used when none is chosen.
const Default = "fagligheder-fase3"
