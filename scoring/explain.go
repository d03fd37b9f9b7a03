package scoring

import (
	"fmt"

	"github.com/duomatch/duo/profile"
)

// reasons lists the rules that block the evaluated pair (ag, bg), in
// order. Messages name no city: a city is one person's data.
func (p *pool) reasons(ag, bg *gate, e *eval) []Reason {
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
		out = append(out, Reason{CodeTooFar, s.placeMessage(ag, bg, e)})
	}
	if e.blocked&blockTime != 0 {
		out = append(out, Reason{CodeNoSharedTime, "no weekly time slot in which both are free"})
	}
	if e.blocked&blockExcluded != 0 {
		out = append(out, Reason{CodeExcluded, "the pair is on the excluded list"})
	}
	return out
}

// parts explains each criterion of the evaluated pair.
func (p *pool) parts(ag *gate, a *menteeC, bg *gate, e *eval, mo *profile.Mentor) []Part {
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
			num(e.years), plural(e.years, "year", "years"), num(p.set.fullYears))
	}

	if e.interN == 0 {
		out[cInterests].Reason = "interests not given (neutral)"
	} else {
		out[cInterests].Reason = fmt.Sprintf("shares %d of %d %s", e.interInter, e.interN,
			plural(float64(e.interN), "interest", "interests"))
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
			e.traitDiff, e.traitN, plural(float64(e.traitN), "trait", "traits"))
	}

	switch {
	case e.km >= 0:
		out[cDistance].Reason = fmt.Sprintf("%.1f km apart (0 at %s km)", e.km, num(p.set.scaleKm))
	case ag.city != 0 && bg.city != 0 && ag.city == bg.city:
		out[cDistance].Reason = "same city"
	case ag.city != 0 && bg.city != 0:
		out[cDistance].Reason = "different cities"
	default:
		out[cDistance].Reason = "place not given (neutral)"
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

// placeMessage says why the place rule blocks the evaluated pair.
func (s *settings) placeMessage(ag, bg *gate, e *eval) string {
	if e.km >= 0 {
		return fmt.Sprintf("%.1f km apart, more than the maximum of %s km", e.km, num(s.maxKm))
	}
	why := "without coordinates for both the distance cannot be checked"
	if s.sameCity {
		why = "the programme requires the same city"
	}
	switch {
	case ag.city == 0 && bg.city == 0:
		return "no city given for either, and " + why
	case ag.city == 0:
		return "no city given for the mentee, and " + why
	case bg.city == 0:
		return "no city given for the mentor, and " + why
	}
	return "in different cities, and " + why
}

// plural returns one when x is 1 and many otherwise.
func plural(x float64, one, many string) string {
	if x == 1 {
		return one
	}
	return many
}

// num formats a setting or an amount without needless decimals.
func num(x float64) string { return fmt.Sprintf("%.4g", x) }

// levelName writes a level in its canonical form.
func levelName(l profile.Level) string {
	names := [...]string{"", "A1", "A2", "B1", "B2", "C1", "C2", "native"}
	return names[l.Rank()]
}
