package profile

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	unorm "golang.org/x/text/unicode/norm"
)

// Errors of place resolution, testable with errors.Is. All wrap
// [ErrPlace].
var (
	// ErrPlace is wrapped by every error of [Gazetteer.Resolve].
	ErrPlace = errors.New("profile: place")
	// ErrUnknownPlace: neither the postcode nor the name is in the
	// gazetteer, or the place is in another country.
	ErrUnknownPlace = fmt.Errorf("%w: unknown place", ErrPlace)
	// ErrAmbiguousPlace: the name (without a known postcode) matches several
	// localities of equal rank; a postcode or coordinates settle it.
	ErrAmbiguousPlace = fmt.Errorf("%w: ambiguous place name (add a postcode or coordinates)", ErrPlace)
	// ErrUnknownPostcode: the postcode given is not in the gazetteer
	// (whatever the name says: "9999 Gent" is not taken for Gent). It
	// also wraps [ErrUnknownPlace].
	ErrUnknownPostcode = fmt.Errorf("%w: unknown postcode", ErrUnknownPlace)
	// ErrPlaceMismatch: the postcode and the name given name different
	// localities ("1030 Liège"); neither is chosen.
	ErrPlaceMismatch = fmt.Errorf("%w: postcode and name disagree", ErrPlace)
)

// Gazetteer resolves a [Place] as an application form holds it (a postcode
// and/or a municipality's name, a country) to a [Locality]: a stable
// identifier, a name and representative coordinates. A programme plugs in
// its country's table; package profile/belgium provides Belgium's, and
// [NewGazetteer] and [ReadGazetteerCSV] build one for any country.
//
// Resolve must be deterministic and safe for concurrent use, and should
// cost O(length of the place's strings). It returns an error wrapping
// [ErrUnknownPlace] or [ErrAmbiguousPlace] when the place cannot be
// resolved; a table that knows both postcodes and names should also
// return [ErrUnknownPostcode] or [ErrPlaceMismatch] rather than choose
// between a postcode and a name that disagree. It ignores the place's coordinates: [Locate] applies the rule
// that coordinates given in the place win. Implementations should be
// comparable (a pointer type), since settings that hold one are compared
// with ==.
type Gazetteer interface {
	Resolve(p Place) (Locality, error)
}

// Locality is a place resolved by a [Gazetteer].
type Locality struct {
	// ID identifies the locality, stably across versions of the table: for
	// Belgium the Statbel NIS (REFNIS) code of the municipality ("21015"), see
	// package profile/belgium. Two places with the same ID are the same
	// municipality. Empty for coordinates that resolved to no locality
	// (see [Locate]).
	ID string
	// Name is the locality's name in the coordinator's words: the table's
	// spelling of the name the person wrote ("Liège" for "liege",
	// "Schaarbeek" for "schaarbeek"), or, when only a postcode was given or
	// the name did not match, the table's main name.
	Name string
	// Region is the locality's region ("Brussels-Capital", "Flanders",
	// "Wallonia" in Belgium); empty when the table has none.
	Region string
	// Province and Arrondissement are the codes of the locality's
	// second- and third-level administrative units, for groupings (for
	// Belgium the Statbel NIS codes "10000" and "11000"; Province is empty
	// in the Brussels-Capital Region, which has none); empty when the
	// table has none. Package profile/belgium names them.
	Province, Arrondissement string
	// Lat and Lon are representative coordinates in decimal degrees (WGS
	// 84); both zero when unknown.
	Lat, Lon float64
}

// HasCoords reports whether the locality has coordinates.
func (l Locality) HasCoords() bool { return l.Lat != 0 || l.Lon != 0 }

// Locate resolves p through g, with the coordinates given in p winning over
// the table's. It returns:
//   - the gazetteer's locality, with p's coordinates in place of the
//     table's when p has valid ones (finite, in range);
//   - when the gazetteer cannot resolve p but p has valid coordinates, a
//     Locality with those coordinates, the ID, Name and Region empty, and
//     a nil error: the distance can be measured, the municipality is
//     unknown; except when the gazetteer's error wraps [ErrPlaceMismatch]:
//     a form whose postcode and name contradict each other is reported
//     whatever its coordinates;
//   - otherwise the gazetteer's error (wrapping [ErrUnknownPlace],
//     [ErrAmbiguousPlace] or [ErrPlaceMismatch]).
//
// A nil g resolves nothing. Cost: that of g.Resolve.
func Locate(g Gazetteer, p Place) (Locality, error) {
	var l Locality
	err := ErrUnknownPlace
	if g != nil {
		l, err = g.Resolve(p)
	}
	if p.validCoords() && !errors.Is(err, ErrPlaceMismatch) {
		if err != nil {
			return Locality{Lat: p.Lat, Lon: p.Lon}, nil
		}
		l.Lat, l.Lon = p.Lat, p.Lon
		return l, nil
	}
	if err != nil {
		return Locality{}, err
	}
	return l, nil
}

// validCoords reports whether p has coordinates that can be used.
func (p Place) validCoords() bool {
	return p.HasCoords() && p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180
}

// GazetteerEntry is one locality of a [NewGazetteer] table.
type GazetteerEntry struct {
	// ID is the locality's stable identifier; required and unique.
	ID string
	// Names are the locality's names in any language; the first is its
	// main name. At least one is required.
	Names []string
	// Postcodes are the postcodes that map to the locality. A postcode
	// listed by several entries resolves to the one listed first.
	Postcodes []string
	// Region is the locality's region, or empty.
	Region string
	// Lat and Lon are its representative coordinates; both zero for none.
	Lat, Lon float64
	// Minor marks a locality that yields to others of the same name: a
	// name shared by one entry that is not Minor and any number that are
	// resolves to the former (a municipality before a village of the same
	// name). A name shared by two that are not Minor, or only by Minor
	// ones, is ambiguous.
	Minor bool
}

// Table is a [Gazetteer] built from a list of localities by [NewGazetteer].
// It is immutable once built and safe for concurrent use.
type Table struct {
	country Country
	entries []GazetteerEntry
	byPost  map[string]int32
	byName  map[string][]nameRef // folded name -> entries carrying it
}

// nameRef is one entry that carries a folded name, with that name's
// spelling in the table.
type nameRef struct {
	entry int32
	name  string
}

// NewGazetteer builds a [Table] of the given country from entries. The
// table resolves a [Place] whose Country is empty or country:
//   - by postcode first (surrounding spaces ignored): a postcode in the
//     table gives its locality, whatever the name says, as postal
//     addresses often carry the name of a larger town ("1030 Bruxelles"
//     for Schaerbeek);
//   - otherwise by name, matched after [FoldPlaceName]: any case, with or
//     without accents, hyphens and apostrophes, "St", "St." and "Sint"
//     alike ("Saint" and "Sankt" too), "Ste" and "Sainte" alike.
//
// Locality.Name is the table's spelling of the name written when it is one
// of the locality's names, else the locality's main name.
//
// Errors (joined, every problem at once, naming entries by position, never
// by content): an invalid country, an empty or duplicate ID, an entry
// without a name, a name that folds to nothing, coordinates that are not
// finite or out of range. A country is required: "" is an error.
//
// Cost: O(total size of the entries), and O(length of the strings) per
// Resolve.
func NewGazetteer(country Country, entries []GazetteerEntry) (*Table, error) {
	var errs []error
	bad := func(k int, problem string) {
		errs = append(errs, fmt.Errorf("%w: entries[%d]: %s", ErrGazetteer, k, problem))
	}
	if !country.Known() {
		errs = append(errs, fmt.Errorf("%w: unknown country code (want ISO 3166-1 alpha-2, such as BE)", ErrGazetteer))
	}
	t := &Table{country: country, entries: make([]GazetteerEntry, len(entries)),
		byPost: map[string]int32{}, byName: map[string][]nameRef{}}
	ids := make(map[string]int, len(entries))
	for k, e := range entries {
		e.Names = slices.Clone(e.Names)
		e.Postcodes = slices.Clone(e.Postcodes)
		t.entries[k] = e
		switch prev, dup := ids[e.ID]; {
		case e.ID == "":
			bad(k, "empty id")
		case dup:
			bad(k, fmt.Sprintf("duplicate id (also entries[%d])", prev))
		default:
			ids[e.ID] = k
		}
		if len(e.Names) == 0 {
			bad(k, "no name")
		}
		if math.IsNaN(e.Lat) || math.IsNaN(e.Lon) || e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 {
			bad(k, "coordinates out of range")
		}
		for _, n := range e.Names {
			f := FoldPlaceName(n)
			if f == "" {
				bad(k, "a name with no letter or digit")
				continue
			}
			t.byName[f] = append(t.byName[f], nameRef{int32(k), strings.TrimSpace(n)})
		}
		for _, pc := range e.Postcodes {
			pc = strings.TrimSpace(pc)
			if _, dup := t.byPost[pc]; !dup && pc != "" {
				t.byPost[pc] = int32(k)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return t, nil
}

// ErrGazetteer is wrapped by the errors of [NewGazetteer] and
// [ReadGazetteerCSV]: the table itself is malformed.
var ErrGazetteer = errors.New("profile: gazetteer")

// Country returns the table's country.
func (t *Table) Country() Country { return t.country }

// Len returns the number of localities in the table.
func (t *Table) Len() int { return len(t.entries) }

// Resolve implements [Gazetteer]; see [NewGazetteer] for the rules.
func (t *Table) Resolve(p Place) (Locality, error) {
	if p.Country != "" && normCountry(string(p.Country)) != t.country {
		return Locality{}, ErrUnknownPlace
	}
	folded := FoldPlaceName(p.City)
	if k, ok := t.byPost[strings.TrimSpace(p.Postcode)]; ok {
		return t.locality(int(k), p.City, folded), nil
	}
	refs := t.byName[folded]
	if folded == "" || len(refs) == 0 {
		return Locality{}, ErrUnknownPlace
	}
	// Several entries: the one that is not Minor, if it is alone.
	best, major, minor := 0, -1, -1
	for _, r := range refs {
		k := int(r.entry)
		switch {
		case t.entries[k].Minor && minor == -1:
			minor = k
		case t.entries[k].Minor && minor != k:
			minor = -2
		case !t.entries[k].Minor && major == -1:
			major = k
		case !t.entries[k].Minor && major != k:
			major = -2
		}
	}
	switch {
	case major >= 0:
		best = major
	case major == -1 && minor >= 0:
		best = minor
	default:
		return Locality{}, ErrAmbiguousPlace
	}
	return t.locality(best, p.City, folded), nil
}

// locality returns entry k as a Locality, named by the table's spelling of
// written (folded) when that is one of its names: the spelling equal to
// written if there is one, else the first that folds alike.
func (t *Table) locality(k int, written, folded string) Locality {
	e := &t.entries[k]
	l := Locality{ID: e.ID, Name: strings.TrimSpace(e.Names[0]), Region: e.Region, Lat: e.Lat, Lon: e.Lon}
	written = strings.TrimSpace(written)
	found := false
	for _, r := range t.byName[folded] {
		if int(r.entry) == k && (!found || r.name == written) {
			l.Name, found = r.name, true
		}
	}
	return l
}

// FoldPlaceName folds a place name for matching: Unicode case folding,
// accents dropped (canonical decomposition, combining marks removed), every
// character that is not a letter or a digit taken as a space (hyphens,
// apostrophes, dots), runs of spaces made one and surrounding ones dropped,
// and the abbreviations of saints made one word: "st", "sint", "saint" and
// "sankt" become "st", "ste" and "sainte" become "ste". So "Liège", "LIEGE"
// and " liege " fold alike, as do "Sint-Niklaas" and "St.-Niklaas", and
// "Saint-Gilles" and "St Gilles". Invalid UTF-8 bytes are dropped.
//
// Cost: O(len(s)).
func FoldPlaceName(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		s = strings.ToLower(s)
	} else if f, _, err := transform.String(placeFolder(), s); err == nil {
		s = f
	}
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		switch w {
		case "st", "sint", "saint", "sankt":
			words[i] = "st"
		case "ste", "sainte":
			words[i] = "ste"
		}
	}
	return strings.Join(words, " ")
}

// placeFolder returns the transformation of FoldPlaceName: lower case, then
// NFD, then combining marks removed. A new one each call, as transformers
// are not safe for concurrent use.
func placeFolder() transform.Transformer {
	return transform.Chain(runes.Map(unicode.ToLower), unorm.NFD, runes.Remove(runes.In(unicode.Mn)))
}

// HomeError returns the error that reports a participant's home that did
// not resolve: a *[Problem] with the participant's ID (named as
// [Problem.IDs] says), the path "home", and by the error it wraps the code
// and words: "ambiguous_place", "ambiguous place name (add a postcode or
// coordinates)" for [ErrAmbiguousPlace]; "unknown_postcode", "unknown
// postcode" for [ErrUnknownPostcode]; "place_mismatch", "postcode and name
// disagree" for [ErrPlaceMismatch]; otherwise "unknown_place", "unknown
// place". It unwraps to [ErrInvalid]. Put it under a path with [AtPath]
// ("mentees[3].home").
func HomeError(id string, err error) *Problem {
	p := &Problem{IDs: []string{idName(id)}, Path: "home", Code: "unknown_place", Detail: "unknown place", Err: ErrInvalid}
	switch {
	case errors.Is(err, ErrAmbiguousPlace):
		p.Code, p.Detail = "ambiguous_place", "ambiguous place name (add a postcode or coordinates)"
	case errors.Is(err, ErrUnknownPostcode):
		p.Code, p.Detail = "unknown_postcode", "unknown postcode"
	case errors.Is(err, ErrPlaceMismatch):
		p.Code, p.Detail = "place_mismatch", "postcode and name disagree"
	}
	return p
}
