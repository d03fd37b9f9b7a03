package scoring

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/duomatch/duo/profile"
)

// parts explains each criterion of the evaluated pair of mentee i and
// mentor j.
func (p *pool) parts(i, j int, e *eval, mo *profile.Mentor) []Part {
	out := make([]Part, numCriteria)
	for k, c := range criteria {
		out[k] = Part{Criterion: c.name, Weight: p.set.nw[k], Value: e.v[k],
			Contribution: p.set.nw[k] * e.v[k], Reason: c.explain(p, i, j, *e, mo)}
	}
	return out
}

// placePair names the homes of mentee i and mentor j in the coordinator's
// words: "Schaerbeek – Ixelles". A home known only by its coordinates is
// "coordinates", one not found "unknown place".
// placePair names the two homes of a pair in the coordinator's words:
// "Schaarbeek – Ixelles", or "both in Bruxelles" when both were written
// alike.
func (p *pool) placePair(i, j int) string {
	a, b := placeName(p.menteePlace[i], &p.menteeGates[i]), placeName(p.mentorPlace[j], &p.mentorGates[j])
	if a == b && p.menteePlace[i] != "" {
		return "both in " + a
	}
	return a + " – " + b
}

func placeName(name string, g *gate) string {
	switch {
	case name != "":
		return name
	case g.avail&geoBit != 0:
		return "coordinates"
	}
	return "unknown place"
}

// num formats a setting or an amount without needless decimals.
func num(x float64) string { return fmt.Sprintf("%.4g", x) }

// levelName writes a level in its canonical form.
func levelName(l profile.Level) string {
	names := [...]string{"", "A1", "A2", "B1", "B2", "C1", "C2", "native"}
	return names[l.Rank()]
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
