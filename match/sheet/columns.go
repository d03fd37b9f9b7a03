package sheet

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/duomatch/duo/profile"
)

// column is one known column of a sheet of people of type T: its name,
// the JSON path of the field it fills (to put a validation error in the
// right column), its aliases, and how a cell reads into the field and back.
type column[T any] struct {
	name    string
	path    string
	aliases []string
	numeric bool
	date    bool // a date: its cell may have a two-digit year (widenYear)
	read    func(p *T, cell string) cellProblem
	write   func(p *T, nf numFormat) (string, unwritable)
}

// field makes the column name for the field of T that get points to.
func field[T, V any](name, path string, c codec[V], get func(*T) *V, aliases ...string) column[T] {
	return column[T]{
		name: name, path: path, aliases: aliases, numeric: c.numeric, date: c.date,
		read: func(p *T, cell string) cellProblem {
			v, problem := c.parse(cell)
			if problem.code == "" {
				*get(p) = v
			}
			return problem
		},
		write: func(p *T, nf numFormat) (string, unwritable) { return c.format(*get(p), nf) },
	}
}

// table is the known columns of one side, in the order the writers use,
// with a lookup from normalised heading to column.
type table[T any] struct {
	side     string // "mentee" or "mentor"
	cols     []column[T]
	byName   map[string]int // normalised name or alias -> index in cols
	keys     []key          // the same, in the table's order
	required []string       // names of the columns a sheet must have
}

// key is a normalised name or alias of the column col.
type key struct {
	norm []rune
	col  int
}

func newTable[T any](side string, cols []column[T]) *table[T] {
	t := &table[T]{side: side, cols: cols, byName: map[string]int{}, required: []string{"id", "birth_date"}}
	for i, c := range cols {
		// The name, the aliases, and the column's heading in each language
		// (headingWords), which an alias may already spell.
		for k, n := range slices.Concat([]string{c.name}, c.aliases, headings(c.name)) {
			h := normHeading(n)
			if j, dup := t.byName[h]; dup && j == i && k > len(c.aliases) {
				continue
			} else if dup || utf8.RuneCountInString(h) > maxHeadingRunes {
				panic("sheet: duplicate or long column name, alias or heading " + n) // a bug in the tables
			}
			t.byName[h] = i
			t.keys = append(t.keys, key{norm: []rune(h), col: i})
		}
	}
	return t
}

// headings returns the headings of the column name in French, Dutch and
// German (headingWords).
func headings(name string) []string {
	for _, m := range headingWords {
		if m.Key == "heading."+name {
			return []string{m.Text.Fr, m.Text.Nl, m.Text.De}
		}
	}
	return nil
}

// column returns the index of the column whose JSON path holds the field
// path of a validation error ("languages[2].level" is in languages), or -1.
func (t *table[T]) columnOf(path string) int {
	for i, c := range t.cols {
		if path == c.path || strings.HasPrefix(path, c.path+".") || strings.HasPrefix(path, c.path+"[") {
			return i
		}
	}
	return -1
}

// normHeading folds a heading for matching: lower case, accents removed,
// and everything but letters and digits dropped, so that "Date de
// naissance", "date_de_naissance" and "DATE-DE-NAISSANCE" are the same.
func normHeading(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Columns shared by both sides.
func commonHead[T any](id func(*T) *string, birth func(*T) *profile.Date, gender func(*T) *profile.Gender) []column[T] {
	return []column[T]{
		field("id", "id", textCodec, id, "identifiant", "identificatie", "identifier", "Teilnehmer-ID", "Teilnehmernummer"),
		field("birth_date", "birth_date", dateCodec, birth, "date de naissance", "geboortedatum", "date of birth", "naissance", "geboren am"),
		field("gender", "gender", genderCodec, gender, "genre", "sexe", "geslacht", "sex"),
	}
}

func placeColumns[T any](home func(*T) *profile.Place) []column[T] {
	return []column[T]{
		field("postcode", "home.postcode", textCodec, func(p *T) *string { return &home(p).Postcode },
			"code postal", "postal code", "cp", "zip", "PLZ"),
		field("city", "home.city", textCodec, func(p *T) *string { return &home(p).City },
			"commune", "ville", "gemeente", "stad", "municipality", "town", "Ort", "Wohnort", "Stadt"),
		field("country", "home.country", countryCodec, func(p *T) *profile.Country { return &home(p).Country },
			"pays", "land", "Wohnland"),
		field("lat", "home.lat", floatCodec(true), func(p *T) *float64 { return &home(p).Lat },
			"latitude", "breedtegraad"),
		field("lon", "home.lon", floatCodec(true), func(p *T) *float64 { return &home(p).Lon },
			"longitude", "lengtegraad", "lng"),
	}
}

func languagesColumn[T any](get func(*T) *[]profile.Language) column[T] {
	return field("languages", "languages", languagesCodec, get, "langues", "talen", "language", "langue", "taal", "Sprache")
}

func availabilityColumn[T any](get func(*T) *profile.Availability) column[T] {
	return field("availability", "availability", availabilityCodec, get,
		"disponibilites", "disponibilite", "beschikbaarheid", "Verfügbarkeiten")
}

func interestsColumn[T any](get func(*T) *[]string) column[T] {
	return field("interests", "interests", stringsCodec, get,
		"interets", "centres d'interet", "interesses", "hobbies", "Hobbys")
}

func traitsColumn[T any](get func(*T) *profile.Traits) column[T] {
	return field("traits", "traits", traitsCodec, get, "personnalite", "persoonlijkheid", "personality", "Persönlichkeitsmerkmale")
}

func pausedColumn[T any](get func(*T) *bool) column[T] {
	return field("paused", "paused", boolCodec, get, "en pause", "pause", "gepauzeerd", "pauze", "in Pause")
}

// mentees is the table of a mentee sheet; see doc.go.
var mentees = func() *table[profile.Mentee] {
	type M = profile.Mentee
	cols := commonHead(func(m *M) *string { return &m.ID }, func(m *M) *profile.Date { return &m.BirthDate },
		func(m *M) *profile.Gender { return &m.Gender })
	cols = append(cols,
		field("birth_country", "background.birth_country", countryCodec,
			func(m *M) *profile.Country { return &m.Background.BirthCountry },
			"pays de naissance", "geboorteland", "country of birth"),
		field("nationalities", "background.nationalities", countriesCodec,
			func(m *M) *[]profile.Country { return &m.Background.Nationalities },
			"nationality", "nationalite", "nationalites", "nationaliteit", "nationaliteiten",
			"Staatsangehörigkeit", "Nationalität", "Nationalitäten"),
		field("parent_birth_countries", "background.parent_birth_countries", countriesCodec,
			func(m *M) *[]profile.Country { return &m.Background.ParentBirthCountries },
			"pays de naissance des parents", "geboorteland ouders", "geboortelanden ouders",
			"Geburtsland der Eltern", "Geburtsland Eltern"),
		field("parent_nationalities", "background.parent_nationalities", countriesCodec,
			func(m *M) *[]profile.Country { return &m.Background.ParentNationalities },
			"nationalites des parents", "nationaliteit ouders", "nationaliteiten ouders",
			"Staatsangehörigkeit der Eltern", "Staatsangehörigkeit Eltern"),
		field("registered", "job_seeker.registered", boolCodec, func(m *M) *bool { return &m.JobSeeker.Registered },
			"inscrit", "ingeschreven", "gemeldet", "arbeitsuchend gemeldet"),
		field("agency", "job_seeker.agency", agencyCodec, func(m *M) *profile.Agency { return &m.JobSeeker.Agency },
			"organisme", "agence", "instantie", "Arbeitsvermittlung"),
		field("job_seeker_since", "job_seeker.since", dateCodec, func(m *M) *profile.Date { return &m.JobSeeker.Since },
			"inscrit depuis", "ingeschreven sinds", "gemeldet seit"),
		field("project", "project", textCodec, func(m *M) *string { return &m.Project }, "projet", "Vorhaben", "Projekt"),
		field("sectors", "sectors", sectorsCodec, func(m *M) *[]profile.Sector { return &m.Sectors },
			"sector", "secteur", "secteurs", "sectoren", "Branche", "Wirtschaftszweig", "Wirtschaftszweige"),
		field("occupation", "occupation", occupationCodec, func(m *M) *profile.Occupation { return &m.Occupation },
			"metier", "beroep", "profession"),
		interestsColumn(func(m *M) *[]string { return &m.Interests }),
		languagesColumn(func(m *M) *[]profile.Language { return &m.Languages }),
	)
	cols = append(cols, placeColumns(func(m *M) *profile.Place { return &m.Home })...)
	cols = append(cols,
		availabilityColumn(func(m *M) *profile.Availability { return &m.Availability }),
		traitsColumn(func(m *M) *profile.Traits { return &m.Traits }),
		field("mentor_gender", "wants.mentor_gender", genderCodec, func(m *M) *profile.Gender { return &m.Wants.MentorGender },
			"genre du mentor", "geslacht mentor", "Geschlecht Mentor"),
		field("practise_language", "wants.practise_language", textCodec,
			func(m *M) *string { return &m.Wants.PractiseLanguage },
			"practice language", "langue a pratiquer", "te oefenen taal", "oefentaal"),
		field("applied_on", "applied_on", dateCodec, func(m *M) *profile.Date { return &m.AppliedOn },
			"date de candidature", "aanmeldingsdatum", "aanmelddatum", "angemeldet am"),
		pausedColumn(func(m *M) *bool { return &m.Paused }),
	)
	return newTable("mentee", cols)
}()

// mentors is the table of a mentor sheet; see doc.go.
var mentors = func() *table[profile.Mentor] {
	type M = profile.Mentor
	cols := commonHead(func(m *M) *string { return &m.ID }, func(m *M) *profile.Date { return &m.BirthDate },
		func(m *M) *profile.Gender { return &m.Gender })
	cols = append(cols,
		field("status", "status", textCodec, func(m *M) *string { return &m.Status }, "statut"),
		field("experience", "experience", experienceCodec, func(m *M) *[]profile.Experience { return &m.Experience },
			"ervaring", "Erfahrung"),
		languagesColumn(func(m *M) *[]profile.Language { return &m.Languages }),
	)
	cols = append(cols, placeColumns(func(m *M) *profile.Place { return &m.Home })...)
	cols = append(cols,
		availabilityColumn(func(m *M) *profile.Availability { return &m.Availability }),
		field("weekly_hours", "weekly_hours", floatCodec(false), func(m *M) *float64 { return &m.WeeklyHours },
			"heures par semaine", "uren per week", "hours per week", "Wochenstunden"),
		field("trained", "trained", boolCodec, func(m *M) *bool { return &m.Trained }, "forme", "opgeleid", "Mentorenschulung"),
		field("capacity", "capacity", capacityCodec, func(m *M) *int { return &m.Capacity }, "capacite", "capaciteit", "Kapazität"),
		interestsColumn(func(m *M) *[]string { return &m.Interests }),
		traitsColumn(func(m *M) *profile.Traits { return &m.Traits }),
		field("mentee_gender", "wants.mentee_gender", genderCodec, func(m *M) *profile.Gender { return &m.Wants.MenteeGender },
			"genre du mentore", "geslacht mentee", "Geschlecht Mentee"),
		pausedColumn(func(m *M) *bool { return &m.Paused }),
	)
	return newTable("mentor", cols)
}()

// misspelling returns the known column name or alias that the normalised
// heading h most likely misspells, or "": the closest within an edit
// distance of 1 for headings of 4 or 5 letters and 2 for longer ones
// (shorter headings, such as "nom" or "tel", are too close to too much).
// Ties go to the first in the table.
func (t *table[T]) misspelling(h string) string {
	limit := 0
	switch n := utf8.RuneCountInString(h); {
	case n > maxHeadingRunes:
		return "" // no name is that long
	case n >= 6:
		limit = 2
	case n >= 4:
		limit = 1
	default:
		return ""
	}
	hr := []rune(h)
	scratch := make([]int, 2*(maxHeadingRunes+1))
	best, bestD := "", limit+1
	for _, k := range t.keys {
		if d := distance(hr, k.norm, bestD, scratch); d < bestD {
			best, bestD = t.cols[k.col].name, d
		}
	}
	return best
}

// maxHeadingRunes bounds the headings checked for misspellings: longer
// than any name or alias.
const maxHeadingRunes = 40

// distance is the Levenshtein distance between a and b, or any value ≥
// limit when it is at least limit; b is at most maxHeadingRunes long and
// scratch holds 2·(maxHeadingRunes+1) ints. Cost: O(len(a)·len(b)).
func distance(a, b []rune, limit int, scratch []int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev, cur := scratch[:len(b)+1], scratch[len(b)+1:2*len(b)+2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// otherName is the other side of each side.
var otherName = map[string]string{"mentee": "mentor", "mentor": "mentee"}

// sideOnly maps each side to the columns only the other side has: their
// normalised names and aliases, to their names.
var sideOnly = map[string]map[string]string{
	"mentee": only(mentors, mentees),
	"mentor": only(mentees, mentors),
}

// only returns the normalised names and aliases of a's columns that b has
// not, each to its column's name.
func only[A, B any](a *table[A], b *table[B]) map[string]string {
	out := map[string]string{}
	for k, i := range a.byName {
		if _, ok := b.byName[k]; !ok {
			out[k] = a.cols[i].name
		}
	}
	return out
}

// otherSide returns the names of the columns among the headings that only
// the other side's sheets have, once each, in the headings' order.
func otherSide(side string, header []string) []string {
	var out []string
	for _, h := range header {
		if name, ok := sideOnly[side][normHeading(h)]; ok && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
