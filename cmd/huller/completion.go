package main

import (
	"github.com/spf13/cobra"
)

func newCompletionCmd(s *streams) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print a shell completion script",
		Long: `Print a script that makes your shell complete huller's commands, flags and
framework ids. Load it in your shell's start-up file.`,
		Example: `  # bash, for the current session:
  source <(huller completion bash)
  # zsh:
  huller completion zsh > "${fpath[1]}/_huller"
  # fish:
  huller completion fish > ~/.config/fish/completions/huller.fish
  # PowerShell:
  huller completion powershell | Out-String | Invoke-Expression`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      args(cobra.MatchAll(cobra.ExactArgs(1), cobra.OnlyValidArgs)),
		RunE: func(cmd *cobra.Command, a []string) error {
			root := cmd.Root()
			switch a[0] {
			case "bash":
				return root.GenBashCompletionV2(s.Out, true)
			case "zsh":
				return root.GenZshCompletion(s.Out)
			case "fish":
				return root.GenFishCompletion(s.Out, true)
			default:
				return root.GenPowerShellCompletionWithDesc(s.Out)
			}
		},
	}
}
