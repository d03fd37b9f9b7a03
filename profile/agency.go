package profile

// Agency is a public employment service a mentee is registered with:
// [Actiris] (Brussels), [VDAB] (Flanders), [LeForem] (Wallonia) or [ADG]
// (German-speaking community), or "" for not given. It is a closed set:
// [ParseAgency] reads the names coordinators write ("FOREM", "le forem",
// "Arbeitsamt der DG"; the table in the README), and decoding JSON accepts
// the same names and stores the canonical one. A name outside the set is
// kept as it is by JSON decoding so that [Mentee.Validate] reports it, with
// the person's ID, as "unknown_value"; it is never compared as text. The
// canonical values are the services' own names as earlier versions stored
// them.
type Agency string

// The agencies.
const (
	Actiris Agency = "Actiris"
	VDAB    Agency = "VDAB"
	LeForem Agency = "Le Forem"
	ADG     Agency = "ADG"
)

var agencies = newVocabulary(map[Agency][]string{
	Actiris: {},
	VDAB:    {"Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"},
	LeForem: {"Forem", "le forem", "Office wallon de la formation professionnelle et de l'emploi"},
	ADG:     {"Arbeitsamt der DG", "Arbeitsamt", "Arbeitsamt der Deutschsprachigen Gemeinschaft"},
})

// ParseAgency returns the agency the name s stands for (case, accents,
// spaces and punctuation ignored), "" for a blank s, and false for a name
// outside the set. Cost: O(len(s)).
func ParseAgency(s string) (Agency, bool) { return agencies.parse(s) }

// Known reports whether a is "" (not given) or one of the four agencies
// exactly as their constants spell them.
func (a Agency) Known() bool { return agencies.canonical(a) }

// UnmarshalText stores the canonical agency of the name in b, or the name
// itself when it is outside the set (validation reports it). It never
// fails.
func (a *Agency) UnmarshalText(b []byte) error {
	*a = agencies.word(b)
	return nil
}

const agencyNames = "Actiris, VDAB, Le Forem or ADG"
