package scoring

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/duomatch/duo/internal/msg"
	"github.com/duomatch/duo/profile"
)

// reasons lists the rules that block the evaluated pair of mentee i and
// mentor j, in order. Messages name the municipalities of the homes as the
// gazetteer resolved them, nothing else of the addresses.
func (p *pool) reasons(i, j int, e *eval) []Reason {
	var out []Reason
	s := p.set
	if e.blocked&blockLanguage != 0 {
		out = append(out, Reason{CodeNoSharedLanguage,
			fmt.Sprintf("no language that both speak at %s or above", levelName(s.minLevel))})
	}
	if e.blocked&blockGender != 0 {
		out = append(out, Reason{CodeGenderWish, "a wish about the partner's gender is not met"})
	}
	if e.blocked&blockDistance != 0 {
		out = append(out, Reason{CodeTooFar, p.placeMessage(i, j, e)})
	}
	if e.blocked&blockTime != 0 {
		out = append(out, Reason{CodeNoSharedTime, "no weekly time slot in which both are free"})
	}
	if e.blocked&blockExcluded != 0 {
		out = append(out, Reason{CodeExcluded, "the pair is on the excluded list"})
	}
	return out
}

// parts explains each criterion of the evaluated pair of mentee i and
// mentor j.
func (p *pool) parts(i, j int, e *eval, mo *profile.Mentor) []Part {
	ag, bg, a := &p.menteeGates[i], &p.mentorGates[j], &p.mentees[i]
	out := make([]Part, numCriteria)
	for k := range out {
		out[k] = Part{Criterion: criterionNames[k], Weight: p.set.nw[k], Value: e.v[k],
			Contribution: p.set.nw[k] * e.v[k]}
	}
	hier := [5]string{"", "section", "division", "group", "class"}
	switch {
	case e.secLevel < 0:
		out[cSector].Reason = "no target sector or no experience sector given (neutral)"
	case e.secLevel == 0:
		out[cSector].Reason = "no shared NACE section"
	default:
		t := p.sectors[a.secOff+uint32(e.secMe)]
		out[cSector].Reason = "same NACE " + hier[e.secLevel] + " " + t.prefix(e.secLevel)
	}

	iscoHier := [5]string{"", "major group", "sub-major group", "minor group", "unit group"}
	switch {
	case e.occLevel < 0:
		out[cOccupation].Reason = "no target occupation or no experience occupation given (neutral)"
	case e.occLevel == 0:
		out[cOccupation].Reason = "no shared ISCO major group"
	default:
		out[cOccupation].Reason = "same ISCO " + iscoHier[e.occLevel] + " " + a.occupation.prefix(e.occLevel)
	}

	switch {
	case e.secLevel < 0:
		out[cExperience].Reason = "no sector to compare (neutral)"
	case e.secLevel == 0:
		out[cExperience].Reason = "no experience in a related sector"
	default:
		out[cExperience].Reason = fmt.Sprintf("%s %s in the best-matching sector (%s or more count fully)",
			num(e.years), msg.Plural(e.years, "year", "years"), num(p.set.fullYears))
	}

	if e.interN == 0 {
		out[cInterests].Reason = "interests not given (neutral)"
	} else {
		out[cInterests].Reason = fmt.Sprintf("shares %d of %d %s", e.interInter, e.interN,
			msg.Plural(float64(e.interN), "interest", "interests"))
	}

	var lang string
	if e.practise < 0 {
		lang = "no language to practise given (neutral)"
	} else {
		tag := p.langNames[a.practise]
		switch e.practise {
		case 2, 1:
			at := "natively"
			if lvl, _ := profile.Speaks(mo.Languages, tag); lvl.Rank() != profile.Native.Rank() {
				at = "at " + levelName(lvl)
			}
			lang = fmt.Sprintf("speaks %s %s, which the mentee practises", tag, at)
		default:
			lang = fmt.Sprintf("does not speak %s at B1 or above, which the mentee practises", tag)
		}
	}
	switch e.furtherN {
	case 0:
	case 1:
		lang += "; 1 further shared language"
	default:
		lang += fmt.Sprintf("; %d further shared languages", e.furtherN)
	}
	out[cLanguage].Reason = lang

	if e.traitN == 0 {
		out[cPersonality].Reason = "no trait given by both (neutral)"
	} else {
		out[cPersonality].Reason = fmt.Sprintf("traits differ by %.2f on average over %d shared %s",
			e.traitDiff, e.traitN, msg.Plural(float64(e.traitN), "trait", "traits"))
	}

	names := p.placePair(i, j)
	switch {
	case e.km >= 0:
		if e.km == 0 && strings.HasPrefix(names, "both in ") {
			out[cDistance].Reason = names + " (0 at " + num(p.set.scaleKm) + " km)"
		} else {
			out[cDistance].Reason = fmt.Sprintf("%s, %.1f km apart (0 at %s km)", names, e.km, num(p.set.scaleKm))
		}
	case ag.city != 0 && bg.city != 0 && ag.city == bg.city:
		out[cDistance].Reason = names + " (same municipality)"
	case ag.city != 0 && bg.city != 0:
		out[cDistance].Reason = "different municipalities (" + names + "), without coordinates"
	default:
		out[cDistance].Reason = "place not given or not found (neutral)"
	}

	switch e.common {
	case 0:
		out[cAvailability].Reason = "no common weekly slot"
	case 1:
		out[cAvailability].Reason = "1 common weekly slot (2 or more count fully)"
	default:
		out[cAvailability].Reason = fmt.Sprintf("%d common weekly slots", e.common)
	}
	return out
}

// placeMessage says why the place rules block the evaluated pair of
// mentee i and mentor j: every rule that does, joined by "; ".
func (p *pool) placeMessage(i, j int, e *eval) string {
	s := p.set
	ag, bg := &p.menteeGates[i], &p.mentorGates[j]
	names := p.placePair(i, j)
	var out []string
	switch {
	case e.km >= 0 && e.km > s.maxKm && s.limit:
		out = append(out, fmt.Sprintf("%s, %.1f km apart, more than the maximum of %s km", names, e.km, num(s.maxKm)))
	case e.km < 0 && s.limit && (ag.city == 0 || bg.city == 0):
		out = append(out, names+": "+notFound(ag.city, bg.city)+", so the distance cannot be checked")
	case e.km < 0 && s.limit && ag.city != bg.city:
		out = append(out, names+": different municipalities, and without coordinates for both the distance cannot be checked")
	}
	if s.sameCity && (ag.city != bg.city || ag.city == 0) {
		out = append(out, names+": not the same municipality, which the programme requires")
	}
	if s.sameRegion && !p.sameRegion(ag.city, bg.city) {
		out = append(out, names+": not the same region, which the programme requires")
	}
	if len(out) == 0 { // the distance with a limit rounded away; cannot happen
		return names + ": too far"
	}
	return strings.Join(out, "; ")
}

// notFound says which homes did not resolve to a municipality.
func notFound(a, b uint32) string {
	switch {
	case a == 0 && b == 0:
		return "neither home was found in the gazetteer"
	case a == 0:
		return "the mentee's home was not found in the gazetteer"
	}
	return "the mentor's home was not found in the gazetteer"
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
