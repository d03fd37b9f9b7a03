// Package scoring tells how well a mentee and a mentor fit, in a number a
// coordinator can trust and explain, and computes the score matrix of a
// whole pool, which lap.Assign solves.
//
// # The model
//
// The model programme matches "similar profiles": the sector the mentee aims
// for and the mentor knows, personality, languages (one to talk in, and the
// local language the mentee wants to practise) and practical fit (living
// near each other, free at the same time). A [Scorer] judges a pair in two
// ways.
//
// Hard rules decide whether a pair is allowed at all. A blocked pair scores
// -Inf, and [Scorer.Pair] lists every rule that blocks it, in this order:
//
//   - no_shared_language: no language both speak at [Rules.MinSharedLevel]
//     (default B1) or above; native counts as the highest level, and tags
//     name the same language when their base languages are equal ("nl-BE"
//     speaks "nl").
//   - gender_wish: the mentee's wants.mentor_gender or the mentor's
//     wants.mentee_gender is set and the other's gender (compared case- and
//     space-insensitively) is not that one.
//   - too_far: both homes have coordinates and are more than
//     [Rules.MaxDistanceKm] apart (default 25 km; -1 = no limit). When
//     either home has no coordinates the distance cannot be measured, so
//     the rule passes only two homes in the same city, and blocks a pair
//     whose cities differ or whose city is not given: it never passes a
//     pair it cannot check. Cities compare ignoring case, accents, hyphens,
//     apostrophes and extra spaces ("Liège", "LIEGE" and "liege" are one
//     city), a stopgap until places resolve through a gazetteer: names in
//     two languages ("Bruxelles", "Brussel") are two cities. With the
//     distance rule off, places block nothing unless [Rules.SameCity]
//     asks for the same city (then checked the same way). Messages name
//     no city.
//   - no_shared_time: no weekly slot in which both are free.
//   - excluded: the pair was marked with [Pool.Exclude], which is how a
//     round applies its exclusions (pairs whose first meeting failed).
//
// Weighted criteria each give a value in [0, 1] and a short reason that
// quotes nothing one person did not share with the other ("shares 2 of 5
// interests", never the interests):
//
//   - sector: the best pair of a target sector of the mentee and an
//     experience sector of the mentor, graded by the NACE Rev. 2 levels they
//     share: class 1, group 0.9, division 0.75, section 0.4, none 0. A code
//     counts to the depth it is given: "62" and "62.01" share the division.
//   - occupation: the same grading on the ISCO-08 levels shared by the
//     mentee's occupation and the mentor's experience occupations.
//   - experience: the mentor's years in the best-matching sector (the most
//     years among the entries that reach the sector's best level) over
//     [Rules.FullExperienceYears] (default 10), at most 1; 0 when no sector
//     is related.
//   - interests: the Jaccard similarity of the interest tags, folded for
//     case and spaces.
//   - language: 1 when the mentor speaks the language the mentee wants to
//     practise at B2 or above (or natively), 0.5 at B1, 0 otherwise
//     (Neutral when the mentee names none), plus 0.25 for each further
//     shared language, at most 1.
//   - personality: 1 − the mean absolute difference over the traits both
//     have (names folded like interests; values outside [0, 1] ignored).
//   - distance: 1 at the same place, falling linearly to 0 at
//     [Rules.DistanceScaleKm] (default: the maximum distance, or 25 km
//     without one), on the great-circle distance by the haversine formula
//     (mean Earth radius 6371.0088 km); without coordinates on both sides, 1
//     for the same city and 0 for different ones (cities folded as for
//     too_far).
//   - availability: 1 for two or more common weekly slots, 0.5 for one.
//
// A criterion for which either side gives no usable data (no target sector,
// no occupation, no interests, no shared trait, no language to practise, no
// place) is [Neutral], 0.5: missing data neither helps nor harms a pair.
// Values that cannot be used (a malformed code or tag, an unknown level,
// coordinates out of range, NaN) count as missing; scoring never panics on
// data.
//
// # The score
//
// The normalised weight of criterion k is w_k / Σ w; should the eight
// quotients sum to a hair above 1 in float64 (division rounds), the largest
// is lowered by an ulp or a few until they sum to at most 1. Each [Part] of
// a [Result] holds its criterion's normalised weight, its value v_k and
// its contribution, the product w_k·v_k rounded to float64. The score of a
// pair is exactly the sum of the contributions, added in the fixed order
// of [Criteria], with no clipping: printed parts add up to the score, and
// since rounding is monotone, score ≤ Σ w_k ≤ 1. A blocked pair scores
// -Inf, but its parts are listed too and sum to what it would score, also
// at most 1. [DefaultWeights] sum to 1: sector 0.25, language 0.15,
// availability 0.15, occupation 0.10, interests 0.10, personality 0.10,
// distance 0.10, experience 0.05.
//
// # Settings
//
// The zero value of every setting means its documented default, field by
// field: each zero weight of [Weights] is its criterion's default weight
// (so Weights{Interests: 1} keeps the seven others at their defaults; the
// weights are still ratios, divided by their sum), and each zero field of
// [Rules] is its default ([Rules.Resolved] fills them in). The zero
// [Scorer] is therefore [Default], and setting one field never turns
// another rule or criterion off. A rule or a criterion is turned off only
// by its own explicit setting, [profile.Off] (-1): [Rules.MaxDistanceKm] =
// -1, or Weights{Interests: -1}. JSON means the same as Go (a weight of 0
// or absent is its default), and decoding JSON over [Default] keeps the
// defaults of what the document does not set.
//
// # A rule or a criterion in one file
//
// Each hard rule lives in one file, rule_<name>.go, that holds its code,
// its check and its words; each criterion in criterion_<name>.go, with its
// name, its value and its words. Two tables list them (hardRules in
// rule.go, criteria in weights.go) and the explanations, the reasons'
// order and the counts of blocking rules are built from those tables. A
// rule's setting is a field of [Rules] (documented there, resolved by
// [Rules.Resolved]); a criterion's is its weight in [Weights]. The fused
// loop that scores a pair (pool.score) calls each check and each value
// in turn, cheapest rule first. The checks, which run on most pairs, and
// the occupation and language values are small functions over data
// compiled once per person (bit sets of weekly slots and languages, unit
// vectors of homes, parsed codes), which Go inlines into the loop, so that
// one definition costs nothing per pair: the distance check compares
// squared chords and leaves the arcsine to the distance criterion. The
// other values are calls, made only for the pairs that no rule blocks. So
// changing the distance rule (its limit, how it measures, what it does
// without coordinates) is a change of rule_distance.go alone, and a test
// (TestRulesAndCriteriaInOneFile) checks that every rule and criterion
// has its one file, its one entry in its table, its call in the loop and
// its words in every language.
//
// Adding a hypothetical rule, say "one_slot" (for a programme whose duos
// meet twice a week), is one new file:
//
//	// rule_slots.go
//	package scoring
//
//	// CodeOneSlot blocks a pair with only one weekly slot in which both
//	// are free.
//	const CodeOneSlot = "one_slot"
//
//	var ruleOneSlot = hardRule{code: CodeOneSlot, words: []word{
//		{Message: i18n.Message{Key: CodeOneSlot + ".label", Text: i18n.Text{
//			En: "one slot", Fr: "un seul créneau", Nl: "één moment", De: "ein Zeitfenster"}}},
//		{Message: i18n.Message{Key: CodeOneSlot, Text: i18n.Text{
//			En: "only one weekly slot in which both are free",
//			Fr: "un seul créneau hebdomadaire où les deux sont libres",
//			Nl: "slechts één vast moment in de week waarop beiden vrij zijn",
//			De: "nur ein wöchentliches Zeitfenster, in dem beide frei sind"}}},
//	}}
//
//	// oneSlot reports whether the rule blocks the pair, from the count of
//	// common slots that no_shared_time made.
//	func oneSlot(e *eval) bool { return e.common == 1 }
//
// and the three lines that name it where Go needs a list: its index
// (blockOneSlotIdx) and entry in the table of rule.go, and its call in
// pool.score, "if oneSlot(e) { e.blocked |= blockOneSlot; … }". Data a
// check needs that the gates do not hold yet is compiled once per person
// in compile.go. Go has no way for a file to add itself to a list but a mutable global
// set at start-up, and a loop over the table calling each check through
// a function value would cost the matrix a tenth of its time; the test
// fails when a file, its table entry or its call is missing. A setting
// for the rule would be one field of Rules with its default in
// Rules.Resolved.
//
// # Words
//
// A [Part] and a [Reason] hold codes and values (Detail, Args), never
// words; [Part.Text] and [Reason.Text] render them in English, French,
// Dutch or German (Belgian usage), with sectors and occupations named by
// their NACE and ISCO names, languages by their names, municipalities by
// their name in the language and numbers with the language's decimal
// comma. Each message lives in the file of its rule or criterion, keyed by
// the rule's code or the criterion's name and the explanation's code; one
// catalog gathers them, and a test checks that every message exists in
// every language with the same placeholders and that the French, Dutch
// and German words of every pair of a synthetic pool hold no English.
// Words are rendered only when asked for, never while scoring.
//
// # Cost
//
// [Scorer.Matrix] compiles each profile once (interests, languages and
// traits interned into bit sets, codes parsed, sections of sectors as bit
// sets, homes turned into unit vectors so that the distance rule needs no
// trigonometry, and the distance criterion of an allowed pair one
// arcsine), then fills the rows in parallel on runtime.GOMAXPROCS(0)
// goroutines. With the distance rule on, a grid as wide as its limit
// finds the mentors near each mentee, as for [Pool.Candidates]: the cell
// of a pair farther apart costs a store. A pair it scores costs a few tens
// of nanoseconds and no allocation; blocked pairs stop at the first rule
// that blocks them. The result does not depend on the number of cores,
// and each cell equals [Scorer.Pair]'s score bit for bit, because both
// score with the same code, which adds the contributions in the same
// order. Cities are folded once per distinct name while compiling. Pair
// compiles its two profiles on each call (microseconds, mostly parsing
// language tags): use Matrix for many pairs.
package scoring
