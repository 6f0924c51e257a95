package main

import (
	"encoding/json"
	"fmt"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/outline"
	"github.com/huller/huller/pkg/render"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
)

type frameworksOptions struct {
	format string
	lang   string
	ref    string
	dirs   []string // --framework-dir
	s      *streams
}

func newFrameworksCmd(s *streams) *cobra.Command {
	opts := &frameworksOptions{s: s}
	cmd := &cobra.Command{
		Use:   "frameworks",
		Short: "List the built-in competence frameworks",
		Long: `List the competence frameworks built into huller, with their counts of basis
groups, basic competences (scored leaves), profiles, profile items and roles.
The JSON form is an array of objects with the keys id, title, language,
groups, basis_leaves, profiles, profile_leaves and roles.`,
		Example: `  huller frameworks
  huller frameworks --format json
  huller frameworks show fagligheder-fase3`,
		Args: args(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error { return runFrameworksList(opts) },
	}
	enumFlag(cmd, &opts.format, "format", "", "table", []string{"table", "json"}, "output format")
	langFlag(cmd, &opts.lang, "en", "language of the titles")
	cmd.AddCommand(newFrameworksShowCmd(s))
	return cmd
}

func runFrameworksList(opts *frameworksOptions) error {
	loader := framework.NewLoader(frameworks.FS)
	rows := []render.FrameworkRow{}
	for _, id := range loader.Builtins() {
		fw, err := loader.Load(id)
		if err != nil {
			return err
		}
		rows = append(rows, render.FrameworkRow{ID: fw.ID, Title: fw.Text(fw.Title, opts.lang), Language: fw.Language, Summary: fw.Summary()})
	}
	if opts.format == "json" {
		enc := json.NewEncoder(opts.s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	return render.FrameworkList(opts.s.Out, rows, render.Options{Lang: opts.lang, Width: terminalWidth(opts.s)})
}

func newFrameworksShowCmd(s *streams) *cobra.Command {
	opts := &frameworksOptions{s: s}
	cmd := &cobra.Command{
		Use:   "show ID|FILE",
		Short: "Show a framework as a readable outline, or as JSON or YAML",
		Long: `Show a framework — built-in id or file — after resolving extends: its scale,
basic competences, profiles, roles, target groups, learning goals and notes,
as the source reads. The source's own words are quoted; what huller added
(the scale, default levels, roles, judgements) is marked [huller].

--lang picks the language of the texts (the framework's own by default).
--format json|yaml prints the resolved framework in the framework file
format, with what is huller's marked by origin, for scripts or as a starting
point; it parses back into the same framework.`,
		Example: `  huller frameworks show fagligheder-fase3
  huller frameworks show koordinator-mreze --lang en
  huller frameworks show examples/jobcenter-nordby.yaml --format yaml`,
		Args:              args(cobra.ExactArgs(1)),
		ValidArgsFunction: completeFrameworks,
		RunE: func(_ *cobra.Command, a []string) error {
			opts.ref = a[0]
			return runFrameworksShow(opts)
		},
	}
	enumFlag(cmd, &opts.format, "format", "", "text", []string{"text", "json", "yaml"}, "output format")
	langFlag(cmd, &opts.lang, "", "language of the texts (default: the framework's)")
	frameworkDirFlag(cmd, &opts.dirs)
	return cmd
}

func runFrameworksShow(opts *frameworksOptions) error {
	warnLang(opts.s, opts.lang)
	fw, err := loadFramework(opts.ref, opts.dirs)
	if err != nil {
		return err
	}
	switch opts.format {
	case "json":
		enc := json.NewEncoder(opts.s.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(fw.Document())
	case "yaml":
		enc := yaml.NewEncoder(opts.s.Out)
		enc.SetIndent(2)
		if err := enc.Encode(fw.Document()); err != nil {
			return err
		}
		return enc.Close()
	}
	return outline.Write(opts.s.Out, fw, outline.Options{Lang: opts.lang, Width: terminalWidth(opts.s)})
}

// loadFramework loads a framework by built-in id or path; extends may also
// reach the folders of --framework-dir.
func loadFramework(ref string, dirs []string) (*framework.Framework, error) {
	l, err := newLoader(dirs)
	if err != nil {
		return nil, err
	}
	return l.Load(ref)
}

// newLoader returns a loader of the built-in frameworks and files, whose
// extends may also reach the folders of --framework-dir.
func newLoader(dirs []string) (*framework.Loader, error) {
	l := framework.NewLoader(frameworks.FS)
	for _, d := range dirs {
		if err := l.AllowDir(d); err != nil {
			return nil, usageError{fmt.Errorf("--framework-dir %v", err)}
		}
	}
	return l, nil
}

// frameworkDirFlag declares --framework-dir: folders whose framework files
// `extends` may name, besides built-in frameworks and the framework file's
// own folder and those below it.
func frameworkDirFlag(cmd *cobra.Command, p *[]string) {
	cmd.Flags().StringArrayVar(p, "framework-dir", nil, "a folder whose framework files `extends` may name, besides built-in frameworks and the framework file's own folder (repeatable)")
}

func completeFrameworks(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return framework.NewLoader(frameworks.FS).Builtins(), cobra.ShellCompDirectiveDefault
}
