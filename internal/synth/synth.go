package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
)

// Config says what pool to make. The zero Config makes an empty pool.
type Config struct {
	// Seed selects the pool: the same Config gives the same pool.
	Seed uint64 `json:"seed"`
	// Mentees and Mentors are the sizes of the pool; negative means 0.
	Mentees int `json:"mentees"`
	Mentors int `json:"mentors"`
	// On is the day of the matching round: ages are counted on it and
	// applications fall in the 60 days before it. Zero means 2025-01-06
	// ([DefaultOn]).
	On profile.Date `json:"on"`
	// IneligibleShare is the share, in [0, 1], of mentees and of mentors
	// made ineligible under [profile.DefaultPolicy] on On, each for one
	// reason. 0 (or NaN, or a negative value) makes everyone eligible;
	// values above 1 count as 1.
	IneligibleShare float64 `json:"ineligible_share"`
	// Spread draws every home uniformly among Belgium's 565
	// municipalities, with coordinates within about 3 km of the
	// municipality's point, instead of from the sample of cities weighted
	// by population: people then live all over the country, and the
	// 25 km rule leaves a few % of the pairs. Default false.
	Spread bool `json:"spread"`
}

// DefaultOn is the day of the round when [Config.On] is zero.
var DefaultOn = profile.MustDate(2025, time.January, 6)

// Pool is a generated pool in a form that encodes to JSON.
type Pool struct {
	On      profile.Date     `json:"on"`
	Mentees []profile.Mentee `json:"mentees"`
	Mentors []profile.Mentor `json:"mentors"`
}

// NewPool returns the pool that cfg describes, with the day of the round.
//
// Cost: O(cfg.Mentees + cfg.Mentors).
func NewPool(cfg Config) Pool {
	mentees, mentors := Generate(cfg)
	return Pool{On: cfg.on(), Mentees: mentees, Mentors: mentors}
}

// Generate returns the mentees and mentors that cfg describes. Mentee i has
// ID "me-%04d" (i+1) and mentor j "mo-%04d" (j+1). The result depends on
// cfg only; mentee i is the same in every pool with the same Seed, On and
// IneligibleShare and at least i+1 mentees, and likewise for mentors.
//
// Cost: O(cfg.Mentees + cfg.Mentors).
func Generate(cfg Config) ([]profile.Mentee, []profile.Mentor) {
	on := cfg.on()
	share := cfg.IneligibleShare
	if !(share > 0) {
		share = 0
	}
	mentees := make([]profile.Mentee, max(cfg.Mentees, 0))
	for i := range mentees {
		g := newGen(cfg.Seed, 2*uint64(i))
		g.spread = cfg.Spread
		mentees[i] = g.mentee(i, on, share)
	}
	mentors := make([]profile.Mentor, max(cfg.Mentors, 0))
	for j := range mentors {
		g := newGen(cfg.Seed, 2*uint64(j)+1)
		g.spread = cfg.Spread
		mentors[j] = g.mentor(j, on, share)
	}
	return mentees, mentors
}

func (c Config) on() profile.Date {
	if c.On.IsZero() {
		return DefaultOn
	}
	return c.On
}

// gen draws the values of one profile.
type gen struct {
	r      *rand.Rand
	spread bool // Config.Spread
}

func newGen(seed, stream uint64) gen {
	return gen{r: rand.New(rand.NewPCG(seed, stream^0x9e3779b97f4a7c15))}
}

func (g gen) chance(p float64) bool { return g.r.Float64() < p }

func (g gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

func pick[T any](g gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// weighted returns an index drawn with the given relative weights.
func weighted(g gen, n int, weight func(int) int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += weight(i)
	}
	x := g.r.IntN(total)
	for i := 0; i < n; i++ {
		x -= weight(i)
		if x < 0 {
			return i
		}
	}
	return n - 1
}

func (g gen) level(lo, hi profile.Level) profile.Level {
	levels := []profile.Level{profile.A1, profile.A2, profile.B1, profile.B2, profile.C1, profile.C2, profile.Native}
	return levels[g.between(lo.Rank()-1, hi.Rank()-1)]
}

// birthDate returns a birth date of a person aged exactly age on on.
func (g gen) birthDate(on profile.Date, age int) profile.Date {
	year := on.Year() - age
	day := on.Day()
	if on.Month() == time.February && day == 29 {
		day = 28
	}
	latest := profile.MustDate(year, on.Month(), day) // the last birthday making them age
	b := latest.AddDays(-g.r.IntN(365))
	if profile.Age(b, on) != age {
		return latest
	}
	return b
}

func (g gen) place() (profile.Place, city) {
	if g.spread {
		return g.spreadPlace()
	}
	c := cities[weighted(g, len(cities), func(i int) int { return cities[i].weight })]
	// Forms hold a postcode and a municipality, mostly both, in any of
	// their spellings; a postcode alone only for the cities marked
	// listed; three in ten also give coordinates. Every home resolves.
	p := profile.Place{City: c.spellings[g.r.IntN(len(c.spellings))]}
	switch x := g.r.Float64(); {
	case x < 0.2:
	case x < 0.3 && c.listed:
		p.City, p.Postcode = "", c.postcodes[0]
	default:
		p.Postcode = c.postcodes[g.r.IntN(len(c.postcodes))]
	}
	if g.chance(0.3) {
		p.Lat = round(c.lat+(g.r.Float64()*2-1)*0.03, 5)  // ±3.3 km
		p.Lon = round(c.lon+(g.r.Float64()*2-1)*0.045, 5) // ±3.2 km
	}
	return p, c
}

// municipalities are Belgium's municipalities, for Config.Spread.
var municipalities = sync.OnceValue(func() []belgium.Municipality { return belgium.Gazetteer().Municipalities() })

// spreadPlace draws a home uniformly among the municipalities, written as
// its main name and a postcode, with coordinates near its point.
func (g gen) spreadPlace() (profile.Place, city) {
	ms := municipalities()
	m := ms[g.r.IntN(len(ms))]
	c := city{lat: m.Lat, lon: m.Lon, region: wallonia}
	switch m.Region {
	case "04000":
		c.region = brussels
	case "02000":
		c.region = flanders
	}
	p := profile.Place{City: m.Name,
		Lat: round(m.Lat+(g.r.Float64()*2-1)*0.03, 5), Lon: round(m.Lon+(g.r.Float64()*2-1)*0.045, 5)}
	if len(m.Postcodes) > 0 {
		p.Postcode = m.Postcodes[g.r.IntN(len(m.Postcodes))]
	}
	return p, c
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// availability returns 2 to 8 slots, mostly daytime on weekdays when
// daytime is set, mostly evenings and weekends otherwise.
func (g gen) availability(daytime bool) profile.Availability {
	n := g.between(2, 8)
	var a profile.Availability
	for a.Count() < n {
		day := g.r.IntN(7)
		part := g.r.IntN(3)
		weekend := day >= 5
		if daytime && (weekend || part == 2) && !g.chance(0.3) {
			continue
		}
		if !daytime && !weekend && part != 2 && !g.chance(0.2) {
			continue
		}
		a |= profile.AvailabilityOf(profile.Slot(day*3 + part))
	}
	return a
}

func (g gen) interests() []string {
	n := g.between(0, 6)
	if n == 0 {
		return nil
	}
	seen := make(map[int]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		i := g.r.IntN(len(interests))
		if seen[i] {
			continue
		}
		seen[i] = true
		tag := interests[i]
		switch g.r.IntN(10) { // people type tags in many ways
		case 0:
			tag = " " + tag
		case 1:
			tag = titleASCII(tag)
		}
		out = append(out, tag)
	}
	return out
}

func titleASCII(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func (g gen) traits() profile.Traits {
	var names []string
	switch x := g.r.Float64(); {
	case x < 0.1:
		return nil
	case x < 0.3:
		k := g.between(2, 4)
		perm := g.r.Perm(len(traitNames))[:k]
		for _, i := range perm {
			names = append(names, traitNames[i])
		}
	default:
		names = traitNames
	}
	t := make(profile.Traits, len(names))
	for _, n := range names {
		t[n] = float64(g.between(0, 20)) / 20
	}
	return t
}

// sectorGroupFor draws a sector family with the mentee or mentor weights.
func (g gen) sectorGroup(mentor bool) sectorGroup {
	i := weighted(g, len(sectorGroups), func(i int) int {
		if mentor {
			return sectorGroups[i].mentorW
		}
		return sectorGroups[i].menteeW
	})
	return sectorGroups[i]
}

func (g gen) gender() profile.Gender {
	switch x := g.r.Float64(); {
	case x < 0.03:
		return ""
	case x < 0.04:
		return "x"
	case x < 0.52:
		return "female"
	}
	return "male"
}

// mentee draws mentee i.
func (g gen) mentee(i int, on profile.Date, share float64) profile.Mentee {
	m := profile.Mentee{ID: fmt.Sprintf("me-%04d", i+1)}
	why := -1 // the reason this mentee is ineligible, or -1
	if g.chance(share) {
		why = g.r.IntN(4)
	}

	age := g.between(18, 30)
	if why == 0 {
		age = pick(g, []int{17, 31, 32, 33})
	}
	m.BirthDate = g.birthDate(on, age)
	m.Gender = g.gender()

	home, c := g.place()
	m.Home = home

	// Background: first generation, or second generation born in Belgium.
	o := origins[weighted(g, len(origins), func(i int) int { return origins[i].weight })]
	if why == 1 {
		o = pick(g, euOrigins)
	}
	second := g.chance(0.4)
	if second {
		m.Background.BirthCountry = "BE"
		m.Background.Nationalities = []profile.Country{"BE"}
		m.Background.ParentBirthCountries = []profile.Country{o.country}
		if g.chance(0.5) {
			m.Background.ParentBirthCountries = append(m.Background.ParentBirthCountries, o.country)
		}
		m.Background.ParentNationalities = []profile.Country{o.country}
		if g.chance(0.5) {
			m.Background.ParentNationalities = append(m.Background.ParentNationalities, "BE")
		}
	} else {
		m.Background.BirthCountry = o.country
		m.Background.Nationalities = []profile.Country{o.country}
		if g.chance(0.2) && why != 1 {
			m.Background.Nationalities = append(m.Background.Nationalities, "BE")
		}
	}

	m.JobSeeker = profile.JobSeeker{
		Registered: why != 2,
		Agency:     c.region.agency,
		Since:      on.AddDays(-g.between(60, 900)),
	}
	if why == 2 && g.chance(0.5) {
		m.JobSeeker.Agency = ""
	}

	sg := g.sectorGroup(false)
	m.Project = sg.project
	if why == 3 {
		m.Project = ""
	}
	m.Sectors = []profile.Sector{pick(g, sg.codes)}
	for k := g.between(0, 2); k > 0; k-- {
		other := g.sectorGroup(false)
		if g.chance(0.5) {
			other = sg
		}
		if s := pick(g, other.codes); s != m.Sectors[len(m.Sectors)-1] {
			m.Sectors = append(m.Sectors, s)
		}
	}
	if g.chance(0.75) {
		m.Occupation = pick(g, sg.occupations)
	}
	m.Interests = g.interests()
	m.Languages = g.menteeLanguages(o, c.region, second)
	m.Availability = g.availability(true)
	m.Traits = g.traits()

	if g.chance(0.08) && m.Gender != "" {
		m.Wants.MentorGender = m.Gender
	}
	switch x := g.r.Float64(); {
	case x < 0.8:
		m.Wants.PractiseLanguage = c.region.local
	case x < 0.9:
		m.Wants.PractiseLanguage = pick(g, []string{"en", c.region.second, "nl-BE"})
	}
	m.AppliedOn = on.AddDays(-g.r.IntN(60))
	return m
}

func (g gen) menteeLanguages(o origin, r region, second bool) []profile.Language {
	var ls []profile.Language
	add := func(tag string, l profile.Level) {
		for _, x := range ls {
			if x.Tag == tag {
				return
			}
		}
		ls = append(ls, profile.Language{Tag: tag, Level: l})
	}
	if second {
		// Born here: the local language natively, the family's language
		// at home.
		add(r.local, profile.Native)
		add(o.langs[0], g.level(profile.B1, profile.Native))
		if r.second != "" && g.chance(0.5) {
			add(r.second, g.level(profile.A2, profile.C1))
		}
		if g.chance(0.6) {
			add("en", g.level(profile.A2, profile.C1))
		}
		return ls
	}
	add(o.langs[0], profile.Native)
	for _, l := range o.langs[1:] {
		if g.chance(0.6) {
			add(l, g.level(profile.A2, profile.Native))
		}
	}
	if g.chance(0.04) {
		// A newcomer who speaks only the family's languages and a little
		// of the local one: hard to match.
		add(r.local, profile.A1)
		return ls
	}
	add(r.local, g.level(profile.A2, profile.C1))
	if g.chance(0.5) {
		add("en", g.level(profile.A1, profile.C1))
	}
	if r.second != "" && g.chance(0.2) {
		add(r.second, g.level(profile.A1, profile.B2))
	}
	return ls
}
