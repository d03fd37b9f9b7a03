package match

import (
	"time"

	"github.com/duomatch/duo/profile"
)

// recruit returns the mentor profile a group of mentees needs (its ID is
// set later).
func (st *roundState) recruit(p partner) profile.Mentor {
	pol := st.policy.Mentor
	age := 60
	if pol.MinAge > age {
		age = pol.MinAge
	}
	sector := p.sector
	if sector == "" {
		sector = "S" // the mentees name no sector: the criterion is neutral
	}
	return profile.Mentor{
		BirthDate:    profile.MustDate(st.on.Year()-age, time.January, 1),
		Gender:       p.gender,
		Experience:   []profile.Experience{{Sector: sector, Occupation: p.occupation, Years: max(st.rules().FullExperienceYears, pol.MinExperienceYears)}},
		Languages:    st.partnerLanguages(p),
		Home:         p.home,
		Availability: p.slots,
		WeeklyHours:  max(2, pol.MinWeeklyHours),
		Trained:      pol.Trained == profile.On,
		Capacity:     1,
	}
}

// outreachMentee returns the mentee profile a group of mentors needs (its
// ID is set later).
func (st *roundState) outreachMentee(p partner) profile.Mentee {
	pol := st.policy.Mentee
	age := 25
	if pol.MinAge > age {
		age = pol.MinAge
	}
	if pol.MaxAge >= 0 && pol.MaxAge < age {
		age = pol.MaxAge
	}
	me := profile.Mentee{
		BirthDate:    profile.MustDate(st.on.Year()-age, time.January, 1),
		Gender:       p.gender,
		Background:   profile.Background{BirthCountry: "MA"},
		JobSeeker:    profile.JobSeeker{Registered: true, Agency: pol.Agencies[0]},
		Project:      "a job",
		Occupation:   p.occupation,
		Languages:    st.partnerLanguages(partner{talk: p.talk}),
		Home:         p.home,
		Availability: p.slots,
		Wants:        profile.MenteeWants{PractiseLanguage: p.talk},
		AppliedOn:    st.on,
	}
	if p.sector != "" {
		me.Sectors = []profile.Sector{p.sector}
		me.Project = "a job in " + sectionNames[p.section-'A']
	}
	return me
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
