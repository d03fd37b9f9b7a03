package sheet

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duomatch/duo/profile"
)

// A cell's problems are written without its value: a cell may hold a
// birth date or a name. List entries are named by their position.

// numFormat says how numbers are written: with a decimal comma (Belgian
// Excel, whose separator is ';') or a decimal point.
type numFormat struct{ decimalComma bool }

// codec reads a cell into a value of type V and writes it back. parse gets
// the cell trimmed and with its formula guard removed; it returns the
// problem, or the zero cellProblem. format returns the cell, or why the
// value cannot be written so that parse gives it back.
type codec[V any] struct {
	parse  func(cell string) (V, cellProblem)
	format func(v V, nf numFormat) (string, unwritable)
	// numeric cells hold only a number and get no formula guard.
	numeric bool
	// date cells may be written with a two-digit year (see widenYear).
	date bool
}

// The separators of multi-valued cells.
const (
	listSep     = ";"  // lists, languages, sectors, experience, traits
	listJoin    = "; " // how lists are written
	pairSep     = ":"  // inside an entry: fr:C1, openness:0.7, 62.01:2512:12.5
	slotJoin    = ", " // availability is written mon-evening, sat-morning
	slotSeps    = ",;" // and read with either separator
	languageSep = ",;" // languages are read with either separator
)

// unwritable is why a value cannot be written as a cell that reads back
// as the value: at is where inside the field ("[1].sector" for the sector
// of the second experience entry, "" for the whole field), and why the
// words, each one of the terms profile's catalog translates (the
// problem "unwritable_value" has them as its arg). The zero value is no
// problem.
type unwritable struct{ at, why string }

// The reasons of unwritable, as the catalog's terms spell them.
const (
	whyNotUTF8      = "not valid UTF-8"
	whyCR           = "holds a carriage return, which a cell does not keep"
	whyBlankEntry   = "is blank, which a list cell does not keep"
	whySeparator    = "holds a separator ("
	whySpacesAtEnds = "has spaces at its ends, which a cell does not keep"
	whyNotFinite    = "not a finite number"
	whyNotSlots     = "holds values outside the 21 weekly slots"
)

// under returns u with at put under the path prefix.
func (u unwritable) under(prefix string) unwritable {
	if u.why != "" {
		u.at = prefix + u.at
	}
	return u
}

// textProblem says why s cannot be written as a cell that reads back as s
// (up to surrounding spaces, which the readers trim and the writers leave
// out), or the zero unwritable.
func textProblem(s string) unwritable {
	switch {
	case !utf8.ValidString(s):
		return unwritable{why: whyNotUTF8}
	case strings.ContainsRune(s, '\r'):
		return unwritable{why: whyCR}
	}
	return unwritable{}
}

var textCodec = codec[string]{
	parse: func(c string) (string, cellProblem) { return c, cellProblem{} },
	format: func(s string, _ numFormat) (string, unwritable) {
		return strings.TrimSpace(s), textProblem(s)
	},
}

// splitList splits a cell on any of seps and trims the entries; empty
// entries are dropped, so that "a; b;" is two entries.
func splitList(c, seps string) []string {
	if c == "" {
		return nil
	}
	var out []string
	for c != "" {
		i := strings.IndexAny(c, seps) // seps are ASCII
		e := c
		if i >= 0 {
			e, c = c[:i], c[i+1:]
		} else {
			c = ""
		}
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// entryProblem says why a list entry cannot be written, or the zero
// unwritable.
func entryProblem(s, seps string) unwritable {
	if strings.TrimSpace(s) == "" {
		return unwritable{why: whyBlankEntry}
	}
	if strings.ContainsAny(s, seps) {
		return unwritable{why: whySeparator + seps + ")"}
	}
	return textProblem(s)
}

// entryAt is the path of the list entry i inside its field: "[i]".
func entryAt(i int) string { return "[" + strconv.Itoa(i) + "]" }

// listCodec reads a list of entries separated by ';'; conv turns an entry
// into V.
func listCodec[V ~string](conv func(string) V) codec[[]V] {
	return codec[[]V]{
		parse: func(c string) ([]V, cellProblem) {
			entries := splitList(c, listSep)
			if entries == nil {
				return nil, cellProblem{}
			}
			out := make([]V, len(entries))
			for i, e := range entries {
				out[i] = conv(e)
			}
			return out, cellProblem{}
		},
		format: func(vs []V, _ numFormat) (string, unwritable) {
			parts := make([]string, len(vs))
			for i, v := range vs {
				if p := entryProblem(string(v), listSep); p.why != "" {
					return "", p.under(entryAt(i))
				}
				parts[i] = strings.TrimSpace(string(v))
			}
			return strings.Join(parts, listJoin), unwritable{}
		},
	}
}

// cellProblem is what is wrong with a cell that cannot be read: a stable
// code, the words (never the cell's value) and their args. The zero value
// is no problem.
type cellProblem struct {
	code, detail string
	args         []string
}

// badEntry is the problem of the list entry i: its words follow "entry
// <i+1>", its one arg.
func badEntry(i int, code, words string) cellProblem {
	n := strconv.Itoa(i + 1)
	return cellProblem{code: code, detail: "entry " + n + words, args: []string{n}}
}

func upperCountry(s string) profile.Country { return profile.Country(strings.ToUpper(s)) }

var (
	stringsCodec   = listCodec(func(s string) string { return s })
	countriesCodec = listCodec(upperCountry)
	countryCodec   = codec[profile.Country]{
		parse: func(c string) (profile.Country, cellProblem) { return upperCountry(c), cellProblem{} },
		format: func(v profile.Country, _ numFormat) (string, unwritable) {
			return strings.TrimSpace(string(v)), textProblem(string(v))
		},
	}
	occupationCodec = codec[profile.Occupation]{
		parse: func(c string) (profile.Occupation, cellProblem) { return profile.Occupation(c), cellProblem{} },
		format: func(v profile.Occupation, _ numFormat) (string, unwritable) {
			return strings.TrimSpace(string(v)), textProblem(string(v))
		},
	}
)

// sectorsCodec reads "62.01; 62.02". An entry written with a decimal comma
// ("62,01", as Excel in a Belgian locale turns a code it took for a number)
// is read as the code with a point.
var sectorsCodec = listCodec(func(s string) profile.Sector {
	if len(s) >= 4 && s[2] == ',' {
		s = s[:2] + "." + s[3:]
	}
	return profile.Sector(s)
})

// boolCodec reads yes or no in the four languages, in any case: yes, y,
// true, 1, oui, vrai, ja, j, waar, wahr, and x (a ticked box); no, n,
// false, 0, non, faux, nee, neen, onwaar, nein, falsch, and an empty cell.
// It writes yes or no.
var boolCodec = codec[bool]{
	parse: func(c string) (bool, cellProblem) {
		switch strings.ToLower(c) {
		case "", "no", "n", "false", "0", "non", "faux", "nee", "neen", "onwaar", "nein", "falsch":
			return false, cellProblem{}
		case "yes", "y", "true", "1", "oui", "vrai", "ja", "j", "waar", "wahr", "x":
			return true, cellProblem{}
		}
		return false, cellProblem{code: "not_yes_or_no", detail: "not yes or no (want yes/no, oui/non, ja/nee, ja/nein, 1/0 or x for yes)"}
	},
	format: func(b bool, _ numFormat) (string, unwritable) {
		if b {
			return "yes", unwritable{}
		}
		return "no", unwritable{}
	},
	numeric: true,
}

// parseNumber reads a decimal number with a point or a comma ("2.5",
// "2,5"); it refuses NaN and infinities.
func parseNumber(c string) (float64, bool) {
	if strings.Count(c, ",") == 1 && !strings.Contains(c, ".") {
		c = strings.Replace(c, ",", ".", 1)
	}
	x, err := strconv.ParseFloat(c, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}

// formatNumber writes x in the fewest digits that read back exactly.
func formatNumber(x float64, nf numFormat) (string, unwritable) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "", unwritable{why: whyNotFinite}
	}
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if nf.decimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s, unwritable{}
}

const notNumber = "not a number"

// floatCodec reads a number; an empty cell is 0. With zeroEmpty, 0 is
// written as an empty cell (coordinates: both 0 mean none).
func floatCodec(zeroEmpty bool) codec[float64] {
	return codec[float64]{
		parse: func(c string) (float64, cellProblem) {
			if c == "" {
				return 0, cellProblem{}
			}
			x, ok := parseNumber(c)
			if !ok {
				return 0, cellProblem{code: "not_a_number", detail: notNumber}
			}
			return x, cellProblem{}
		},
		format: func(x float64, nf numFormat) (string, unwritable) {
			if zeroEmpty && x == 0 {
				return "", unwritable{}
			}
			return formatNumber(x, nf)
		},
		numeric: true,
	}
}

// capacityCodec reads a whole number; an empty cell is 0 (the default, 1),
// and an explicit 0 is refused, as the JSON decoder does.
var capacityCodec = codec[int]{
	parse: func(c string) (int, cellProblem) {
		if c == "" {
			return 0, cellProblem{}
		}
		n, err := strconv.Atoi(c)
		switch {
		case err != nil:
			return 0, cellProblem{code: "not_a_whole_number", detail: "not a whole number"}
		case n == 0:
			return 0, cellProblem{code: "zero_capacity_cell", detail: "0 is not a capacity; leave the cell empty for 1, or set paused to yes to take no mentee this round"}
		}
		return n, cellProblem{}
	},
	format: func(n int, _ numFormat) (string, unwritable) {
		if n == 0 {
			return "", unwritable{}
		}
		return strconv.Itoa(n), unwritable{}
	},
	numeric: true,
}

// languagesCodec reads "fr:C1; nl:A2; ar:native" (',' also separates).
var languagesCodec = codec[[]profile.Language]{
	parse: func(c string) ([]profile.Language, cellProblem) {
		entries := splitList(c, languageSep)
		if entries == nil {
			return nil, cellProblem{}
		}
		out := make([]profile.Language, len(entries))
		for i, e := range entries {
			tag, level, ok := strings.Cut(e, pairSep)
			if !ok {
				return nil, badEntry(i, "not_a_language_entry", " is not a language and a level such as fr:C1")
			}
			lv, ok := profile.ParseLevel(level)
			if !ok { // kept as written: validation reports it with its path
				lv = profile.Level(strings.TrimSpace(level))
			}
			out[i] = profile.Language{Tag: strings.TrimSpace(tag), Level: lv}
		}
		return out, cellProblem{}
	},
	format: func(ls []profile.Language, _ numFormat) (string, unwritable) {
		parts := make([]string, len(ls))
		for i, l := range ls {
			for k, s := range [2]string{l.Tag, string(l.Level)} {
				if p := entryProblem(s, languageSep+pairSep); p.why != "" {
					return "", p.under(entryAt(i) + [2]string{".tag", ".level"}[k])
				}
			}
			parts[i] = strings.TrimSpace(l.Tag) + pairSep + strings.TrimSpace(string(l.Level))
		}
		return strings.Join(parts, listJoin), unwritable{}
	},
}

// availabilityCodec reads "mon-evening, sat-morning" (';' also separates).
var availabilityCodec = codec[profile.Availability]{
	parse: func(c string) (profile.Availability, cellProblem) {
		var a profile.Availability
		for i, e := range splitList(c, slotSeps) {
			s, err := profile.ParseSlot(e)
			if err != nil {
				return 0, badEntry(i, "not_a_slot_entry", " is not a weekly slot (want a day mon..sun, a dash and morning, afternoon or evening, such as mon-evening)")
			}
			a |= profile.AvailabilityOf(s)
		}
		return a, cellProblem{}
	},
	format: func(a profile.Availability, _ numFormat) (string, unwritable) {
		slots := a.Slots()
		if profile.AvailabilityOf(slots...) != a {
			return "", unwritable{why: whyNotSlots}
		}
		names := make([]string, len(slots))
		for i, s := range slots {
			names[i] = s.String()
		}
		return strings.Join(names, slotJoin), unwritable{}
	},
}

// experienceCodec reads "62.01:2512:12.5; F:7": sector, optional ISCO
// occupation and years, ':' between them.
var experienceCodec = codec[[]profile.Experience]{
	parse: func(c string) ([]profile.Experience, cellProblem) {
		entries := splitList(c, listSep)
		if entries == nil {
			return nil, cellProblem{}
		}
		out := make([]profile.Experience, len(entries))
		for i, e := range entries {
			parts := strings.Split(e, pairSep)
			var x profile.Experience
			switch len(parts) {
			case 2:
				x.Sector = profile.Sector(strings.TrimSpace(parts[0]))
			case 3:
				x.Sector = profile.Sector(strings.TrimSpace(parts[0]))
				x.Occupation = profile.Occupation(strings.TrimSpace(parts[1]))
			default:
				return nil, badEntry(i, "not_an_experience_entry", " is not sector:years or sector:occupation:years such as 62.01:2512:12.5")
			}
			years, ok := parseNumber(strings.TrimSpace(parts[len(parts)-1]))
			if !ok {
				return nil, badEntry(i, "entry_years_not_a_number", ": the years are "+notNumber)
			}
			x.Years = years
			out[i] = x
		}
		return out, cellProblem{}
	},
	format: func(es []profile.Experience, nf numFormat) (string, unwritable) {
		parts := make([]string, len(es))
		for i, e := range es {
			if p := entryProblem(string(e.Sector), listSep+pairSep); p.why != "" {
				return "", p.under(entryAt(i) + ".sector")
			}
			years, p := formatNumber(e.Years, nf)
			if p.why != "" {
				return "", p.under(entryAt(i) + ".years")
			}
			s := strings.TrimSpace(string(e.Sector)) + pairSep
			if e.Occupation != "" {
				if p := entryProblem(string(e.Occupation), listSep+pairSep); p.why != "" {
					return "", p.under(entryAt(i) + ".occupation")
				}
				s += strings.TrimSpace(string(e.Occupation)) + pairSep
			}
			parts[i] = s + years
		}
		return strings.Join(parts, listJoin), unwritable{}
	},
}

// traitsCodec reads "openness:0.7; extraversion:0.4"; the name is what
// comes before the last ':'. It writes the traits in the order of their
// names.
var traitsCodec = codec[profile.Traits]{
	parse: func(c string) (profile.Traits, cellProblem) {
		entries := splitList(c, listSep)
		if entries == nil {
			return nil, cellProblem{}
		}
		out := make(profile.Traits, len(entries))
		for i, e := range entries {
			k := strings.LastIndex(e, pairSep)
			if k < 0 {
				return nil, badEntry(i, "not_a_trait_entry", " is not a name and a score such as openness:0.7")
			}
			name := strings.TrimSpace(e[:k])
			x, ok := parseNumber(strings.TrimSpace(e[k+1:]))
			if !ok {
				return nil, badEntry(i, "entry_score_not_a_number", ": the score is "+notNumber)
			}
			if _, dup := out[name]; dup {
				return nil, badEntry(i, "duplicate_trait_entry", " names a trait already given")
			}
			out[name] = x
		}
		return out, cellProblem{}
	},
	format: func(t profile.Traits, nf numFormat) (string, unwritable) {
		// A trait is named by its position in the order of the names,
		// never by its name (a cell's value).
		names := slices.Sorted(maps.Keys(t))
		parts := make([]string, len(names))
		for i, name := range names {
			if p := entryProblem(name, listSep); p.why != "" {
				return "", p.under(entryAt(i) + ".name")
			}
			if strings.TrimSpace(name) != name {
				// Two names that differ only by spaces would read back as one.
				return "", unwritable{at: entryAt(i) + ".name", why: whySpacesAtEnds}
			}
			x, p := formatNumber(t[name], nf)
			if p.why != "" {
				return "", p.under(entryAt(i) + ".score")
			}
			parts[i] = name + pairSep + x
		}
		return strings.Join(parts, listJoin), unwritable{}
	},
}
