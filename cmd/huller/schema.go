package main

import (
	"github.com/huller/huller/pkg/catalog"
	"github.com/huller/huller/pkg/framework"
	"github.com/spf13/cobra"
)

func newSchemaCmd(s *streams) *cobra.Command {
	var forCatalog bool
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the framework (or catalog) YAML format",
		Long: `Print a JSON Schema (draft 2020-12) of the framework YAML format, so that
editors check framework files as you type. With yaml-language-server (VS Code's
YAML extension, Neovim, Helix), save it and point a framework file at it with
a first-line comment. --catalog prints the schema of the course catalog format
instead.`,
		Example: `  huller schema > huller.schema.json
  # then, as the first line of my-framework.yaml:
  # yaml-language-server: $schema=./huller.schema.json
  huller schema --catalog > catalog.schema.json`,
		Args: args(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			schema := framework.JSONSchema()
			if forCatalog {
				schema = catalog.JSONSchema()
			}
			_, err := s.Out.Write(schema)
			return err
		},
	}
	cmd.Flags().BoolVar(&forCatalog, "catalog", false, "print the schema of the course catalog format")
	return cmd
}
