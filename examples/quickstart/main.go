// Quickstart runs one matching round and prints the proposal the way a
// coordinator reads it, in English, French, Dutch or German (-lang): who is eligible and why the others are not, each
// proposed duo with its score and strongest reasons, everyone left out with
// the reason, and the total.
//
// With no flags it runs on the embedded sample pool (60 synthetic mentees
// and 45 synthetic mentors in Brussels, Antwerp, Ghent and Liège, with four
// pinned duos and one excluded pair) on the sample's day, 2026-11-23:
//
//	go run ./examples/quickstart
//
// Flags:
//
//	-mentees FILE -mentors FILE  profiles to use instead of the sample (both
//	                             together; the sample's pinned and excluded
//	                             duos then do not apply): a file ending in
//	                             .csv is a spreadsheet read by package
//	                             match/sheet, any other a JSON array
//	-on YYYY-MM-DD               the day of the round (default 2026-11-23)
//	-lang en|fr|nl|de            the language of the report (default en):
//	                             English, or French, Dutch or German as
//	                             written in Belgium; codes and IDs stay as
//	                             they are. Not read from $LANG, so that the
//	                             same command prints the same report
//	-json                        print the match.Proposal as JSON
//	-csv DIR                     also write the proposal as CSV files for a
//	                             spreadsheet: DIR/duos.csv, DIR/unmatched.csv
//	                             and DIR/alternatives.csv (3 per mentee)
//
// The sample pool is also in examples/sample/mentees.csv and mentors.csv,
// to open in a spreadsheet, edit and run again:
//
//	go run ./examples/quickstart -mentees examples/sample/mentees.csv -mentors examples/sample/mentors.csv
//
// It prints nothing about a person but their ID and the library's reasons;
// for a CSV file, the headings of the columns it did not read go to stderr.
// A bad file or flag gives every problem found, one a line on stderr, and
// exit status 1.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/duomatch/duo/examples/internal/sample"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program: it parses args, runs the round, writes the report to
// stdout and problems to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	menteesFile := fs.String("mentees", "", "`FILE` of mentees: a .csv sheet or a JSON array (default: the embedded sample)")
	mentorsFile := fs.String("mentors", "", "`FILE` of mentors: a .csv sheet or a JSON array (default: the embedded sample)")
	on := fs.String("on", "", "day of the round, `YYYY-MM-DD` (default: the sample's day, 2026-11-23)")
	asJSON := fs.Bool("json", false, "print the proposal as JSON")
	csvDir := fs.String("csv", "", "write the proposal as CSV files into `DIR`")
	langFlag := fs.String("lang", "en", "language of the report: `en`, fr, nl or de")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2 // the flag package has printed the problem and the usage
	}
	fail := func(err error) int {
		// errors.Join puts one problem on each line: print them all.
		for _, line := range strings.Split(strings.TrimSpace(err.Error()), "\n") {
			fmt.Fprintln(stderr, "quickstart:", line)
		}
		return 1
	}
	if fs.NArg() > 0 {
		return fail(fmt.Errorf("unexpected argument %q (all input is given by flags)", fs.Arg(0)))
	}

	lang, err := parseLang(*langFlag)
	if err != nil {
		return fail(err)
	}
	r, err := sample.Round()
	if err != nil {
		return fail(err)
	}
	var menteeSheet, mentorSheet *sheetSource // nil for JSON files and the sample
	if *on != "" {
		if r.On, err = profile.ParseDate(*on); err != nil {
			return fail(fmt.Errorf("-on: %w", err))
		}
	}
	switch {
	case (*menteesFile == "") != (*mentorsFile == ""):
		return fail(errors.New("-mentees and -mentors must be given together"))
	case *menteesFile != "":
		r.Pinned, r.Excluded = nil, nil
		if r.Mentees, menteeSheet, err = readFile(*menteesFile, r.On, profile.DecodeMentees, sheet.ReadMentees, stderr); err != nil {
			return fail(err)
		}
		if r.Mentors, mentorSheet, err = readFile(*mentorsFile, r.On, profile.DecodeMentors, sheet.ReadMentors, stderr); err != nil {
			return fail(err)
		}
	}

	p, err := match.Propose(context.Background(), r)
	if err != nil {
		return fail(err)
	}
	// The people the round set aside, placed in their sheet's row and
	// column when they came from one.
	menteeSheet.printSetAside(stderr, p.UnmatchedMentees)
	mentorSheet.printSetAside(stderr, p.UnmatchedMentors)
	if *csvDir != "" {
		if err := writeCSV(*csvDir, p); err != nil {
			return fail(err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(p); err != nil {
			return fail(err)
		}
		return 0
	}
	needs, err := p.Needs(context.Background(), match.NeedsOptions{})
	if err != nil {
		return fail(err)
	}
	outreach, err := p.Outreach(context.Background(), match.NeedsOptions{})
	if err != nil {
		return fail(err)
	}
	if err := report(stdout, lang, r, p, needs, outreach); err != nil {
		return fail(err)
	}
	return 0
}

// sheetSource is a sheet read: its path and the reader's Report, to place
// a round's problems in it.
type sheetSource struct {
	path string
	rep  sheet.Report
}

// printSetAside prints, one a line, the problems of the people the round
// set aside, placed in the sheet (s may be nil: then by ID and field).
func (s *sheetSource) printSetAside(stderr io.Writer, unmatched []match.Unmatched) {
	for _, u := range unmatched {
		for _, pr := range u.Problems {
			if s == nil {
				fmt.Fprintln(stderr, "quickstart: set aside:", pr)
				continue
			}
			fmt.Fprintf(stderr, "quickstart: %s: %s\n", s.path, s.rep.Locate(pr))
		}
	}
}

// readFile opens path and reads it with the library: a .csv file with
// package sheet's reader, which names the row, the column and the person of
// every problem, and lists on stderr the columns it did not read; any
// other file with the strict JSON decoder, which reports every problem with
// its JSON path and the person's ID. The error names the file.
//
// A sheet is read partially: the problems of its rows go to stderr, one a
// line, and the people of the usable rows are matched; only a problem
// that stops reading (a missing column, a file that is not text) is an
// error. The sheet's columns must include those the round's default rules
// need (languages, availability); a date with a two-digit year is read on
// the round's day.
func readFile[T any](path string, on profile.Date,
	decode func(io.Reader, profile.DecodeOptions) ([]T, error),
	readSheet func(io.Reader, sheet.Options) ([]T, sheet.Report, error),
	stderr io.Writer,
) ([]T, *sheetSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var people []T
	var src *sheetSource
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		var rep sheet.Report
		people, rep, err = readSheet(f, sheet.Options{Required: sheet.RulesColumns(), On: on})
		for _, c := range rep.Ignored {
			note := ""
			if c.Likely != "" {
				note = " (a misspelling of " + c.Likely + "?)"
			}
			fmt.Fprintf(stderr, "quickstart: %s: column %q not read%s\n", path, c.Heading, note)
		}
		src = &sheetSource{path: path, rep: rep}
		if err != nil && people != nil {
			for _, pr := range profile.Problems(err) {
				fmt.Fprintf(stderr, "quickstart: %s: %s\n", path, pr)
			}
			err = nil
		}
	} else {
		people, err = decode(f, profile.DecodeOptions{})
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return people, src, nil
}

// alternativesShown is how many alternatives per mentee -csv writes.
const alternativesShown = 3

// writeCSV writes the proposal as three CSV files in dir, creating it.
func writeCSV(dir string, p match.Proposal) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"duos.csv", func(w io.Writer) error { return sheet.WriteDuos(w, p, sheet.Options{}) }},
		{"unmatched.csv", func(w io.Writer) error { return sheet.WriteUnmatched(w, p, sheet.Options{}) }},
		{"alternatives.csv", func(w io.Writer) error {
			return sheet.WriteAlternatives(context.Background(), w, p, alternativesShown, sheet.Options{})
		}},
	}
	for _, file := range files {
		var buf bytes.Buffer
		if err := file.write(&buf); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, file.name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
