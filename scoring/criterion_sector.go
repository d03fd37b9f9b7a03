package scoring

import "github.com/duomatch/duo/profile"

// CriterionSector is the criterion of the sector: the deepest level of
// the NACE hierarchy that a sector the mentee aims for shares with a
// sector of the mentor's experience, graded by [grade]; neutral without
// data. Its setting is its weight, [Weights].Sector.
const CriterionSector = "sector"

var criterionSector = criterion{name: CriterionSector, explain: func(p *pool, i, _ int, e eval, _ *profile.Mentor) string {
	hier := [5]string{"", "section", "division", "group", "class"}
	switch {
	case e.secLevel < 0:
		return "no target sector or no experience sector given (neutral)"
	case e.secLevel == 0:
		return "no shared NACE section"
	}
	t := p.sectors[p.mentees[i].secOff+uint32(e.secMe)]
	return "same NACE " + hier[e.secLevel] + " " + t.prefix(e.secLevel)
}}

// grade turns a number of shared hierarchy levels (NACE or ISCO) into a
// value: same class or unit group 1, group 0.9, division 0.75, section 0.4,
// nothing 0.
var grade = [5]float64{0, 0.4, 0.75, 0.9, 1}

// sector fills the sector and experience criteria: the best-sharing pair
// of a target sector and an experience sector, and the most years among
// the experience entries that reach that level.
func (p *pool) sector(a *menteeC, b *mentorC, e *eval) {
	if a.secN == 0 || b.secN == 0 {
		e.secLevel, e.years = -1, 0
		e.v[cSector] = Neutral
		e.v[cExperience] = Neutral
		return
	}
	targets := p.sectors[a.secOff : a.secOff+a.secN]
	best, years, at := 0, 0.0, 0
	for _, x := range p.exps[b.expOff : b.expOff+b.expN] {
		l, k := 0, 0
		for i, t := range targets {
			if m := t.shared(x.sector); m > l {
				l, k = m, i
			}
		}
		if l > best || (l == best && x.years > years) {
			best, years, at = l, x.years, k
		}
	}
	e.secLevel, e.secMe, e.years = best, at, years
	e.v[cSector] = grade[best]
	if best == 0 {
		e.v[cExperience] = 0
	} else {
		e.v[cExperience] = min(years/p.set.fullYears, 1)
	}
}
