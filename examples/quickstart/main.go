// Quickstart runs one matching round and prints the proposal the way a
// coordinator reads it: who is eligible and why the others are not, each
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
//	-mentees FILE -mentors FILE  JSON arrays of profiles to use instead of
//	                             the sample (both together; the sample's
//	                             pinned and excluded duos then do not apply)
//	-on YYYY-MM-DD               the day of the round (default 2026-11-23)
//	-json                        print the match.Proposal as JSON
//
// It prints nothing about a person but their ID and the library's reasons.
// A bad file or flag gives every problem found, one a line on stderr, and
// exit status 1.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/duomatch/duo/examples/internal/sample"
	"github.com/duomatch/duo/match"
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
	menteesFile := fs.String("mentees", "", "`FILE` with a JSON array of mentees (default: the embedded sample)")
	mentorsFile := fs.String("mentors", "", "`FILE` with a JSON array of mentors (default: the embedded sample)")
	on := fs.String("on", "", "day of the round, `YYYY-MM-DD` (default: the sample's day, 2026-11-23)")
	asJSON := fs.Bool("json", false, "print the proposal as JSON")
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

	r, err := sample.Round()
	if err != nil {
		return fail(err)
	}
	switch {
	case (*menteesFile == "") != (*mentorsFile == ""):
		return fail(errors.New("-mentees and -mentors must be given together"))
	case *menteesFile != "":
		r.Pinned, r.Excluded = nil, nil
		if r.Mentees, err = readFile(*menteesFile, profile.DecodeMentees); err != nil {
			return fail(err)
		}
		if r.Mentors, err = readFile(*mentorsFile, profile.DecodeMentors); err != nil {
			return fail(err)
		}
	}
	if *on != "" {
		if r.On, err = profile.ParseDate(*on); err != nil {
			return fail(fmt.Errorf("-on: %w", err))
		}
	}

	p, err := match.Propose(context.Background(), r)
	if err != nil {
		return fail(err)
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
	if err := report(stdout, r, p, needs, outreach); err != nil {
		return fail(err)
	}
	return 0
}

// readFile opens path and decodes it with the library's strict decoder,
// which reports every problem with its JSON path and the person's ID; the
// error names the file.
func readFile[T any](path string, decode func(io.Reader, profile.DecodeOptions) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	people, err := decode(f, profile.DecodeOptions{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return people, nil
}
