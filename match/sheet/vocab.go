package sheet

import (
	"strings"

	"github.com/duomatch/duo/profile"
)

// vocabCodec reads a cell of a closed vocabulary with parse (the words of
// the four languages, see profile's ParseGender and ParseAgency) and writes
// the canonical value. A word outside the vocabulary is the problem
// "unknown_value", whose arg says what the column accepts (never the
// cell).
func vocabCodec[V ~string](parse func(string) (V, bool), want string) codec[V] {
	return codec[V]{
		parse: func(c string) (V, cellProblem) {
			v, ok := parse(c)
			if !ok {
				return "", cellProblem{code: "unknown_value", detail: "unknown value (want " + want + ")", args: []string{want}}
			}
			return v, cellProblem{}
		},
		format: func(v V, _ numFormat) (string, unwritable) {
			return strings.TrimSpace(string(v)), textProblem(string(v))
		},
	}
}

var (
	genderCodec = vocabCodec(profile.ParseGender, "female, male or x, in any of the four languages")
	agencyCodec = vocabCodec(profile.ParseAgency, "Actiris, VDAB, Le Forem or ADG")
)
