package scoring

import (
	"encoding/json"
	"errors"
	"math"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/profile/belgium"
)

// Scorer scores mentee–mentor pairs. The zero value of each of its
// settings means its documented default, field by field: the zero Weights
// is [DefaultWeights], each zero field of Rules is its default (see
// [Rules]), so the zero Scorer is [Default] and a Scorer that sets only
// Rules, or only Weights, keeps the defaults of the rest. A rule is turned
// off only by its own explicit setting. A Scorer is a plain value, safe for
// concurrent use.
//
// A Scorer knows no excluded pairs: a round marks the pairs it must not
// propose (a failed first meeting, a coordinator's decision) on its
// compiled pool with [Pool.Exclude].
//
// Places is the gazetteer that resolves homes (postcodes and municipality
// names) to localities for the place rules; nil means Belgium's,
// [belgium.Gazetteer]. It is not part of the JSON form: a service sets it
// in Go.
type Scorer struct {
	Weights Weights           `json:"weights"`
	Rules   Rules             `json:"rules"`
	Places  profile.Gazetteer `json:"-"`
}

// Default returns the model programme's Scorer, [DefaultWeights] and
// [DefaultRules], with every default written out; it scores as the zero
// Scorer does. Decoding a JSON document over it keeps the defaults of what
// the document does not set.
func Default() Scorer {
	return Scorer{Weights: DefaultWeights(), Rules: DefaultRules()}
}

// IsZero reports whether s is the zero Scorer, which scores as [Default].
func (s Scorer) IsZero() bool {
	return s.Weights == Weights{} && s.Rules == Rules{} && s.Places == nil
}

// Validate returns nil when s can score, and otherwise every problem at
// once: errors.Join of *[profile.Problem], each wrapping [ErrWeights] or
// [ErrRules]. The zero Scorer is valid (it is [Default]).
//
// Cost: O(1).
func (s Scorer) Validate() error {
	return errors.Join(s.Weights.Validate(), s.Rules.Validate())
}

// settings is a validated Scorer in the form scoring reads, every default
// filled in.
type settings struct {
	nw         [numCriteria]float64 // w_k / Σw, summing to at most 1
	minLevel   profile.Level
	minRank    int
	maxKm      float64 // the distance limit; off (-1) for none
	maxChord2  float64 // squared chord of maxKm on the unit sphere; +Inf for no limit
	limit      bool    // the distance rule is on
	sameCity   bool
	sameRegion bool
	zoned      bool              // SameCity or SameRegion: homes' zones must be equal
	places     profile.Gazetteer // never nil
	scaleKm    float64
	fullYears  float64
}

func (s Scorer) settings() (*settings, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	r := s.Rules.Resolved()
	set := &settings{
		nw:         s.Weights.normalised(),
		minLevel:   r.MinSharedLevel,
		maxKm:      r.MaxDistanceKm,
		maxChord2:  math.Inf(1),
		sameCity:   r.SameCity,
		sameRegion: r.SameRegion,
		places:     s.Places,
		scaleKm:    r.DistanceScaleKm,
		fullYears:  r.FullExperienceYears,
	}
	set.minRank = set.minLevel.Rank()
	limit := set.maxKm != profile.Off
	if half := set.maxKm / (2 * earthRadiusKm); limit && half < math.Pi/2 {
		c := 2 * math.Sin(half)
		set.maxChord2 = c * c
	}
	set.limit = limit
	set.zoned = set.sameCity || set.sameRegion
	if set.places == nil {
		set.places = belgium.Gazetteer()
	}
	return set, nil
}

// placeRules reports whether a rule that uses homes is on: the distance
// rule, SameCity or SameRegion.
func (set *settings) placeRules() bool { return set.limit || set.sameCity || set.sameRegion }

// CheckHome returns nil when the place rules of s can use home, and
// otherwise an error wrapping [profile.ErrUnknownPlace] or
// [profile.ErrAmbiguousPlace] (and [profile.ErrPlace]): home does not
// resolve through s's gazetteer (see [profile.Locate]; coordinates alone
// are enough for the distance rule), or, with SameCity or SameRegion, it
// resolves to coordinates but no municipality. It returns nil whatever
// home holds when those rules are all off (MaxDistanceKm = [profile.Off],
// SameCity and SameRegion false), and the error of [Scorer.Validate] when s
// is invalid. [Scorer.Compile] applies it to every home; a round applies it
// to report the field of each home.
//
// Cost: one resolution through the gazetteer.
func (s Scorer) CheckHome(home profile.Place) error {
	set, err := s.settings()
	if err != nil {
		return err
	}
	if !set.placeRules() {
		return nil
	}
	l, err := profile.Locate(set.places, home)
	if err == nil && l.ID == "" && (set.sameCity || set.sameRegion) {
		err = profile.ErrUnknownPlace
	}
	return err
}

// Result is the score of a pair and why.
type Result struct {
	// Score is exactly the sum of the Contribution of Parts, added in the
	// order of [Criteria] in float64, with no clipping; it lies in [0, 1]
	// (the normalised weights sum to at most 1). It is -Inf when Blocked is
	// not empty. In JSON a blocked pair's score is null.
	Score float64
	// Blocked lists every hard rule that forbids the pair, in the order of
	// the Code constants: no_shared_language, gender_wish, too_far,
	// no_shared_time, excluded (or invalid_scorer alone).
	Blocked []Reason
	// Parts explains the score, one Part per criterion in the order of
	// [Criteria]. They are listed for blocked pairs too (a coordinator may
	// want to know what the pair would have scored): their contributions
	// then sum, in the same order, to that score, also at most 1, while
	// Score is -Inf. They are empty only for invalid_scorer.
	Parts []Part
}

// Part is one criterion's share of a score.
type Part struct {
	// Criterion is the criterion's name, such as "sector".
	Criterion string `json:"criterion"`
	// Weight is the criterion's normalised weight, w / Σw, the largest one
	// lowered by an ulp or a few when needed so that the weights sum to at
	// most 1 in float64.
	Weight float64 `json:"weight"`
	// Value is the criterion's value for the pair, in [0, 1].
	Value float64 `json:"value"`
	// Contribution is Weight·Value, rounded to float64; the contributions
	// of a pair that is not blocked, added in order, are its Score bit for
	// bit.
	Contribution float64 `json:"contribution"`
	// Detail is the code of the explanation, such as "class" for the
	// sector criterion (the pair shares a NACE class) or "none" (no data,
	// neutral); with Criterion it names the message that [Part.Text]
	// renders. The codes of each criterion are listed in its file's words.
	Detail string `json:"detail"`
	// Args are the explanation's values, as text: codes (a NACE or ISCO
	// code, a language tag, a level), counts and numbers as Go writes them
	// ("3.2"), and homes: a municipality of the Belgian gazetteer as its
	// NIS code after "nis:" ("nis:44021"), so that [Part.Text] names it in
	// the reader's language (Gand, Gent); another gazetteer's by its name;
	// "(coordinates)" or "(unknown)". They never quote what one person did
	// not share with the other.
	Args []string `json:"args,omitempty"`
}

// Reason is a hard rule that blocks a pair.
type Reason struct {
	// Code is one of the Code… constants, such as [CodeTooFar].
	Code string `json:"code"`
	// Args are the values the rule's words quote, as text: a level for
	// no_shared_language; for too_far the two homes' municipalities, the
	// distance and the limit, and the codes of the place rules that block
	// the pair. [Reason.Text] renders them in a language.
	Args []string `json:"args,omitempty"`
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
// single reason invalid_scorer with the codes of the validation's problems
// as its Args, and
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
			Args: invalidArgs(err)}}}
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
	return Result{Score: score, Blocked: p.reasons(0, 0, &e), Parts: p.parts(0, 0, &e, &b)}
}
