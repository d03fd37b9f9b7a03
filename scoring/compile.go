package scoring

import (
	"math"
	"slices"

	"github.com/duomatch/duo/profile"
)

// A pool is a set of mentees and mentors compiled for scoring: every string
// interned into a small integer, every code parsed once, every set held as a
// bit set, every home turned into a point on the unit sphere. Scoring a pair
// then reads only these flat values: no maps, no parsing, no allocation.
//
// [Scorer.Pair] compiles a pool of one mentee and one mentor, [Scorer.Matrix]
// one of the whole pool, and both score with the same function, so a cell of
// the matrix equals Pair's score bit for bit. What could differ between the
// two, the numbering of interned strings, never changes a value: sets are
// compared by counts, and traits are summed in the order of their names,
// which interning preserves (vocabularies are sorted).
type pool struct {
	set *settings

	// Sets whose vocabulary has more than narrowLimit entries are held as
	// sorted ID lists in ids instead of bit sets.
	wideTags, wideLangs, wideTraits bool
	ids                             []uint32

	// The arrays behind menteeC.sectors and mentorC.langs, occs and exps.
	sectors    []nace
	langLevels []langLevel
	occs       []isco
	exps       []sectorExp
	traitVals  []float64 // trait values, in the order of the traits' IDs

	langNames []string // base languages by ID, for explanations

	// places are the localities of the homes, by gate.city − 1, and
	// menteePlace, mentorPlace the name of each person's home in the
	// coordinator's words ("" when it did not resolve).
	places                   []placeC
	menteePlace, mentorPlace []string
	// unresolved lists the homes that did not resolve, as (mentor side,
	// index, error), in order: mentees first.
	unresolved []unresolvedHome

	menteeGates []gate
	mentorGates []gate
	mentees     []menteeC
	mentors     []mentorC
}

// narrowLimit is the largest vocabulary held in a tagSet's bit set.
var narrowLimit = 128 // a variable so that tests can force the wide form

// tagSet is a set of interned strings: a bit set when its vocabulary is
// narrow, otherwise the IDs pool.ids[off:off+n] in increasing order. n is
// the size of the set in both forms.
type tagSet struct {
	bits   [2]uint64
	off, n uint32
}

// gate is what the hard rules read of a person, in one 64-byte cache line
// so that the many pairs a rule blocks cost little memory traffic.
type gate struct {
	avail  uint32     // the weekly slots in bits 0..20; geoBit when geo is set
	gender uint32     // interned, 0 for not given
	want   uint32     // interned wished gender of the partner, 0 for none
	city   uint32     // the home's locality, 1 + its index in pool.places; 0 for none
	langOK tagSet     // base languages spoken at Rules.MinSharedLevel or above
	geo    [3]float64 // unit vector of the home
}

// placeC is a locality of the pool: its region, interned (0 for none),
// and its zone under the pool's settings ([settings.zone]).
type placeC struct {
	region, zone uint32
}

// unresolvedHome is a home that did not resolve through the gazetteer.
type unresolvedHome struct {
	mentor bool
	index  int
	err    error
}

// geoBit marks a gate whose home has coordinates.
const geoBit = 1 << 31

// person is the rest of what mentees and mentors have in common, compiled.
type person struct {
	interests tagSet
	traits    tagSet
	traitOff  uint32 // values at pool.traitVals[traitOff:traitOff+traits.n]
}

type menteeC struct {
	person
	practise   int32  // interned base language to practise, -1 for none
	practiseOK bool   // the mentee speaks it at Rules.MinSharedLevel or above
	sectors    []nace // the valid target sectors
	sections   uint32 // their NACE sections, as nace.sectionBit
	occupation isco
}

type mentorC struct {
	person
	langs []langLevel // each base language spoken, once
	occs  []isco      // the valid occupations of the experience entries
	exps  []sectorExp // the experience entries with a valid sector
	// sections are their NACE sections, as nace.sectionBit.
	sections uint32
}

// langLevel is a language a mentor speaks and how well, for the language
// criterion: its ID, its level (0 below B1, 1 at B1, 2 at B2 or above)
// and whether it is spoken at Rules.MinSharedLevel or above.
type langLevel struct {
	id    uint32
	level uint8
	ok    bool
}

// sectorExp is a mentor's experience entry with a valid sector, compiled:
// its sector and its years, 0 unless finite and positive.
type sectorExp struct {
	sector nace
	years  float64
}

// langInfo is a person's languages: each base language with the best rank
// at which they speak it.
type langInfo struct {
	base string
	rank int
}

// compiler holds what compiling a pool needs beyond the pool itself.
type compiler struct {
	p                               *pool
	interests, langs, traits, words *vocab
	bases                           map[string]string // tag -> base language ("" when invalid)
	folded                          map[string]string // string -> norm(string), for strings norm changes
	homes                           map[profile.Place]home
	placeIdx, regionIdx             map[string]uint32 // locality ID -> gate.city, region -> placeC.region
	codes                           map[profile.Sector]nace
	minRank                         int
	// Scratch space reused from one profile to the next.
	ids, langIDs []uint32
	langs1       []langInfo
	traitEnts    []traitEntry
}

type traitEntry struct {
	id    uint32
	value float64
}

// compile builds the pool of mentees and mentors under set.
//
// Cost: O(total size of the profiles) map operations, plus one parse of
// each distinct language tag.
func compile(set *settings, mentees []profile.Mentee, mentors []profile.Mentor) *pool {
	c := &compiler{
		p:         &pool{set: set},
		interests: newVocab(), langs: newVocab(), traits: newVocab(), words: newVocab(),
		bases: map[string]string{}, folded: map[string]string{}, codes: map[profile.Sector]nace{},
		homes: map[profile.Place]home{}, placeIdx: map[string]uint32{}, regionIdx: map[string]uint32{},
	}
	// First pass: the vocabularies.
	for i := range mentees {
		m := &mentees[i]
		c.vocabPerson(m.Interests, m.Languages, m.Traits, m.Gender, m.Wants.MentorGender)
		if b := c.base(m.Wants.PractiseLanguage); b != "" {
			c.langs.add(b)
		}
	}
	for i := range mentors {
		m := &mentors[i]
		c.vocabPerson(m.Interests, m.Languages, m.Traits, m.Gender, m.Wants.MenteeGender)
	}
	c.interests.freeze(false)
	c.langs.freeze(false)
	c.traits.freeze(false)
	c.words.freeze(true)
	p := c.p
	p.wideTags = len(c.interests.list) > narrowLimit
	p.wideLangs = len(c.langs.list) > narrowLimit
	p.wideTraits = len(c.traits.list) > narrowLimit
	p.langNames = c.langs.list
	c.minRank = set.minRank

	// Second pass: the profiles.
	p.menteeGates = make([]gate, len(mentees))
	p.mentees = make([]menteeC, len(mentees))
	p.menteePlace = make([]string, len(mentees))
	secStart := make([]int, len(mentees)+1) // where each mentee's sectors start
	for i := range mentees {
		m := &mentees[i]
		d := &p.mentees[i]
		p.menteePlace[i] = c.home(&p.menteeGates[i], false, i, m.Home)
		langs := c.person(&p.menteeGates[i], &d.person, m.Interests, m.Languages, m.Traits, m.Gender, m.Wants.MentorGender, m.Home, m.Availability)
		d.practise = -1
		if b := c.base(m.Wants.PractiseLanguage); b != "" {
			d.practise = int32(c.langs.id[b])
			for _, l := range langs {
				d.practiseOK = d.practiseOK || (l.base == b && l.rank >= c.minRank)
			}
		}
		secStart[i] = len(p.sectors)
		for _, s := range m.Sectors {
			if n := c.nace(s); n != 0 {
				p.sectors = append(p.sectors, n)
				d.sections |= n.sectionBit()
			}
		}
		d.occupation = parseISCO(m.Occupation)
	}
	secStart[len(mentees)] = len(p.sectors)
	for i := range p.mentees {
		p.mentees[i].sectors = span(p.sectors, secStart, i)
	}
	p.mentorGates = make([]gate, len(mentors))
	p.mentors = make([]mentorC, len(mentors))
	p.mentorPlace = make([]string, len(mentors))
	// Where each mentor's langs, occs and exps start.
	langStart, occStart, expStart := make([]int, len(mentors)+1), make([]int, len(mentors)+1), make([]int, len(mentors)+1)
	for i := range mentors {
		m := &mentors[i]
		d := &p.mentors[i]
		p.mentorPlace[i] = c.home(&p.mentorGates[i], true, i, m.Home)
		langs := c.person(&p.mentorGates[i], &d.person, m.Interests, m.Languages, m.Traits, m.Gender, m.Wants.MenteeGender, m.Home, m.Availability)
		langStart[i], occStart[i], expStart[i] = len(p.langLevels), len(p.occs), len(p.exps)
		for _, l := range langs {
			ll := langLevel{id: c.langs.id[l.base], ok: l.rank >= c.minRank}
			switch {
			case l.rank >= profile.B2.Rank():
				ll.level = 2
			case l.rank >= profile.B1.Rank():
				ll.level = 1
			}
			p.langLevels = append(p.langLevels, ll)
		}
		for _, e := range m.Experience {
			if o := parseISCO(e.Occupation); o != 0 {
				p.occs = append(p.occs, o)
			}
			x := sectorExp{sector: c.nace(e.Sector)}
			if e.Years > 0 && !math.IsInf(e.Years, 1) {
				x.years = e.Years
			}
			if x.sector != 0 {
				p.exps = append(p.exps, x)
				d.sections |= x.sector.sectionBit()
			}
		}
	}
	langStart[len(mentors)], occStart[len(mentors)], expStart[len(mentors)] = len(p.langLevels), len(p.occs), len(p.exps)
	for i := range p.mentors {
		d := &p.mentors[i]
		d.langs, d.occs, d.exps = span(p.langLevels, langStart, i), span(p.occs, occStart, i), span(p.exps, expStart, i)
	}
	return p
}

// span returns person i's part of all, which starts at start[i] and ends
// where person i+1's starts, with no room to grow into the next.
func span[T any](all []T, start []int, i int) []T {
	return all[start[i]:start[i+1]:start[i+1]]
}

// nace returns parseNACE(s), parsing each distinct code once.
func (c *compiler) nace(s profile.Sector) nace {
	n, ok := c.codes[s]
	if !ok {
		n = parseNACE(s)
		c.codes[s] = n
	}
	return n
}

// base returns the base language of tag, or "" when it has none; each
// distinct tag is parsed once.
func (c *compiler) base(tag string) string {
	if tag == "" {
		return ""
	}
	b, ok := c.bases[tag]
	if !ok {
		b, _ = profile.BaseLanguage(tag)
		c.bases[tag] = b
	}
	return b
}

func (c *compiler) vocabPerson(interests []string, langs []profile.Language, traits profile.Traits, gender, want profile.Gender) {
	for _, s := range interests {
		c.interests.add(c.norm(s))
	}
	for _, l := range langs {
		if b := c.base(l.Tag); b != "" && l.Level.Known() {
			c.langs.add(b)
		}
	}
	for name, v := range traits {
		if validTrait(v) {
			c.traits.add(c.norm(name))
		}
	}
	c.words.add(c.norm(genderKey(gender)))
	c.words.add(c.norm(genderKey(want)))
}

func validTrait(v float64) bool { return v >= 0 && v <= 1 } // false for NaN

// person compiles the common part of a profile and returns its languages,
// in scratch space that the next call reuses.
func (c *compiler) person(g *gate, d *person, interests []string, langs []profile.Language, traits profile.Traits,
	gender, want profile.Gender, home profile.Place, avail profile.Availability) []langInfo {
	p := c.p
	// Interests.
	ids := c.ids[:0]
	for _, s := range interests {
		if t := c.norm(s); t != "" {
			ids = append(ids, c.interests.id[t])
		}
	}
	d.interests = c.set(ids, p.wideTags)

	// Languages: the best rank of each base language.
	li := c.langs1[:0]
	for _, l := range langs {
		b, r := c.base(l.Tag), l.Level.Rank()
		if b == "" || r == 0 {
			continue
		}
		found := false
		for k := range li {
			if li[k].base == b {
				li[k].rank = max(li[k].rank, r)
				found = true
			}
		}
		if !found {
			li = append(li, langInfo{b, r})
		}
	}
	c.langs1 = li
	g.langOK = c.langSet(li, c.minRank)

	// Traits: valid values, in the order of the names' IDs. Of two names
	// that fold to the same one ("Openness", "openness") the smaller value
	// counts, whatever the order of the map.
	te := c.traitEnts[:0]
	for name, v := range traits {
		if n := c.norm(name); n != "" && validTrait(v) {
			te = append(te, traitEntry{c.traits.id[n], v})
		}
	}
	slices.SortFunc(te, func(a, b traitEntry) int {
		switch {
		case a.id != b.id:
			return cmpU32(a.id, b.id)
		case a.value != b.value:
			if a.value < b.value {
				return -1
			}
			return 1
		}
		return 0
	})
	te = slices.CompactFunc(te, func(a, b traitEntry) bool { return a.id == b.id })
	c.traitEnts = te
	ids = ids[:0]
	d.traitOff = uint32(len(p.traitVals))
	for _, t := range te {
		ids = append(ids, t.id)
		p.traitVals = append(p.traitVals, t.value)
	}
	d.traits = c.set(ids, p.wideTraits)
	c.ids = ids

	g.avail = g.avail&geoBit | uint32(avail.Common(avail))
	g.gender = c.words.id[c.norm(genderKey(gender))]
	g.want = c.words.id[c.norm(genderKey(want))]
	return li
}

func cmpU32(a, b uint32) int {
	if a < b {
		return -1
	}
	return 1
}

// langSet returns the set of languages in li spoken at rank min or above.
func (c *compiler) langSet(li []langInfo, min int) tagSet {
	ids := c.langIDs[:0]
	for _, l := range li {
		if l.rank >= min {
			ids = append(ids, c.langs.id[l.base])
		}
	}
	c.langIDs = ids
	return c.set(ids, c.p.wideLangs)
}

// set makes a tagSet of ids (which it may reorder).
func (c *compiler) set(ids []uint32, wide bool) tagSet {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	s := tagSet{n: uint32(len(ids))}
	if wide {
		s.off = uint32(len(c.p.ids))
		c.p.ids = append(c.p.ids, ids...)
		return s
	}
	for _, id := range ids {
		s.bits[id/64] |= 1 << (id % 64)
	}
	return s
}
