package scoring

import (
	"fmt"

	"github.com/duomatch/duo/profile"
)

// CriterionLanguage is the criterion of language: 1 when the mentor
// speaks the language the mentee practises at B2 or above, 0.5 at B1, 0
// otherwise (neutral, 0.5, when the mentee practises none), plus
// [further] for each further language both speak at the shared level,
// at most 1. Its setting is its weight, [Weights].Language; the shared
// level is [Rules.MinSharedLevel], as for the rule no_shared_language.
// Its value is computed in pool.score (criteria.go), inlined for speed.
const CriterionLanguage = "language"

var criterionLanguage = criterion{name: CriterionLanguage, explain: func(p *pool, i, _ int, e eval, mo *profile.Mentor) string {
	var lang string
	if e.practise < 0 {
		lang = "no language to practise given (neutral)"
	} else {
		tag := p.langNames[p.mentees[i].practise]
		switch e.practise {
		case 2, 1:
			at := "natively"
			if lvl, _ := profile.Speaks(mo.Languages, tag); lvl.Rank() != profile.Native.Rank() {
				at = "at " + levelName(lvl)
			}
			lang = fmt.Sprintf("speaks %s %s, which the mentee practises", tag, at)
		default:
			lang = fmt.Sprintf("does not speak %s at B1 or above, which the mentee practises", tag)
		}
	}
	switch e.furtherN {
	case 0:
	case 1:
		lang += "; 1 further shared language"
	default:
		lang += fmt.Sprintf("; %d further shared languages", e.furtherN)
	}
	return lang
}}

// further is the language criterion's credit per further shared language.
const further = 0.25
