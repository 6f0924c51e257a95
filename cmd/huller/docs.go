package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

type docsOptions struct {
	man, markdown string
	s             *streams
}

// newDocsCmd is a hidden command that writes the man pages and the Markdown
// command reference generated from the command tree; the release build puts
// them into the archives.
func newDocsCmd(s *streams) *cobra.Command {
	opts := &docsOptions{s: s}
	cmd := &cobra.Command{
		Use:   "docs",
		Short: "Write huller's man pages and Markdown command reference",
		Long: `Write a man page (section 1) and a Markdown page for every command, generated
from the commands' help. Each DIR must not exist yet: it is written whole or
not at all. The man pages are dated SOURCE_DATE_EPOCH when it is set, so that
the same commit gives the same pages.`,
		Example: `  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) huller docs --man man/man1 --markdown doc`,
		Hidden:  true,
		Args:    args(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			return runDocs(opts)
		},
	}
	cmd.Flags().StringVar(&opts.man, "man", "", "write the man pages into the new folder `DIR`")
	cmd.Flags().StringVar(&opts.markdown, "markdown", "", "write the Markdown reference into the new folder `DIR`")
	return cmd
}

func runDocs(opts *docsOptions) error {
	if opts.man == "" && opts.markdown == "" {
		return usageError{errors.New("give --man DIR, --markdown DIR or both")}
	}
	if opts.man != "" && filepath.Clean(opts.man) == filepath.Clean(opts.markdown) {
		return usageError{fmt.Errorf("--man and --markdown both name %s; give two folders", opts.man)}
	}
	date, err := reportDate(opts.s.Getenv)
	if err != nil {
		return err
	}
	v, _ := buildVersion()
	cmds := documented(newDocsTree())
	if opts.man != "" {
		header := doc.GenManHeader{Section: "1", Date: &date, Source: "huller " + v, Manual: "huller manual"}
		pages, err := genPages(cmds, ".1", "-", func(c *cobra.Command, w io.Writer) error {
			h := header // GenMan fills in the title per command
			return doc.GenMan(c, &h, w)
		})
		if err == nil {
			err = writeNewDir(opts.man, pages)
		}
		if err != nil {
			return fmt.Errorf("--man %s: cannot write the man pages: %w", opts.man, err)
		}
	}
	if opts.markdown != "" {
		pages, err := genPages(cmds, ".md", "_", doc.GenMarkdown)
		if err == nil {
			err = writeNewDir(opts.markdown, pages)
		}
		if err != nil {
			return fmt.Errorf("--markdown %s: cannot write the Markdown reference: %w", opts.markdown, err)
		}
	}
	fmt.Fprintf(opts.s.Err, "huller: wrote the pages of %d commands\n", len(cmds))
	return nil
}

// newDocsTree is the command tree the pages describe, built apart from the
// running one and blind to the environment, so that no parsed flag or
// environment variable leaks into the pages.
func newDocsTree() *cobra.Command {
	return newRootCmd(&streams{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard,
		Getenv: func(string) string { return "" }})
}

// documented lists root and every command below it that a user can run or
// that groups runnable commands, hidden ones and help aside, in tree order.
// It turns off cobra's "Auto generated … on <today>" footer on each.
func documented(root *cobra.Command) []*cobra.Command {
	var cmds []*cobra.Command
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		cmds = append(cmds, c)
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() && !sub.IsAdditionalHelpTopicCommand() {
				walk(sub)
			}
		}
	}
	walk(root)
	return cmds
}

// docPage names the page of c: its command path joined by sep, plus ext
// (huller-frameworks-show.1, huller_frameworks_show.md), as cobra's own
// cross-references expect.
func docPage(c *cobra.Command, sep, ext string) string {
	return strings.ReplaceAll(c.CommandPath(), " ", sep) + ext
}

func genPages(cmds []*cobra.Command, ext, sep string, gen func(*cobra.Command, io.Writer) error) (map[string][]byte, error) {
	pages := make(map[string][]byte, len(cmds))
	for _, c := range cmds {
		var b bytes.Buffer
		if err := gen(c, &b); err != nil {
			return nil, fmt.Errorf("%s: %w", c.CommandPath(), err)
		}
		pages[docPage(c, sep, ext)] = b.Bytes()
	}
	return pages, nil
}

// writeNewDir writes files into the new folder dir, whole or not at all:
// into a temporary folder beside it, renamed to dir once complete. (The
// pages are a set, so they are written as a folder rather than one by one
// through outfile.)
func writeNewDir(dir string, files map[string][]byte) error {
	if _, err := os.Lstat(dir); err == nil {
		return withHint(errors.New("the folder already exists"), "remove it, or name a new folder")
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".huller-docs-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // nothing left to remove after the rename
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(tmp, name), files[name], 0o644); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return os.Rename(tmp, dir)
}
