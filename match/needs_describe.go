package match

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// side is what describing a partner reads of one unmatched person.
type side struct {
	langs      []profile.Language
	practise   string // base language the person practises, or ""
	home       profile.Place
	avail      profile.Availability
	wish       string // gender wished of the partner, trimmed
	sectors    []profile.Sector
	occupation profile.Occupation
}

// partner is the partner a group of unmatched people needs.
type partner struct {
	talk, practise string // base languages; practise "" when it is talk
	gender         string
	city           string // as the first member writes it
	lat, lon       float64
	geo            bool
	slots          profile.Availability
	section        byte // 0 when the members name no sector
	sector         profile.Sector
	occupation     profile.Occupation
}

// group is a set of unmatched people (pool rows, or indices of st.spare)
// who need the same partner, in ID order, with their reasons.
type group struct {
	members []int
	reasons []string
	spec    partner
}

// menteeGroups groups the unmatched pool mentees by the mentor they need.
func (st *roundState) menteeGroups(unmatched []Unmatched) []group {
	supply := map[string]int{} // base language -> spare mentors speaking it
	for _, mo := range st.spare {
		st.countSpoken(supply, mo.Languages)
	}
	var ids []int
	var views []side
	var reasons []string
	for _, u := range unmatched {
		row, ok := st.rowOf[u.ID]
		if !ok || !leftOut(u.Reason) {
			continue
		}
		me := &st.poolMentees[row]
		practise, _ := profile.BaseLanguage(me.Wants.PractiseLanguage)
		ids, reasons = append(ids, row), append(reasons, u.Reason)
		views = append(views, side{langs: me.Languages, practise: practise, home: me.Home, avail: me.Availability,
			wish: strings.TrimSpace(me.Wants.MentorGender), sectors: me.Sectors, occupation: me.Occupation})
	}
	return st.groupSides(ids, views, reasons, supply)
}

// mentorGroups groups the unmatched spare mentors by the mentee they need.
func (st *roundState) mentorGroups(unmatched []Unmatched) []group {
	supply := map[string]int{}
	for _, me := range st.poolMentees {
		st.countSpoken(supply, me.Languages)
	}
	index := make(map[string]int, len(st.spare))
	for c := range st.spare {
		index[st.spare[c].ID] = c
	}
	var ids []int
	var views []side
	var reasons []string
	for _, u := range unmatched {
		c, ok := index[u.ID]
		if !ok || !leftOut(u.Reason) {
			continue
		}
		mo := &st.spare[c]
		v := side{langs: mo.Languages, home: mo.Home, avail: mo.Availability, wish: strings.TrimSpace(mo.Wants.MenteeGender)}
		if k := mainExperience(mo.Experience); k >= 0 {
			v.sectors, v.occupation = []profile.Sector{mo.Experience[k].Sector}, mo.Experience[k].Occupation
		}
		ids, reasons = append(ids, c), append(reasons, u.Reason)
		views = append(views, v)
	}
	return st.groupSides(ids, views, reasons, supply)
}

// leftOut reports whether an unmatched person's reason is one a new
// partner could remedy.
func leftOut(reason string) bool {
	return reason == ReasonNoCompatibleMentor || reason == ReasonNoCompatibleMentee ||
		reason == ReasonOutcompeted || reason == ReasonBelowMinScore
}

// mainExperience returns the index of the experience entry with the most
// years and a valid sector (the first among equals), or -1.
func mainExperience(es []profile.Experience) int {
	best := -1
	for k, e := range es {
		if _, err := e.Sector.Parse(); err == nil && (best < 0 || e.Years > es[best].Years) {
			best = k
		}
	}
	return best
}

// countSpoken adds to supply the base languages spoken at the round's
// minimum level.
func (st *roundState) countSpoken(supply map[string]int, langs []profile.Language) {
	seen := map[string]bool{}
	for _, l := range langs {
		if b, ok := profile.BaseLanguage(l.Tag); ok && l.Level.AtLeast(st.minLevel()) && !seen[b] {
			seen[b] = true
			supply[b]++
		}
	}
}

// talkLanguage returns the language a partner should speak with v: the
// one v practises when v speaks it at the minimum level, else the one v
// speaks at that level that most people of the other side (supply) speak,
// the least tag among equals; "" when v speaks none at that level.
func (st *roundState) talkLanguage(v side, supply map[string]int) string {
	talk := ""
	for _, l := range v.langs {
		b, ok := profile.BaseLanguage(l.Tag)
		if !ok || !l.Level.AtLeast(st.minLevel()) {
			continue
		}
		if b == v.practise {
			return b
		}
		if talk == "" || supply[b] > supply[talk] || supply[b] == supply[talk] && b < talk {
			talk = b
		}
	}
	return talk
}

// groupSides groups people by the partner they need: the language to
// talk in (the one they practise when they speak it well enough, else the
// one most people of the other side speak), the one to practise, the
// gender wished, the place (folded city, or coordinates to 0.1°), and the
// section of their first sector. People no partner could serve (no
// language at the minimum level, no weekly slot, no place where the rules
// need one) are left out. Groups come in the order of their keys.
func (st *roundState) groupSides(ids []int, views []side, reasons []string, supply map[string]int) []group {
	byKey := map[string]*group{}
	var keys []string
	var groupViews = map[string][]side{}
	for k, v := range views {
		talk := st.talkLanguage(v, supply)
		place := ""
		switch city := strings.Join(strings.Fields(strings.ToLower(v.home.City)), " "); {
		case city != "":
			place = "c:" + city
		case v.home.HasCoords():
			place = fmt.Sprintf("g:%.1f,%.1f", v.home.Lat, v.home.Lon)
		}
		if talk == "" || v.avail.Count() == 0 || (place == "" && st.placeRule()) {
			continue
		}
		practise := v.practise
		if practise == talk {
			practise = ""
		}
		section := ""
		if s := firstSection(v.sectors); s != 0 {
			section = string(s)
		}
		key := strings.Join([]string{place, talk, practise, strings.ToLower(v.wish), section}, "\x00")
		g := byKey[key]
		if g == nil {
			g = &group{}
			byKey[key] = g
			keys = append(keys, key)
			g.spec = partner{talk: talk, practise: practise, gender: v.wish, city: strings.TrimSpace(v.home.City)}
			if section != "" {
				g.spec.section = section[0]
			}
		}
		g.members = append(g.members, ids[k])
		g.reasons = append(g.reasons, reasons[k])
		groupViews[key] = append(groupViews[key], v)
	}
	slices.Sort(keys)
	out := make([]group, 0, len(keys))
	for _, key := range keys {
		g := byKey[key]
		g.spec.fill(groupViews[key])
		out = append(out, *g)
	}
	return out
}

// fill sets the partner's coordinates, slots, sector and occupation from
// the members of its group.
func (p *partner) fill(vs []side) {
	n := 0
	for _, v := range vs {
		if v.home.HasCoords() {
			p.lat, p.lon, n = p.lat+v.home.Lat, p.lon+v.home.Lon, n+1
		}
	}
	if n > 0 {
		p.geo = true
		p.lat, p.lon = roundTo(p.lat/float64(n), 3), roundTo(p.lon/float64(n), 3)
	}

	// Slots: greedily the slot most uncovered members share (the earliest
	// among equals), until every member shares one; then at least two, for
	// the availability criterion.
	covered := make([]bool, len(vs))
	for {
		best, count := profile.Slot(0), 0
		for s := profile.Slot(0); s < profile.NumSlots; s++ {
			c := 0
			for k, v := range vs {
				if !covered[k] && v.avail.Has(s) {
					c++
				}
			}
			if c > count {
				best, count = s, c
			}
		}
		if count == 0 {
			break
		}
		p.slots |= profile.AvailabilityOf(best)
		for k, v := range vs {
			covered[k] = covered[k] || v.avail.Has(best)
		}
	}
	for p.slots.Count() < 2 {
		best, count := profile.Slot(0), 0
		for s := profile.Slot(0); s < profile.NumSlots; s++ {
			c := 0
			for _, v := range vs {
				if v.avail.Has(s) && !p.slots.Has(s) {
					c++
				}
			}
			if c > count {
				best, count = s, c
			}
		}
		if count == 0 {
			break
		}
		p.slots |= profile.AvailabilityOf(best)
	}

	var sectors []string
	var occupations []string
	for _, v := range vs {
		for _, s := range v.sectors {
			if path, err := s.Parse(); err == nil && path.Section == p.section {
				sectors = append(sectors, strings.TrimSpace(string(s)))
			}
		}
		if v.occupation.Valid() {
			occupations = append(occupations, string(v.occupation))
		}
	}
	p.sector = profile.Sector(mostCommon(sectors))
	p.occupation = profile.Occupation(mostCommon(occupations))
}

// firstSection returns the section of the first valid sector, or 0.
func firstSection(ss []profile.Sector) byte {
	for _, s := range ss {
		if p, err := s.Parse(); err == nil {
			return p.Section
		}
	}
	return 0
}

// mostCommon returns the most frequent string (the least among equals),
// or "".
func mostCommon(xs []string) string {
	slices.Sort(xs)
	best, count := "", 0
	for i := 0; i < len(xs); {
		j := i
		for j < len(xs) && xs[j] == xs[i] {
			j++
		}
		if j-i > count {
			best, count = xs[i], j-i
		}
		i = j
	}
	return best
}

func roundTo(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// recruit returns the mentor profile a group of mentees needs (its ID is
// set later).
func (st *roundState) recruit(g group) profile.Mentor {
	p := g.spec
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
		Experience:   []profile.Experience{{Sector: sector, Occupation: p.occupation, Years: max(st.fullYears(), pol.MinExperienceYears)}},
		Languages:    st.partnerLanguages(p),
		Home:         st.partnerHome(p),
		Availability: p.slots,
		WeeklyHours:  max(2, pol.MinWeeklyHours),
		Trained:      pol.Trained == profile.On,
		Capacity:     1,
	}
}

// outreachMentee returns the mentee profile a group of mentors needs (its
// ID is set later).
func (st *roundState) outreachMentee(g group) profile.Mentee {
	p := g.spec
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
		Home:         st.partnerHome(p),
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
	if st.minLevel().Rank() > level.Rank() {
		level = st.minLevel()
	}
	out := []profile.Language{{Tag: p.talk, Level: level}}
	if p.practise != "" {
		out = append(out, profile.Language{Tag: p.practise, Level: level})
	}
	return out
}

func (st *roundState) partnerHome(p partner) profile.Place {
	h := profile.Place{City: p.city}
	if p.geo {
		h.Lat, h.Lon = p.lat, p.lon
	}
	return h
}

// describe writes the partner in a sentence; lead "aims at" puts the
// sector first, as a mentee's goal, and "" last, as a mentor's experience.
func (st *roundState) describe(p partner, lead string) string {
	var parts []string
	if p.gender != "" {
		parts = append(parts, "gender "+p.gender)
	}
	if p.practise != "" {
		parts = append(parts, "speaks "+p.talk+" and "+p.practise+" (to practise)")
	} else {
		parts = append(parts, "speaks "+p.talk)
	}
	name := p.city
	if name == "" && p.geo {
		name = fmt.Sprintf("%.2f, %.2f", p.lat, p.lon)
	}
	switch km := st.maxKm(); {
	case name == "":
	case !st.placeRule():
		parts = append(parts, "lives near "+name)
	case p.geo && km != profile.Off:
		parts = append(parts, fmt.Sprintf("lives within %g km of %s", km, name))
	default:
		parts = append(parts, "lives in "+name)
	}
	var slots []string
	for _, s := range p.slots.Slots() {
		slots = append(slots, s.String())
	}
	switch len(slots) {
	case 1:
		parts = append(parts, "free "+slots[0])
	default:
		parts = append(parts, "free "+strings.Join(slots[:len(slots)-1], ", ")+" or "+slots[len(slots)-1])
	}
	text := strings.Join(parts, ", ")
	if p.section == 0 {
		return text
	}
	sector := fmt.Sprintf("sector %c, %s", p.section, sectionNames[p.section-'A'])
	if lead != "" {
		return lead + " " + sector + "; " + text
	}
	return text + "; " + sector
}

// The round's rules as scoring applies them, defaults filled in.
func (st *roundState) minLevel() profile.Level {
	if l := st.scorer.Rules.MinSharedLevel; l != "" {
		return l
	}
	return profile.B1
}

func (st *roundState) maxKm() float64 {
	if km := st.scorer.Rules.MaxDistanceKm; km != 0 {
		return km
	}
	return scoring.DefaultMaxDistanceKm
}

func (st *roundState) placeRule() bool { return st.maxKm() != profile.Off || st.scorer.Rules.SameCity }

func (st *roundState) fullYears() float64 {
	return cmp.Or(st.scorer.Rules.FullExperienceYears, 10) // scoring's default
}

// sectionNames are short English names of the 21 sections of NACE Rev. 2,
// A to U.
var sectionNames = [21]string{
	"agriculture, forestry and fishing", "mining and quarrying", "manufacturing",
	"energy supply", "water supply and waste", "construction",
	"wholesale and retail trade", "transport and storage", "accommodation and food services",
	"information and communication", "finance and insurance", "real estate",
	"professional, scientific and technical activities", "administrative and support services",
	"public administration", "education", "health and social work", "arts and recreation",
	"other services", "households as employers", "extraterritorial organisations",
}
