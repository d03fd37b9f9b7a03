package synth

import (
	"fmt"

	"github.com/duomatch/duo/profile"
)

// mentor draws mentor j.
func (g gen) mentor(j int, on profile.Date, share float64) profile.Mentor {
	m := profile.Mentor{ID: fmt.Sprintf("mo-%04d", j+1)}
	why := -1
	if g.chance(share) {
		why = g.r.IntN(3)
	}
	age := g.between(50, 75)
	if why == 0 {
		age = g.between(45, 49)
	}
	m.BirthDate = g.birthDate(on, age)
	switch x := g.r.Float64(); {
	case x < 0.02:
		m.Gender = ""
	case x < 0.45:
		m.Gender = "female"
	default:
		m.Gender = "male"
	}
	switch x := g.r.Float64(); {
	case age < 60 && x < 0.5:
		m.Status = "employed"
	case x < 0.55:
		m.Status = "retired"
	case x < 0.75:
		m.Status = "early_retired"
	case x < 0.9:
		m.Status = "employed"
	case x < 0.98:
		m.Status = "self_employed"
	default:
		m.Status = "other"
	}

	n := g.between(1, 4)
	for k := 0; k < n; k++ {
		sg := g.sectorGroup(true)
		e := profile.Experience{Sector: pick(g, sg.codes), Years: float64(g.between(2, 30))}
		if g.chance(0.85) {
			e.Occupation = pick(g, sg.occupations)
		}
		if g.chance(0.2) {
			e.Years += 0.5
		}
		m.Experience = append(m.Experience, e)
	}
	if why == 2 {
		m.Experience = m.Experience[:1]
		m.Experience[0].Years = 0.5
	}

	home, c := g.place()
	m.Home = home
	m.Languages = g.mentorLanguages(c.region)
	m.Availability = g.availability(m.Status != "employed" && m.Status != "self_employed")
	m.WeeklyHours = float64(g.between(4, 8)) / 2
	if why == 1 {
		m.WeeklyHours = pick(g, []float64{1, 1.5})
	}
	m.Trained = g.chance(0.85)
	if x := g.r.Float64(); x < 0.05 {
		m.Capacity = 2
	} else if x < 0.2 {
		m.Capacity = 1
	}
	m.Interests = g.interests()
	m.Traits = g.traits()
	if g.chance(0.03) && m.Gender != "" {
		m.Wants.MenteeGender = m.Gender
	}
	return m
}

func (g gen) mentorLanguages(r region) []profile.Language {
	var ls []profile.Language
	add := func(tag string, l profile.Level) {
		for _, x := range ls {
			if x.Tag == tag {
				return
			}
		}
		ls = append(ls, profile.Language{Tag: tag, Level: l})
	}
	local := r.local
	if r == brussels && g.chance(0.3) {
		local = "nl" // Brussels has Dutch-speaking volunteers too
	}
	add(local, profile.Native)
	if r.second != "" {
		other := r.second
		if local == r.second {
			other = r.local
		}
		if g.chance(0.7) {
			add(other, g.level(profile.A2, profile.C2))
		}
	}
	if g.chance(0.75) {
		add("en", g.level(profile.B1, profile.C2))
	}
	if g.chance(0.12) {
		add(pick(g, mentorExtraLangs), g.level(profile.B1, profile.Native))
	}
	return ls
}
