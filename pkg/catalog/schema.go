package catalog

import _ "embed"

//go:embed schema.json
var schema []byte

// JSONSchema returns a JSON Schema (draft 2020-12) of the catalog YAML
// format, for editors such as yaml-language-server.
func JSONSchema() []byte { return schema }
