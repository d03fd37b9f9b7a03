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
// A bad file or flag gives one line on stderr and exit status 1.
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
		fmt.Fprintln(stderr, "quickstart:", oneLine(err))
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
		if r.Mentees, err = readArray[profile.Mentee](*menteesFile); err != nil {
			return fail(err)
		}
		if r.Mentors, err = readArray[profile.Mentor](*mentorsFile); err != nil {
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
	if err := report(stdout, r, p); err != nil {
		return fail(err)
	}
	return 0
}

// readArray reads a file holding a JSON array of T. Unknown fields are
// errors, so that a misspelt field is not silently ignored; an error names
// the file and the entry (counted from 1).
func readArray[T any](path string) ([]T, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(b, &raws); err != nil {
		return nil, fmt.Errorf("%s: not a JSON array of profiles: %s", path, jsonProblem(err))
	}
	out := make([]T, len(raws))
	for i, raw := range raws {
		dec := json.NewDecoder(strings.NewReader(string(raw)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&out[i]); err != nil {
			return nil, fmt.Errorf("%s: entry %d: %s", path, i+1, jsonProblem(err))
		}
	}
	return out, nil
}

// jsonProblem describes a decoding error, with the byte offset of a syntax
// error.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("malformed JSON at byte %d: %v", se.Offset, se)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// oneLine shortens a possibly multi-line error (errors.Join puts one
// problem on each line) to its first line and the number of the others.
func oneLine(err error) string {
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	if len(lines) == 1 {
		return lines[0]
	}
	return fmt.Sprintf("%s (and %d more problems)", lines[0], len(lines)-1)
}
