package match

import (
	"slices"

	"github.com/duomatch/duo/internal/i18n"
)

// catalog holds every message of match in every language, gathered from
// the files that produce them: [Unmatched.Text] (round_explain.go),
// [Change.Text] (alternatives.go) and [Wanted.Text] (needs_words.go). It
// is built once and never changed.
var catalog = i18n.New(slices.Concat(unmatchedWords, changeWords, wantedWords)...)
