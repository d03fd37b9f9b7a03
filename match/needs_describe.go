package match

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
	"github.com/duomatch/duo/scoring"
)

// side is what describing a partner reads of one unmatched person.
type side struct {
	langs      []profile.Language
	practise   string // base language the person practises, or ""
	home       profile.Place
	avail      profile.Availability
	wish       profile.Gender // gender wished of the partner
	sectors    []profile.Sector
	occupation profile.Occupation
}

// partner is the partner a group of unmatched people needs.
type partner struct {
	talk, practise string // base languages; practise "" when it is talk
	gender         profile.Gender
	home           profile.Place // the seed's, coordinates rounded to 0.01°
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
func (st *roundState) menteeGroups(ctx context.Context, unmatched []Unmatched) ([]group, error) {
	supply := map[string]int{} // base language -> spare mentors speaking it
	for _, mo := range st.spare {
		st.countSpoken(supply, mo.Languages)
	}
	var rows, waits []int
	var views []side
	var reasons []string
	for _, u := range unmatched {
		row, ok := st.rowOf[u.ID]
		if !ok || !leftOut(u.Reason) {
			continue
		}
		me := &st.poolMentees[row]
		practise, _ := profile.BaseLanguage(me.Wants.PractiseLanguage)
		rows, reasons, waits = append(rows, row), append(reasons, u.Reason), append(waits, st.waited(me))
		views = append(views, side{langs: me.Languages, practise: practise, home: me.Home, avail: me.Availability,
			wish: me.Wants.MentorGender, sectors: me.Sectors, occupation: me.Occupation})
	}
	return st.groupSides(rows, views, reasons, waits, supply, func(seeds []partner, pos []int) (func(k, j int) bool, error) {
		mentees := make([]profile.Mentee, len(pos))
		for j, x := range pos {
			mentees[j] = st.poolMentees[rows[x]]
		}
		mentors := make([]profile.Mentor, len(seeds))
		for k, seed := range seeds {
			mentors[k] = st.recruit(seed)
			mentors[k].ID = "seed-" + strconv.Itoa(k)
		}
		m, err := st.scoreNew(ctx, mentees, mentors)
		if err != nil {
			return nil, err
		}
		return func(k, j int) bool { return st.allowed(m.At(j, k)) }, nil
	})
}

// mentorGroups groups the unmatched spare mentors by the mentee they need.
func (st *roundState) mentorGroups(ctx context.Context, unmatched []Unmatched) ([]group, error) {
	supply := map[string]int{}
	for _, me := range st.poolMentees {
		st.countSpoken(supply, me.Languages)
	}
	index := make(map[string]int, len(st.spare))
	for c := range st.spare {
		index[st.spare[c].ID] = c
	}
	var cols []int
	var views []side
	var reasons []string
	for _, u := range unmatched {
		c, ok := index[u.ID]
		if !ok || !leftOut(u.Reason) {
			continue
		}
		mo := &st.spare[c]
		v := side{langs: mo.Languages, home: mo.Home, avail: mo.Availability, wish: mo.Wants.MenteeGender}
		if k := mainExperience(mo.Experience); k >= 0 {
			v.sectors, v.occupation = []profile.Sector{mo.Experience[k].Sector}, mo.Experience[k].Occupation
		}
		cols, reasons = append(cols, c), append(reasons, u.Reason)
		views = append(views, v)
	}
	return st.groupSides(cols, views, reasons, make([]int, len(cols)), supply, func(seeds []partner, pos []int) (func(k, j int) bool, error) {
		mentors := make([]profile.Mentor, len(pos))
		for j, x := range pos {
			mentors[j] = st.spare[cols[x]]
		}
		mentees := make([]profile.Mentee, len(seeds))
		for k, seed := range seeds {
			mentees[k] = st.outreachMentee(seed)
			mentees[k].ID = "seed-" + strconv.Itoa(k)
		}
		m, err := st.scoreNew(ctx, mentees, mentors)
		if err != nil {
			return nil, err
		}
		return func(k, j int) bool { return st.allowed(m.At(k, j)) }, nil
	})
}

// waited returns the days a mentee has waited on the round's day, 0
// without applied_on.
func (st *roundState) waited(me *profile.Mentee) int {
	if me.AppliedOn.IsZero() {
		return 0
	}
	return max(st.on.DaysSince(me.AppliedOn), 0)
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
		if b, ok := profile.BaseLanguage(l.Tag); ok && l.Level.AtLeast(st.rules().MinSharedLevel) && !seen[b] {
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
		if !ok || !l.Level.AtLeast(st.rules().MinSharedLevel) {
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

// servesFunc scores the partners seeds (seeds[k] drawn from the person at
// position pos[k] of a grouping) against those people, and returns whether
// seed k may be paired with the person at pos[j].
type servesFunc func(seeds []partner, pos []int) (func(k, j int) bool, error)

// groupSides groups people by the partner they need. Each person who can
// be served at all (a language at the minimum level, a weekly slot, a
// place where the rules need one) gets a seed: a partner speaking the
// language to talk in (the one they practise when they speak it well
// enough, else the one most people of the other side speak) and the one
// they practise, of the gender they wish, in their municipality (see
// [roundState.municipality]), free whenever they are. Then, longest waiting first (waits, then position), the first
// person not yet in a group starts one with every other such person of the
// same languages and gender wish whom its seed may be paired with; the
// group's partner keeps the seed's home and takes the fewest slots that
// reach every member and the members' commonest sector and occupation.
// Groups come in the order they are formed.
func (st *roundState) groupSides(ids []int, views []side, reasons []string, waits []int, supply map[string]int, serves servesFunc) ([]group, error) {
	var pos []int
	var seeds []partner
	var keys []string
	for k, v := range views {
		talk := st.talkLanguage(v, supply)
		home, ok := st.municipality(v.home)
		if talk == "" || v.avail.Count() == 0 || (!ok && st.placeRule()) {
			continue
		}
		seed := partner{talk: talk, gender: v.wish, home: home, slots: v.avail}
		if v.practise != talk {
			seed.practise = v.practise
		}
		pos = append(pos, k)
		seeds = append(seeds, seed)
		keys = append(keys, strings.Join([]string{talk, seed.practise, string(v.wish)}, "\x00"))
	}
	if len(pos) == 0 {
		return nil, nil
	}
	ok, err := serves(seeds, pos)
	if err != nil {
		return nil, err
	}
	order := make([]int, len(pos))
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(waits[pos[y]], waits[pos[x]]) })
	taken := make([]bool, len(pos))
	var out []group
	for _, k := range order {
		if taken[k] {
			continue
		}
		var g group
		var members []side
		for _, j := range order {
			if !taken[j] && keys[j] == keys[k] && (j == k || ok(k, j)) {
				taken[j] = true
				g.members = append(g.members, ids[pos[j]])
				g.reasons = append(g.reasons, reasons[pos[j]])
				members = append(members, views[pos[j]])
			}
		}
		g.spec = seeds[k]
		g.spec.fill(members)
		out = append(out, g)
	}
	return out, nil
}

// fill sets the partner's slots, sector and occupation from the members
// of its group.
func (p *partner) fill(vs []side) {
	p.slots = 0
	// Slots: greedily the slot most uncovered members share (the earliest
	// among equals), until every member shares one; then at least two, for
	// the availability criterion.
	covered := make([]bool, len(vs))
	for {
		best, count := commonestSlot(vs, func(k int) bool { return !covered[k] }, 0)
		if count == 0 {
			break
		}
		p.slots |= profile.AvailabilityOf(best)
		for k, v := range vs {
			covered[k] = covered[k] || v.avail.Has(best)
		}
	}
	for p.slots.Count() < 2 {
		best, count := commonestSlot(vs, func(int) bool { return true }, p.slots)
		if count == 0 {
			break
		}
		p.slots |= profile.AvailabilityOf(best)
	}

	var sectors []string
	var occupations []string
	for _, v := range vs {
		for _, s := range v.sectors {
			if _, err := s.Parse(); err == nil {
				sectors = append(sectors, strings.TrimSpace(string(s)))
			}
		}
		if v.occupation.Valid() {
			occupations = append(occupations, string(v.occupation))
		}
	}
	// The commonest section, then its commonest code.
	var sections []string
	for _, c := range sectors {
		path, _ := profile.Sector(c).Parse()
		sections = append(sections, string(path.Section))
	}
	if sec := mostCommon(sections); sec != "" {
		p.section = sec[0]
		p.sector = profile.Sector(mostCommon(slices.DeleteFunc(sectors, func(c string) bool {
			path, _ := profile.Sector(c).Parse()
			return path.Section != p.section
		})))
	}
	p.occupation = profile.Occupation(mostCommon(occupations))
}

// commonestSlot returns the slot outside not that most of the people
// counted have (the earliest among equals), and how many have it.
func commonestSlot(vs []side, counted func(k int) bool, not profile.Availability) (profile.Slot, int) {
	best, count := profile.Slot(0), 0
	for s := profile.Slot(0); s < profile.NumSlots; s++ {
		c := 0
		for k, v := range vs {
			if counted(k) && v.avail.Has(s) && !not.Has(s) {
				c++
			}
		}
		if c > count {
			best, count = s, c
		}
	}
	return best, count
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

// municipality returns the home a group's partner is given for a person
// living at h: the municipality the round's gazetteer resolves h to, by
// its main name and its coordinates, and whether there is one. Never the
// home as written (it may be a street address) nor the person's own
// coordinates (finer than a municipality): a recruit's profile and its
// description name no more than a municipality (issue 21).
func (st *roundState) municipality(h profile.Place) (profile.Place, bool) {
	places := st.scorer.Places
	if places == nil {
		places = belgium.Gazetteer() // the scorer's default
	}
	l, err := places.Resolve(h)
	if err != nil || l.ID == "" {
		return profile.Place{}, false
	}
	name := l.Name
	if t, ok := places.(*belgium.Table); ok {
		if n, ok := t.Name(l.ID, language.Und); ok {
			name = n
		}
	}
	return profile.Place{City: name, Country: h.Country, Lat: l.Lat, Lon: l.Lon}, true
}

// rules returns the round's rules as scoring applies them, defaults filled
// in ([scoring.Rules.Resolved]).
func (st *roundState) rules() scoring.Rules { return st.scorer.Rules.Resolved() }

func (st *roundState) placeRule() bool {
	r := st.rules()
	return r.MaxDistanceKm != profile.Off || r.SameCity || r.SameRegion
}
