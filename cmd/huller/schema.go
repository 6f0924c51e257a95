package main

import (
	"github.com/huller/huller/pkg/framework"
	"github.com/spf13/cobra"
)

func newSchemaCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the framework YAML format",
		Long: `Print a JSON Schema (draft 2020-12) of the framework YAML format, so that
editors check framework files as you type. With yaml-language-server (VS Code's
YAML extension, Neovim, Helix), save it and point a framework file at it with
a first-line comment.`,
		Example: `  huller schema > huller.schema.json
  # then, as the first line of my-framework.yaml:
  # yaml-language-server: $schema=./huller.schema.json`,
		Args: args(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			_, err := s.Out.Write(framework.JSONSchema())
			return err
		},
	}
}
