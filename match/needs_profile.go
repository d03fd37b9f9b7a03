package match

import (
	"golang.org/x/text/language"

	"time"

	"github.com/duomatch/duo/profile"
)

// The invented profiles below are built from the round's resolved policy
// (st.policy), so that each is eligible by that policy's rules: an age
// inside its bounds on the round's day, an accepted agency, a background
// outside the EU of that day, the experience, hours and training it asks
// for. Only what the policy leaves open takes the model programme's value
// (profile.DefaultPolicy).

// recruit returns the mentor profile a group of mentees needs (its ID is
// set later).
func (st *roundState) recruit(p partner) profile.Mentor {
	pol, def := st.policy.Mentor, profile.DefaultPolicy().Mentor
	age := pol.MinAge // the youngest the policy admits
	if age == profile.Off {
		age = def.MinAge
	}
	hours := pol.MinWeeklyHours
	if hours == profile.Off {
		hours = def.MinWeeklyHours
	}
	sector := p.sector
	if sector == "" {
		sector = "S" // the mentees name no sector: the criterion is neutral
	}
	return profile.Mentor{
		BirthDate:    birthDate(st.on, age),
		Gender:       p.gender,
		Experience:   []profile.Experience{{Sector: sector, Occupation: p.occupation, Years: max(st.rules().FullExperienceYears, pol.MinExperienceYears)}},
		Languages:    st.partnerLanguages(p),
		Home:         p.home,
		Availability: p.slots,
		WeeklyHours:  hours,
		Trained:      pol.Trained == profile.On,
		Capacity:     1,
	}
}

// outreachMentee returns the mentee profile a group of mentors needs (its
// ID is set later).
func (st *roundState) outreachMentee(p partner) profile.Mentee {
	pol := st.policy.Mentee
	me := profile.Mentee{
		BirthDate:    birthDate(st.on, menteeAge(pol)),
		Gender:       p.gender,
		Project:      "a job",
		Occupation:   p.occupation,
		Languages:    st.partnerLanguages(partner{talk: p.talk}),
		Home:         p.home,
		Availability: p.slots,
		Wants:        profile.MenteeWants{PractiseLanguage: p.talk},
		AppliedOn:    st.on,
	}
	if pol.NonEUBackground == profile.On {
		me.Background = profile.Background{BirthCountry: outsideEU(st.on)}
	}
	if pol.RegisteredJobSeeker == profile.On {
		// The policy's first accepted agency, in the order it lists them
		// (with AnyAgency, any agency is accepted, the first listed too).
		me.JobSeeker = profile.JobSeeker{Registered: true, Agency: pol.Agencies[0]}
	}
	if p.sector != "" {
		me.Sectors = []profile.Sector{p.sector}
		me.Project = "a job in " + sectionName(string(p.section), language.English)
	}
	return me
}

// menteeAge returns an age inside the bounds of the resolved rules r: the
// middle of the two bounds, the one bound there is, or the middle of the
// model programme's bounds when r has none.
func menteeAge(r profile.MenteeRules) int {
	lo, hi := r.MinAge, r.MaxAge
	switch {
	case lo != profile.Off && hi != profile.Off:
		return (lo + hi) / 2
	case lo != profile.Off:
		return lo
	case hi != profile.Off:
		return hi
	}
	return menteeAge(profile.DefaultPolicy().Mentee)
}

// birthDate returns the birth date of a person who is age years old on
// the day on: the first of January of that many years before.
func birthDate(on profile.Date, age int) profile.Date {
	return profile.MustDate(on.Year()-age, time.January, 1)
}

// outsideEU returns the first country in the order of the ISO 3166-1
// codes that is not a member of the EU on the day on.
//
// Cost: at most 26² lookups.
func outsideEU(on profile.Date) profile.Country {
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if c := profile.Country([]byte{byte(a), byte(b)}); c.Known() && !profile.IsEU(c, on) {
				return c
			}
		}
	}
	return "" // not reached: most countries are outside the EU
}

// partnerLanguages returns the partner's languages, at B2 (which gives the
// language criterion its full value) or the round's minimum level if
// higher.
func (st *roundState) partnerLanguages(p partner) []profile.Language {
	level := profile.B2
	if st.rules().MinSharedLevel.Rank() > level.Rank() {
		level = st.rules().MinSharedLevel
	}
	out := []profile.Language{{Tag: p.talk, Level: level}}
	if p.practise != "" {
		out = append(out, profile.Language{Tag: p.practise, Level: level})
	}
	return out
}
