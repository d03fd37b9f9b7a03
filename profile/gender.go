package profile

// Gender is a person's gender, or the gender a person wishes of their
// partner: [Female], [Male], [OtherGender] ("x": another gender, or not
// said), or "" for not given. It is a closed set: [ParseGender] reads the
// words coordinators write (the table in the README), and decoding
// JSON accepts the same words and stores the canonical value. A word
// outside the set is kept as it is by JSON decoding so that
// [Mentee.Validate] and [Mentor.Validate] report it, with the person's ID,
// as "unknown_value"; it is never compared as text.
type Gender string

// The genders.
const (
	Female      Gender = "female"
	Male        Gender = "male"
	OtherGender Gender = "x"
)

// genders are the words of each gender. M is "man", "masculin", "Mann" and
// "male" alike; H is "homme"; V is "vrouw"; F is "femme", "female" and
// "Frau"; W is "weiblich"; D ("divers") is German's third entry.
var genders = newVocabulary(map[Gender][]string{
	Female:      {"f", "v", "w", "vrouw", "vrouwelijk", "femme", "feminin", "féminin", "frau", "weiblich", "woman"},
	Male:        {"m", "h", "man", "mannelijk", "homme", "masculin", "mann", "männlich", "maennlich"},
	OtherGender: {"other", "autre", "ander", "anders", "divers", "d", "non-binary", "non-binaire", "non-binair", "nichtbinär"},
})

// ParseGender returns the gender the word s stands for, in any of the four
// languages (case, accents and punctuation ignored), "" for a blank s, and
// false for a word outside the set. Cost: O(len(s)).
func ParseGender(s string) (Gender, bool) { return genders.parse(s) }

// Known reports whether g is "" (not given) or one of [Female], [Male],
// [OtherGender] exactly.
func (g Gender) Known() bool { return genders.canonical(g) }

// UnmarshalText stores the canonical gender of the word in b, or the word
// itself when it is outside the set (validation reports it). It never
// fails.
func (g *Gender) UnmarshalText(b []byte) error {
	*g = genders.word(b)
	return nil
}
