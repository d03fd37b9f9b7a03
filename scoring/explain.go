package scoring

import (
	"cmp"
	"slices"
	"strings"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
)

// parts explains each criterion of the evaluated pair of mentee i and
// mentor j.
func (p *pool) parts(i, j int, e *eval, mo *profile.Mentor) []Part {
	out := make([]Part, numCriteria)
	for k, c := range criteria {
		detail, args := c.explain(p, i, j, *e, mo)
		out[k] = Part{Criterion: c.name, Weight: p.set.nw[k], Value: e.v[k],
			Contribution: p.set.nw[k] * e.v[k], Detail: detail, Args: args}
	}
	return out
}

// Place args: a home is stored by the name of its municipality, or by one
// of these two tokens, which no municipality's name can be.
const (
	placeCoordinates = "(coordinates)"
	placeUnknown     = "(unknown)"
)

// placeArgOf stores locality l of gazetteer g as the words name it: a
// municipality of the Belgian gazetteer by its NIS code after "nis:", so
// that the words name it in the reader's language (Anvers, Antwerpen);
// any other by the name g gives it.
func placeArgOf(g profile.Gazetteer, l profile.Locality) string {
	if _, ok := g.(*belgium.Table); ok && l.ID != "" {
		return nisPrefix + l.ID
	}
	return l.Name
}

// nisPrefix marks a place arg that is a Belgian municipality's NIS code.
const nisPrefix = "nis:"

// placeArgs stores the homes of mentee i and mentor j for the words of the
// place rule and the distance criterion: each the name of its
// municipality as the gazetteer spells it, or a token for a home known
// only by its coordinates or not found.
func (p *pool) placeArgs(i, j int) (string, string) {
	return placeArg(p.menteePlace[i], &p.menteeGates[i]), placeArg(p.mentorPlace[j], &p.mentorGates[j])
}

func placeArg(name string, g *gate) string {
	switch {
	case name != "":
		return name
	case g.avail&geoBit != 0:
		return placeCoordinates
	}
	return placeUnknown
}

// placeWords are the words that name the two homes of a pair.
var placeWords = []word{
	{Message: i18n.Message{Key: "place.both_in", Text: i18n.Text{
		En: "both in %s", Fr: "les deux à %s", Nl: "beiden in %s", De: "beide in %s"}}},
	{Message: i18n.Message{Key: "place.pair", Text: i18n.Text{
		En: "%s – %s", Fr: "%s – %s", Nl: "%s – %s", De: "%s – %s"}}},
	{Message: i18n.Message{Key: "sep", Text: i18n.Text{
		En: "; ", Fr: " ; ", Nl: "; ", De: "; "}}},
	{Message: i18n.Message{Key: "place.coordinates", Text: i18n.Text{
		En: "coordinates", Fr: "coordonnées", Nl: "coördinaten", De: "Koordinaten"}}},
	{Message: i18n.Message{Key: "place.unknown", Text: i18n.Text{
		En: "unknown place", Fr: "lieu inconnu", Nl: "onbekende plaats", De: "unbekannter Ort"}}},
}

// placePair names the two homes a and b (as placeArgs stores them) in
// lang: "Schaerbeek – Ixelles", or "both in Bruxelles" when both were
// written alike.
func placePair(t tr, a, b string) string {
	if a == b && a != placeCoordinates && a != placeUnknown {
		return t.sprintf("place.both_in", placeName(t, a))
	}
	return t.sprintf("place.pair", placeName(t, a), placeName(t, b))
}

func placeName(t tr, a string) string {
	switch a {
	case placeCoordinates:
		return t.sprintf("place.coordinates")
	case placeUnknown:
		return t.sprintf("place.unknown")
	}
	if nis, ok := strings.CutPrefix(a, nisPrefix); ok {
		if n, ok := belgium.Gazetteer().Name(nis, t.lang); ok {
			return n
		}
	}
	return a
}

// levelName writes a level in its canonical form, the form Args store.
func levelName(l profile.Level) string {
	names := [...]string{"", "A1", "A2", "B1", "B2", "C1", "C2", "native"}
	return names[l.Rank()]
}

// levelWords name the native level; the CEFR levels are written as they
// are in every language.
var levelWords = []word{
	{Message: i18n.Message{Key: "level.native", Text: i18n.Text{
		En: "native", Fr: "langue maternelle", Nl: "moedertaal", De: "Muttersprache"}}},
}

// levelText writes a stored level in lang.
func levelText(t tr, l string) string {
	if l == "native" {
		return t.sprintf("level.native")
	}
	return l
}

// Strongest returns up to n of parts with a positive contribution, largest
// first (ties keep the order of the criteria): the reasons a report shows
// first for a duo. parts is not modified.
//
// Cost: O(len(parts)·log(len(parts))).
func Strongest(parts []Part, n int) []Part {
	var out []Part
	for _, p := range parts {
		if p.Contribution > 0 {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Part) int { return cmp.Compare(b.Contribution, a.Contribution) })
	return out[:min(max(n, 0), len(out))]
}
