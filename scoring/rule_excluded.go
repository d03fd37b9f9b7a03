package scoring

// CodeExcluded is the rule that blocks a pair excluded with
// [Pool.Exclude] (a failed first meeting, a coordinator's decision). The
// Pool applies it, after the other rules, since a Scorer knows no pairs.
const CodeExcluded = "excluded"

var ruleExcluded = hardRule{
	code:    CodeExcluded,
	message: func(*pool, int, int, eval) string { return "the pair is on the excluded list" },
}
