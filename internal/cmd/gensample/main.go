// Command gensample writes the sample pool that the programs under
// examples/ embed: about 60 mentees and 45 mentors living in Brussels,
// Antwerp, Ghent and Liège, drawn from [synth] with a fixed seed and date,
// some of them ineligible, with a few pinned duos and one excluded pair.
//
// Run it from the module's root (or through go generate in
// examples/internal/sample):
//
//	go run ./internal/cmd/gensample -o examples/internal/sample
//
// It writes mentees.json, mentors.json and round.json. The output depends
// on nothing but the constants below and package synth, so running it again
// gives the same bytes; a test checks that the committed files are exactly
// what it writes.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
)

// The sample's settings.
var (
	config = synth.Config{
		Seed: 2026,
		// More than needed: only people living in the four cities below
		// (their homes resolved through the Belgian gazetteer; the whole
		// Brussels-Capital Region for Brussels) are kept, the first 60
		// mentees and 45 mentors of them.
		Mentees:         200,
		Mentors:         150,
		On:              profile.MustDate(2026, 11, 23),
		IneligibleShare: 0.1,
	}
	cities     = []string{"Brussels-Capital", "11002", "44021", "62063"} // the region; Antwerpen, Gent, Liège by NIS code
	numMentees = 60
	numMentors = 45
	// pinned are duos that "already exist": taken from the proposal of a
	// first run without them (pairs no hard rule blocks), so that they
	// look like duos a coordinator formed.
	pinned = []match.Duo{
		{MenteeID: "me-032", MentorID: "mo-023"}, // Ghent
		{MenteeID: "me-020", MentorID: "mo-045"}, // Brussels
		{MenteeID: "me-033", MentorID: "mo-026"}, // Antwerp
		{MenteeID: "me-039", MentorID: "mo-018"}, // Liège
	}
	// excluded is a pair whose first meeting "did not lead to a duo": a
	// duo the first run proposed, so that excluding it changes the
	// proposal.
	excluded = []match.Duo{{MenteeID: "me-011", MentorID: "mo-040"}}
)

// roundFile is the content of round.json: the round's day and the
// coordinators' decisions. The pools are in mentees.json and mentors.json.
type roundFile struct {
	On       profile.Date `json:"on"`
	Pinned   []match.Duo  `json:"pinned"`
	Excluded []match.Duo  `json:"excluded"`
}

func main() {
	dir := flag.String("o", filepath.Join("examples", "internal", "sample"), "directory to write the files to")
	flag.Parse()
	files, err := build()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensample:", err)
		os.Exit(1)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := os.WriteFile(filepath.Join(*dir, name), files[name], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gensample:", err)
			os.Exit(1)
		}
	}
}

// sampled are the sample's pools.
type sampled struct {
	mentees []profile.Mentee
	mentors []profile.Mentor
}

// pools draws the pools: the first numMentees mentees and numMentors
// mentors of the synthetic pool who live in one of the cities, renumbered
// me-001, me-002, … and mo-001, ….
func pools() (sampled, error) {
	all := synth.NewPool(config)
	var s sampled
	for _, m := range all.Mentees {
		if len(s.mentees) < numMentees && inCities(m.Home) {
			m.ID = fmt.Sprintf("me-%03d", len(s.mentees)+1)
			s.mentees = append(s.mentees, m)
		}
	}
	for _, m := range all.Mentors {
		if len(s.mentors) < numMentors && inCities(m.Home) {
			m.ID = fmt.Sprintf("mo-%03d", len(s.mentors)+1)
			s.mentors = append(s.mentors, m)
		}
	}
	if len(s.mentees) < numMentees || len(s.mentors) < numMentors {
		return sampled{}, fmt.Errorf("synth gave only %d mentees and %d mentors in %v", len(s.mentees), len(s.mentors), cities)
	}
	return s, nil
}

// inCities reports whether home resolves to one of the cities: its
// locality's ID or region is listed.
func inCities(home profile.Place) bool {
	l, err := belgium.Gazetteer().Resolve(home)
	return err == nil && (slices.Contains(cities, l.ID) || slices.Contains(cities, l.Region))
}

// build returns the files of the sample by name.
func build() (map[string][]byte, error) {
	s, err := pools()
	if err != nil {
		return nil, err
	}
	round := roundFile{On: config.On, Pinned: pinned, Excluded: excluded}
	files := make(map[string][]byte)
	for name, v := range map[string]any{"mentees.json": s.mentees, "mentors.json": s.mentors, "round.json": round} {
		b, err := encode(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		files[name] = b
	}
	return files, nil
}

// encode writes v as indented JSON with a final newline, without escaping
// <, > and & (none of the values is meant for HTML).
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
