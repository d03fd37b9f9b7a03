package belgium

import (
	"strings"

	"github.com/duomatch/duo/profile"
)

// brussels is the NIS code of the City of Brussels, whose name postal
// addresses use for every municipality of the Brussels-Capital Region
// ("1030 Bruxelles" for Schaerbeek).
const brussels = "21004"

// Resolve implements [profile.Gazetteer]. It resolves a [profile.Place]
// whose Country is empty or BE (any case), ignoring its coordinates:
//
//   - Names are matched after [profile.FoldPlaceName] (any case, with or
//     without accents, hyphens or spaces; "St", "St.", "Sint", "Saint" and
//     "Sankt" alike). A name is a municipality's own (official French,
//     Dutch or German name, exonym, short form) or the name of a place of
//     one of its postcodes (a section or former municipality: "Deurne",
//     "Borsbeek", "Louvain-la-Neuve").
//   - A postcode alone gives its municipality; for 1040, 1050 and 1060,
//     which the City of Brussels shares with Etterbeek, Ixelles and
//     Saint-Gilles, the latter (the municipality the postcode is named
//     after; the City holds only a few of its streets). A leading "B-" or
//     "BE-" is ignored.
//   - A postcode and a name: the postcode's municipality that the name
//     names ("1050 Bruxelles" is the City of Brussels, "2100 Deurne" is
//     Antwerpen, never Deurne near Diest). The name of the City of
//     Brussels is accepted with any postcode of the region, as postal
//     addresses write it ("1030 Bruxelles" is Schaerbeek). A name the
//     table does not know (a hamlet, a street, a typo) does not contradict
//     the postcode, which decides. A known name that names none of the
//     postcode's municipalities ("1030 Liège") is an error wrapping
//     [profile.ErrPlaceMismatch]; an unknown postcode one wrapping
//     [profile.ErrUnknownPostcode], and [profile.ErrPlaceMismatch] too
//     when the name is known ("9999 Gent").
//   - A name alone: the one municipality whose own name it is; else, when
//     it is no municipality's own name, the one municipality with a place
//     of that name. Two municipalities in either case ("Saint-Nicolas",
//     "Deurne") give an error wrapping [profile.ErrAmbiguousPlace].
//   - Nothing given, a name that is no place, or another country: an error
//     wrapping [profile.ErrUnknownPlace].
//
// Locality.Name is the table's spelling of the name written when it is one
// of the municipality's names or places, else the municipality's main
// name. The coordinates are the municipality's.
//
// Cost: O(length of the place's strings); no allocation beyond folding the
// name.
func (t *Table) Resolve(p profile.Place) (profile.Locality, error) {
	if c := strings.ToUpper(strings.TrimSpace(string(p.Country))); c != "" && c != "BE" {
		return profile.Locality{}, profile.ErrUnknownPlace
	}
	folded := profile.FoldPlaceName(p.City)
	refs := t.byName[folded]
	if folded == "" {
		refs = nil
	}
	pc := postcode(p.Postcode)
	if pc != "" {
		ms, ok := t.byPost[pc]
		switch {
		case !ok && len(refs) > 0:
			return profile.Locality{}, errUnknownPostcodeKnownName
		case !ok:
			return profile.Locality{}, profile.ErrUnknownPostcode
		case len(refs) == 0:
			return t.locality(ms[0], ""), nil
		}
		for _, k := range ms {
			for _, r := range refs {
				if r.muni == k {
					return t.locality(k, r.name), nil
				}
			}
		}
		if t.munis[ms[0]].Region == "04000" {
			for _, r := range refs {
				if t.munis[r.muni].NIS == brussels && r.major {
					return t.locality(ms[0], ""), nil
				}
			}
		}
		return profile.Locality{}, profile.ErrPlaceMismatch
	}
	if len(refs) == 0 {
		return profile.Locality{}, profile.ErrUnknownPlace
	}
	// refs holds each municipality once: one major wins; else one minor.
	best, majors, minors := -1, 0, 0
	for i, r := range refs {
		if r.major {
			majors++
			best = i
		} else {
			minors++
		}
	}
	if majors == 0 && minors == 1 {
		best = 0
	}
	if majors > 1 || majors == 0 && minors > 1 {
		return profile.Locality{}, profile.ErrAmbiguousPlace
	}
	return t.locality(refs[best].muni, refs[best].name), nil
}

// postcode returns the postcode as written without surrounding spaces and
// a leading "B-", "B " or "BE-" (any case).
func postcode(s string) string {
	s = strings.TrimSpace(s)
	for _, prefix := range []string{"BE-", "BE ", "B-", "B "} {
		if len(s) > len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
			return strings.TrimSpace(s[len(prefix):])
		}
	}
	return s
}

// locality returns municipality k as a Locality named name, or its main
// name when name is empty.
func (t *Table) locality(k int32, name string) profile.Locality {
	m := &t.munis[k]
	if name == "" {
		name = m.Name
	}
	return profile.Locality{ID: m.NIS, Name: name, Region: regionNames[m.Region],
		Province: m.Province, Arrondissement: m.Arrondissement, Lat: m.Lat, Lon: m.Lon}
}

// errUnknownPostcodeKnownName reports an unknown postcode with a name the
// table knows ("9999 Gent"): the postcode is unknown, and it disagrees
// with the name.
var errUnknownPostcodeKnownName error = unknownPostcodeKnownName{}

type unknownPostcodeKnownName struct{}

func (unknownPostcodeKnownName) Error() string {
	return profile.ErrUnknownPostcode.Error() + " (the name is known: postcode and name disagree)"
}

func (unknownPostcodeKnownName) Unwrap() []error {
	return []error{profile.ErrUnknownPostcode, profile.ErrPlaceMismatch}
}
