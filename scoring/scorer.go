package scoring

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/duomatch/duo/profile"
)

// Scorer scores mentee–mentor pairs. The zero Scorer stands for [Default];
// any other Scorer is used as it is, so a Scorer that sets only Rules or
// only Excluded has all-zero weights and is invalid: start from Default()
// and change what differs. A Scorer is a plain value, safe for concurrent
// use.
type Scorer struct {
	Weights Weights `json:"weights"`
	Rules   Rules   `json:"rules"`
	// Excluded are pairs that must not be proposed (rule excluded), for
	// example because their first meeting did not lead to a duo. IDs are
	// compared exactly; an ID that is in no pool is harmless.
	Excluded []Exclusion `json:"excluded"`
}

// Exclusion is a pair of IDs that must not be matched.
type Exclusion struct {
	MenteeID string `json:"mentee_id"`
	MentorID string `json:"mentor_id"`
}

// Default returns the model programme's Scorer: [DefaultWeights],
// [DefaultRules] and no excluded pairs.
func Default() Scorer {
	return Scorer{Weights: DefaultWeights(), Rules: DefaultRules()}
}

// IsZero reports whether s is the zero Scorer (all weights and rules zero,
// no excluded pairs), which stands for [Default].
func (s Scorer) IsZero() bool {
	return s.Weights == Weights{} && s.Rules == Rules{} && len(s.Excluded) == 0
}

// Validate returns nil when s can score, and otherwise every problem at
// once: errors.Join of *[SettingError], each wrapping [ErrWeights] or
// [ErrRules]. The zero Scorer is valid (it is [Default]).
//
// Cost: O(1).
func (s Scorer) Validate() error {
	if s.IsZero() {
		return nil
	}
	return errors.Join(s.Weights.Validate(), s.Rules.Validate())
}

// settings is a validated Scorer in the form scoring reads.
type settings struct {
	nw        [numCriteria]float64 // w_k / Σw
	minLevel  profile.Level
	minRank   int
	maxKm     float64 // 0: no limit
	maxChord2 float64 // squared chord of maxKm on the unit sphere; +Inf for no limit
	sameCity  bool
	scaleKm   float64
	fullYears float64
}

func (s Scorer) settings() (*settings, error) {
	if s.IsZero() {
		s = Default()
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	r := s.Rules
	set := &settings{
		nw:        s.Weights.normalised(),
		minLevel:  r.MinSharedLevel,
		maxKm:     r.MaxDistanceKm,
		maxChord2: math.Inf(1),
		sameCity:  r.SameCity,
		scaleKm:   r.DistanceScaleKm,
		fullYears: r.FullExperienceYears,
	}
	if set.minLevel == "" {
		set.minLevel = profile.B1
	}
	set.minRank = set.minLevel.Rank()
	if half := r.MaxDistanceKm / (2 * earthRadiusKm); r.MaxDistanceKm > 0 && half < math.Pi/2 {
		c := 2 * math.Sin(half)
		set.maxChord2 = c * c
	}
	if set.scaleKm == 0 {
		set.scaleKm = r.MaxDistanceKm
	}
	if set.scaleKm == 0 {
		set.scaleKm = defaultScaleKm
	}
	if set.fullYears == 0 {
		set.fullYears = defaultFullYears
	}
	return set, nil
}

// Result is the score of a pair and why.
type Result struct {
	// Score is in [0, 1], or -Inf when Blocked is not empty. In JSON a
	// blocked pair's score is null.
	Score float64
	// Blocked lists every hard rule that forbids the pair, in the order of
	// the Code constants: no_shared_language, gender_wish, too_far,
	// no_shared_time, excluded (or invalid_scorer alone).
	Blocked []Reason
	// Parts explains the score, one Part per criterion in the order of
	// [Criteria]. They are listed for blocked pairs too (a coordinator may
	// want to know what the pair would have scored), but then Score is
	// -Inf and their contributions do not add up to it. They are empty
	// only for invalid_scorer.
	Parts []Part
}

// Part is one criterion's share of a score.
type Part struct {
	// Criterion is the criterion's name, such as "sector".
	Criterion string `json:"criterion"`
	// Weight is the criterion's normalised weight, w / Σw.
	Weight float64 `json:"weight"`
	// Value is the criterion's value for the pair, in [0, 1].
	Value float64 `json:"value"`
	// Contribution is Weight·Value; the contributions of a pair that is not
	// blocked add up to its Score.
	Contribution float64 `json:"contribution"`
	// Reason says in a few words why the value is what it is, without
	// quoting what one person did not share with the other.
	Reason string `json:"reason"`
}

// Reason is a hard rule that blocks a pair.
type Reason struct {
	// Code is one of the Code… constants, such as [CodeTooFar].
	Code string `json:"code"`
	// Message says, in words a coordinator can pass on, what the rule is.
	Message string `json:"message"`
}

type resultJSON struct {
	Score   *float64 `json:"score"`
	Blocked []Reason `json:"blocked"`
	Parts   []Part   `json:"parts"`
}

// MarshalJSON writes {"score": …, "blocked": […], "parts": […]}, with a
// null score for a blocked pair (JSON has no infinity).
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{Blocked: r.Blocked, Parts: r.Parts}
	if !math.IsInf(r.Score, -1) {
		j.Score = &r.Score
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes; a null or missing score is
// -Inf.
func (r *Result) UnmarshalJSON(b []byte) error {
	var j resultJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Result{Score: math.Inf(-1), Blocked: j.Blocked, Parts: j.Parts}
	if j.Score != nil {
		r.Score = *j.Score
	}
	return nil
}

// Pair scores the pair (me, mo) and explains the score: every hard rule that
// blocks it and the value of each criterion with a reason. A nil profile is
// an empty one. Pair accepts any data: values it cannot use (an unparsable
// code or tag, an unknown level, coordinates out of range or NaN, a trait
// outside [0, 1]) count as absent. It does not validate the profiles;
// [Scorer.Matrix] does.
//
// When s is invalid (see [Scorer.Validate]) the Result has Score -Inf, the
// single reason invalid_scorer with the validation error as its message, and
// no parts: Pair cannot return an error, and a pair scored with settings
// that mean nothing must not look acceptable.
//
// For a valid s and valid profiles, Pair's Score equals the matching cell
// of [Scorer.Matrix] bit for bit: both score with the same code.
//
// Cost: O(size of the two profiles), dominated by parsing their language
// tags; see BenchmarkPair. Use Matrix for many pairs.
func (s Scorer) Pair(me *profile.Mentee, mo *profile.Mentor) Result {
	set, err := s.settings()
	if err != nil {
		return Result{Score: math.Inf(-1), Blocked: []Reason{{Code: CodeInvalidScorer,
			Message: "the scorer's settings are invalid: " + err.Error()}}}
	}
	var a profile.Mentee
	var b profile.Mentor
	if me != nil {
		a = *me
	}
	if mo != nil {
		b = *mo
	}
	p := compile(set, []profile.Mentee{a}, []profile.Mentor{b})
	var e eval
	score := p.score(&p.menteeGates[0], &p.mentees[0], &p.mentorGates[0], &p.mentors[0], &e, true)
	for _, x := range s.Excluded {
		if x.MenteeID == a.ID && x.MentorID == b.ID {
			e.blocked |= blockExcluded
			score = math.Inf(-1)
			break
		}
	}
	return Result{Score: score, Blocked: p.reasons(&e), Parts: p.parts(&p.menteeGates[0], &p.mentees[0], &p.mentorGates[0], &e, &b)}
}

// reasons lists the rules that block the evaluated pair, in order.
func (p *pool) reasons(e *eval) []Reason {
	var out []Reason
	s := p.set
	if e.blocked&blockLanguage != 0 {
		out = append(out, Reason{CodeNoSharedLanguage,
			fmt.Sprintf("no language that both speak at %s or above", levelName(s.minLevel))})
	}
	if e.blocked&blockGender != 0 {
		out = append(out, Reason{CodeGenderWish, "a wish about the partner's gender is not met"})
	}
	if e.blocked&blockDistance != 0 {
		msg := "in different cities, and the programme requires the same city"
		if e.km >= 0 {
			msg = fmt.Sprintf("%.1f km apart, more than the maximum of %s km", e.km, num(s.maxKm))
		}
		out = append(out, Reason{CodeTooFar, msg})
	}
	if e.blocked&blockTime != 0 {
		out = append(out, Reason{CodeNoSharedTime, "no weekly time slot in which both are free"})
	}
	if e.blocked&blockExcluded != 0 {
		out = append(out, Reason{CodeExcluded, "the pair is on the excluded list"})
	}
	return out
}

// parts explains each criterion of the evaluated pair.
func (p *pool) parts(ag *gate, a *menteeC, bg *gate, e *eval, mo *profile.Mentor) []Part {
	out := make([]Part, numCriteria)
	for k := range out {
		out[k] = Part{Criterion: criterionNames[k], Weight: p.set.nw[k], Value: e.v[k],
			Contribution: p.set.nw[k] * e.v[k]}
	}
	hier := [5]string{"", "section", "division", "group", "class"}
	switch {
	case e.secLevel < 0:
		out[cSector].Reason = "no target sector or no experience sector given (neutral)"
	case e.secLevel == 0:
		out[cSector].Reason = "no shared NACE section"
	default:
		t := p.sectors[a.secOff+uint32(e.secMe)]
		out[cSector].Reason = "same NACE " + hier[e.secLevel] + " " + t.prefix(e.secLevel)
	}

	iscoHier := [5]string{"", "major group", "sub-major group", "minor group", "unit group"}
	switch {
	case e.occLevel < 0:
		out[cOccupation].Reason = "no target occupation or no experience occupation given (neutral)"
	case e.occLevel == 0:
		out[cOccupation].Reason = "no shared ISCO major group"
	default:
		out[cOccupation].Reason = "same ISCO " + iscoHier[e.occLevel] + " " + a.occupation.prefix(e.occLevel)
	}

	switch {
	case e.secLevel < 0:
		out[cExperience].Reason = "no sector to compare (neutral)"
	case e.secLevel == 0:
		out[cExperience].Reason = "no experience in a related sector"
	default:
		out[cExperience].Reason = fmt.Sprintf("%s %s in the best-matching sector (%s or more count fully)",
			num(e.years), plural(e.years, "year", "years"), num(p.set.fullYears))
	}

	if e.interN == 0 {
		out[cInterests].Reason = "interests not given (neutral)"
	} else {
		out[cInterests].Reason = fmt.Sprintf("shares %d of %d %s", e.interInter, e.interN,
			plural(float64(e.interN), "interest", "interests"))
	}

	var lang string
	if e.practise < 0 {
		lang = "no language to practise given (neutral)"
	} else {
		tag := p.langNames[a.practise]
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
	out[cLanguage].Reason = lang

	if e.traitN == 0 {
		out[cPersonality].Reason = "no trait given by both (neutral)"
	} else {
		out[cPersonality].Reason = fmt.Sprintf("traits differ by %.2f on average over %d shared %s",
			e.traitDiff, e.traitN, plural(float64(e.traitN), "trait", "traits"))
	}

	switch {
	case e.km >= 0:
		out[cDistance].Reason = fmt.Sprintf("%.1f km apart (0 at %s km)", e.km, num(p.set.scaleKm))
	case ag.city != 0 && bg.city != 0 && ag.city == bg.city:
		out[cDistance].Reason = "same city"
	case ag.city != 0 && bg.city != 0:
		out[cDistance].Reason = "different cities"
	default:
		out[cDistance].Reason = "place not given (neutral)"
	}

	switch e.common {
	case 0:
		out[cAvailability].Reason = "no common weekly slot"
	case 1:
		out[cAvailability].Reason = "1 common weekly slot (2 or more count fully)"
	default:
		out[cAvailability].Reason = fmt.Sprintf("%d common weekly slots", e.common)
	}
	return out
}

func plural(x float64, one, many string) string {
	if x == 1 {
		return one
	}
	return many
}

// num formats a setting or an amount without needless decimals.
func num(x float64) string { return fmt.Sprintf("%.4g", x) }

// levelName writes a level in its canonical form.
func levelName(l profile.Level) string {
	names := [...]string{"", "A1", "A2", "B1", "B2", "C1", "C2", "native"}
	return names[l.Rank()]
}
