package scoring

// A hard rule decides whether a pair is allowed at all. Each lives in one
// file, rule_<name>.go, that holds its code, its check and its words; the
// settings it reads are fields of [Rules], documented there. This table
// lists them, in the order in which [Scorer.Pair] reports them; a rule's
// bit in eval.blocked is 1 << its index here.
//
// The checks are applied by pool.score in a fixed order, cheapest first,
// so that a blocked pair costs little: that fused loop is the one other
// place that names each rule, by a call to its check, which is small
// enough for Go to inline. TestRulesAndCriteriaInOneFile checks that the
// files, this table and the loop agree.
var hardRules = [...]hardRule{
	blockLanguageIdx: ruleLanguage,
	blockGenderIdx:   ruleGender,
	blockDistanceIdx: ruleDistance,
	blockTimeIdx:     ruleTime,
	blockExcludedIdx: ruleExcluded,
}

// hardRule is a hard rule's code and words.
type hardRule struct {
	// code is the stable code of [Reason].
	code string
	// args returns the values the rule's words quote for the evaluated
	// pair of mentee i and mentor j ([Reason.Args]); nil for none.
	args func(p *pool, i, j int, e eval) []string
	// words are the rule's messages, the first keyed by its code.
	words []word
}

// The index of each rule in hardRules.
const (
	blockLanguageIdx = iota
	blockGenderIdx
	blockDistanceIdx
	blockTimeIdx
	blockExcludedIdx
)

// The hard rules as bits of eval.blocked.
const (
	blockLanguage = 1 << blockLanguageIdx
	blockGender   = 1 << blockGenderIdx
	blockDistance = 1 << blockDistanceIdx
	blockTime     = 1 << blockTimeIdx
	blockExcluded = 1 << blockExcludedIdx
)

// reasons lists the rules that block the evaluated pair of mentee i and
// mentor j, in the order of hardRules.
func (p *pool) reasons(i, j int, e *eval) []Reason {
	var out []Reason
	for k, r := range hardRules {
		if e.blocked&(1<<k) != 0 {
			var args []string
			if r.args != nil {
				args = r.args(p, i, j, *e)
			}
			out = append(out, Reason{Code: r.code, Args: args})
		}
	}
	return out
}
