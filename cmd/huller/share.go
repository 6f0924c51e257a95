package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/limits"
	"github.com/huller/huller/pkg/outfile"
	"github.com/huller/huller/pkg/privacy"
	"github.com/huller/huller/pkg/render"
	"github.com/huller/huller/pkg/roster"
	"github.com/spf13/cobra"
)

// maxMinCell bounds --min-cell: a figure about more persons than a unit
// has is never shown anyway.
const maxMinCell = 1000

// shareOptions are the flags that decide who an output is for and what it
// may hold of persons, shared by every command that reads rosters:
//
//	--for leader|committee|person   who will read it (default leader)
//	--pseudonymise                  persons shown by pseudonyms
//	--key-file FILE, HULLER_KEY     the key of the pseudonyms
//	--pseudonymise-map FILE         the pseudonym → person table, kept apart
//	--aggregate, --min-cell N       no persons; figures of N or more only
//
// A command declares them with addFlags, calls check before it reads
// anything, and reads its rosters with readRosters: the persons are
// pseudonymised as soon as they are read, so every output is covered.
// Then it passes audience and pseudonyms() to render.Options and
// workbook.Options.Share, and with aggregate builds privacy.Aggregate(res,
// minCell, …) for its aggregate form.
type shareOptions struct {
	audience     string
	pseudonymise bool
	keyFile      string
	mapFile      string
	aggregate    bool
	minCell      int

	key     []byte          // set by check
	mapping privacy.Mapping // set by readRosters
}

// shareFeatures say which of the sharing flags a command offers: every
// command that reads rosters offers --pseudonymise and its key and table;
// Person adds --for person (a person's own view), Aggregate adds
// --aggregate, --min-cell and --for committee (an aggregate form of its
// output). Why says why the audiences left out are not offered, and where
// their output is made instead: --for says it when one is asked for.
type shareFeatures struct {
	Person, Aggregate bool
	Why               string
}

// audienceValue is --for: an enumValue whose error says why an audience
// the command does not offer is left out.
type audienceValue struct {
	enumValue
	why string
}

func (a *audienceValue) Set(s string) error {
	err := a.enumValue.Set(s)
	if err != nil && a.why != "" && slices.Contains([]string{render.AudienceLeader, render.AudienceCommittee, render.AudiencePerson}, s) {
		return fmt.Errorf("%w (%s)", err, a.why)
	}
	return err
}

// addFlags declares the flags the command offers.
func (o *shareOptions) addFlags(cmd *cobra.Command, with shareFeatures) {
	f := cmd.Flags()
	allowed := []string{render.AudienceLeader}
	usage := "who will read the output — everything for the leader (the default)"
	if with.Aggregate {
		allowed = append(allowed, render.AudienceCommittee)
		usage += ", an aggregate report without persons for a committee"
	}
	if with.Person {
		allowed = append(allowed, render.AudiencePerson)
		usage += ", one person's own view (with --person) for the person"
	}
	if len(allowed) == 1 {
		usage += ", the one audience this command makes its output for"
	}
	cmd.Flags().Var(&audienceValue{enumValue{&o.audience, allowed}, with.Why}, "for", usage+": "+strings.Join(allowed, ", "))
	_ = cmd.RegisterFlagCompletionFunc("for", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return allowed, cobra.ShellCompDirectiveNoFileComp
	})
	f.BoolVar(&o.pseudonymise, "pseudonymise", false, "show persons by pseudonyms (P-7F3A9C21) in every output, made with --key-file or HULLER_KEY (else numbered for this report only)")
	f.StringVar(&o.keyFile, "key-file", "", "file holding the secret key of the pseudonyms (at least 16 bytes; default: $HULLER_KEY)")
	f.StringVar(&o.mapFile, "pseudonymise-map", "", "also write the pseudonym → name and id table to this CSV file (not in the report's folder)")
	o.minCell = privacy.DefaultMinCell
	if with.Aggregate {
		f.BoolVar(&o.aggregate, "aggregate", false, "no persons at all: figures of teams and competences, each over at least --min-cell persons")
		intFlag(cmd, &o.minCell, "min-cell", 2, maxMinCell, "with --aggregate: the least number of persons a figure is shown for")
	}
	_ = cmd.MarkFlagFilename("key-file")
	_ = cmd.MarkFlagFilename("pseudonymise-map", "csv")
}

// pseudonymised reports whether persons are replaced by pseudonyms when
// read: asked for, or an aggregate report (which shows none, but then not
// even its warnings can name a person).
func (o *shareOptions) pseudonymised() bool { return o.pseudonymise || o.aggregate }

// pseudonyms says how the pseudonyms of an output are made ("" when
// persons are named, or not shown at all).
func (o *shareOptions) pseudonyms() string {
	switch {
	case !o.pseudonymise || o.aggregate:
		return ""
	case o.key != nil:
		return render.PseudonymsKeyed
	}
	return render.PseudonymsNumbered
}

// check settles the audience and its defaults (committee: aggregate;
// --person: the person's view), refuses combinations that make no sense,
// reads the key, and checks the pseudonym table's file against the report
// (output, "" when none) and the inputs. It runs before anything is read.
func (o *shareOptions) check(changed func(flag string) bool, s *streams, person, output string, inputs ...string) error {
	switch {
	case o.audience == "" && person != "":
		o.audience = render.AudiencePerson
	case o.audience == "" && o.aggregate:
		o.audience = render.AudienceCommittee
	case o.audience == "":
		o.audience = render.AudienceLeader
	}
	switch o.audience {
	case render.AudienceCommittee:
		if person != "" {
			return usageError{errors.New("--for committee shows no person: leave out --person")}
		}
		o.aggregate = true
	case render.AudiencePerson:
		if person == "" {
			return usageError{errors.New("--for person needs --person NAME: the person whose own view it is")}
		}
		if o.aggregate {
			return usageError{errors.New("--aggregate shows no person: it does not go with --for person")}
		}
	case render.AudienceLeader:
		if person != "" {
			return usageError{errors.New("--person shows one person's own view: use --for person, or leave out --person")}
		}
	}
	if o.aggregate && o.mapFile != "" {
		return usageError{errors.New("an aggregate report shows no pseudonyms: --pseudonymise-map has nothing to look up")}
	}
	if !o.pseudonymised() {
		for _, name := range []string{"key-file", "pseudonymise-map"} {
			if changed(name) {
				return usageError{fmt.Errorf("--%s is for pseudonymised reports: add --pseudonymise (or --aggregate)", name)}
			}
		}
	}
	if changed("min-cell") && !o.aggregate {
		return usageError{errors.New("--min-cell is for aggregate reports: add --aggregate (or --for committee)")}
	}
	if err := o.readKey(s); err != nil {
		return err
	}
	return o.checkMap(output, inputs...)
}

// readKey reads the key of the pseudonyms: --key-file, else HULLER_KEY.
func (o *shareOptions) readKey(s *streams) error {
	if !o.pseudonymised() {
		return nil
	}
	var raw []byte
	source := "HULLER_KEY"
	if o.keyFile != "" {
		source = o.keyFile
		f, err := os.Open(o.keyFile)
		if err != nil {
			return fmt.Errorf("--key-file: %w", err)
		}
		defer f.Close()
		raw, err = io.ReadAll(io.LimitReader(f, limits.KeyFile+1))
		if err != nil {
			return fmt.Errorf("--key-file %s: %w", o.keyFile, err)
		}
		if len(raw) > limits.KeyFile {
			return fmt.Errorf("--key-file %s: more than %d bytes: a key file holds one key", o.keyFile, limits.KeyFile)
		}
	} else if env := s.Getenv("HULLER_KEY"); env != "" {
		raw = []byte(env)
	} else {
		if o.pseudonymise && !o.aggregate {
			s.warn("no key given (--key-file or HULLER_KEY): the pseudonyms are numbered for this report only, and the same person may get another number in another report")
		}
		return nil
	}
	key, err := privacy.ParseKey(raw)
	if err == nil && len(key) < privacy.MinKey {
		err = fmt.Errorf("the pseudonymisation key has %d bytes; it needs at least %d", len(key), privacy.MinKey)
	}
	if err != nil {
		return withHint(fmt.Errorf("%s: %w", source, err), "make a key with: openssl rand -hex 32 > huller.key")
	}
	o.key = key
	return nil
}

// checkMap refuses a pseudonym table that would overwrite an input or the
// report, or that would lie in the report's folder: the table says who is
// who, and a file next to the report is easily sent with it.
func (o *shareOptions) checkMap(output string, inputs ...string) error {
	if o.mapFile == "" {
		return nil
	}
	if err := outfile.Check(o.mapFile, append(inputs, output)...); err != nil {
		return err
	}
	if output == "" {
		return nil
	}
	if sameDir(o.mapFile, output) {
		return withHint(usageError{fmt.Errorf("--pseudonymise-map %s is in the same folder as the report %s", o.mapFile, output)},
			"keep the pseudonym table apart from the report, e.g. in a folder only you can open: a table next to the report is easily sent with it, and it says who is who")
	}
	return nil
}

// sameDir reports whether the files a and b are in the same folder (also
// through links and different spellings).
func sameDir(a, b string) bool {
	da, db := filepath.Dir(a), filepath.Dir(b)
	if x, err := filepath.EvalSymlinks(da); err == nil {
		da = x
	}
	if x, err := filepath.EvalSymlinks(db); err == nil {
		db = x
	}
	if x, err := filepath.Abs(da); err == nil {
		da = x
	}
	if x, err := filepath.Abs(db); err == nil {
		db = x
	}
	if da == db {
		return true
	}
	sa, errA := os.Stat(da)
	sb, errB := os.Stat(db)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// readRosters reads the rosters (at once, on every core), prints their
// warnings, and — for a pseudonymised or aggregate output — replaces their
// persons by pseudonyms before anything else sees them and writes the
// pseudonym table (--pseudonymise-map). It is the one call a command makes
// to get its rosters; the first error in the order of srcs is returned.
func (o *shareOptions) readRosters(s *streams, fw *framework.Framework, opts roster.Options, srcs ...roster.Source) ([]*roster.Roster, error) {
	ins := make([]rosterInput, len(srcs))
	for i, src := range srcs {
		ins[i] = rosterInput{src: src, fw: fw, opts: opts}
	}
	return o.readRostersWith(s, ins, nil)
}

// rosterInput is one roster to read: where from, against which framework,
// and how.
type rosterInput struct {
	src  roster.Source
	fw   *framework.Framework
	opts roster.Options
}

// readRostersWith reads rosters as readRosters does, each against its own
// framework and with its own options. For a pseudonymised output, join
// (when not nil) is called with the rosters as read, before any pseudonym
// is made: it may make persons of two rosters one (by giving them one
// identity, as privacy.PseudonymiseAll derives pseudonyms from), and
// returns the persons of other sources the output names (a plan's) as
// rosters, which are pseudonymised together with the rosters, in place, so
// that a person has one pseudonym in all of them.
func (o *shareOptions) readRostersWith(s *streams, ins []rosterInput, join func(rs []*roster.Roster) []*roster.Roster) ([]*roster.Roster, error) {
	rs := make([]*roster.Roster, len(ins))
	errs := make([]error, len(ins))
	eachConcurrently(len(ins), func(i int) { rs[i], errs[i] = roster.Read(ins[i].src, ins[i].fw, ins[i].opts) })
	if err := firstErr(errs); err != nil {
		return nil, err
	}
	if o.pseudonymised() {
		var others []*roster.Roster
		if join != nil {
			others = join(rs)
		}
		m, err := privacy.PseudonymiseAll(append(slices.Clip(rs), others...), o.key)
		if err != nil {
			return nil, err
		}
		o.mapping = m
	}
	for _, r := range rs {
		for _, w := range r.Warnings {
			s.warn("%s", w)
		}
	}
	return rs, o.writeMap(s)
}

// eachConcurrently calls f(0) … f(n-1), as many at once as there are
// cores, and returns when all have returned.
func eachConcurrently(n int, f func(i int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			f(i)
		}()
	}
	wg.Wait()
}

// firstErr returns the first error that is not nil.
func firstErr(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeMap writes the pseudonym table when asked.
func (o *shareOptions) writeMap(s *streams) error {
	if o.mapFile == "" {
		return nil
	}
	if err := outfile.Write(o.mapFile, func(w io.Writer) error { return privacy.WriteMap(w, o.mapping) }); err != nil {
		return fmt.Errorf("%s: cannot write the pseudonym table: %w", o.mapFile, err)
	}
	fmt.Fprintf(s.Err, "huller: wrote %s (the pseudonym of %d %s: keep it apart from the report)\n", o.mapFile,
		len(o.mapping), plural(len(o.mapping), "person", "persons"))
	return nil
}

// person turns --person NAME (a name or id as in the roster) into the
// pseudonym that now stands for that person, so that a pseudonymised
// person's view can be asked for by name; a pseudonym is kept as it is.
func (o *shareOptions) person(q string) (string, error) {
	if q == "" || !o.pseudonymised() {
		return q, nil
	}
	var found []string
	for _, e := range o.mapping {
		if e.ID == strings.TrimSpace(q) || strings.EqualFold(strings.TrimSpace(e.Name), strings.TrimSpace(q)) {
			if !slices.Contains(found, e.Pseudonym) {
				found = append(found, e.Pseudonym)
			}
		}
	}
	switch len(found) {
	case 0:
		return q, nil
	case 1:
		return found[0], nil
	}
	return "", withHint(fmt.Errorf("%q matches %d persons of the roster", q, len(found)), "give the person's id instead")
}

// persons turns a list of names or ids (--without) into the pseudonyms
// that now stand for those persons, as person does.
func (o *shareOptions) persons(qs []string) ([]string, error) {
	out := make([]string, len(qs))
	for i, q := range qs {
		p, err := o.person(q)
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}
