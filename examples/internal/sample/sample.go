// Package sample holds the sample pool that the example programs embed:
// 60 synthetic mentees and 45 synthetic mentors living in Brussels,
// Antwerp, Ghent and Liège, some of them ineligible, with four pinned duos
// and one excluded pair, for a round on 2026-11-23. No real person is in
// it.
//
// The files are written by internal/cmd/gensample from package synth with
// a fixed seed; do not edit them by hand. mentees.json and mentors.json are
// JSON arrays of profiles, the form the quickstart's -mentees and -mentors
// flags read; round.json holds the day of the round and the coordinators'
// decisions (pinned and excluded duos).
package sample

//go:generate go run ../../../internal/cmd/gensample -o .

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/profile"
)

// The embedded files, as gensample wrote them.
var (
	//go:embed mentees.json
	MenteesJSON []byte
	//go:embed mentors.json
	MentorsJSON []byte
	//go:embed round.json
	RoundJSON []byte
)

// Round returns the sample round: its day, pools, pinned and excluded
// duos, with the zero (default) Policy and Scorer. Each call decodes the
// files anew, so callers may change the result freely.
func Round() (match.Round, error) {
	r, err := match.DecodeRound(bytes.NewReader(RoundJSON), profile.DecodeOptions{})
	if err != nil {
		return match.Round{}, fmt.Errorf("sample: round.json: %w", err)
	}
	if r.Mentees, err = profile.DecodeMentees(bytes.NewReader(MenteesJSON), profile.DecodeOptions{}); err != nil {
		return match.Round{}, fmt.Errorf("sample: mentees.json: %w", err)
	}
	if r.Mentors, err = profile.DecodeMentors(bytes.NewReader(MentorsJSON), profile.DecodeOptions{}); err != nil {
		return match.Round{}, fmt.Errorf("sample: mentors.json: %w", err)
	}
	return r, nil
}
