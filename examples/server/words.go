package main

import (
	"net/http"

	"github.com/duomatch/duo/match"
)

// The proposal's words in the language a request asks for (requestLang),
// rendered by the library from the codes after the round: the page shows
// them beside the codes, which stay the API.

// proposalWords holds, by mentee ID, the words of each part of the
// mentee's duo's score (scoring.Part.Text), in the order of the parts.
type proposalWords struct {
	Parts map[string][]string `json:"parts"`
}

// wordsFor renders a proposal's words when the request names a language
// with ?lang= (the page always does); nil otherwise, so that clients that
// do not ask get the answer as before.
//
// Cost: O(duos × criteria).
func wordsFor(r *http.Request, p match.Proposal) *proposalWords {
	if !r.URL.Query().Has("lang") {
		return nil
	}
	lang, _ := requestLang(r)
	w := &proposalWords{Parts: make(map[string][]string, len(p.Duos))}
	for _, d := range p.Duos {
		texts := make([]string, len(d.Parts))
		for i, part := range d.Parts {
			texts[i] = part.Text(lang)
		}
		w.Parts[d.MenteeID] = texts
	}
	return w
}
