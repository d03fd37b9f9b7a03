package ledger

import (
	"slices"

	"github.com/duomatch/duo/profile"
)

// MaxReferralLen is the longest referral partner's code, in bytes.
const MaxReferralLen = 32

// ValidReferral reports whether s is a well-formed referral partner's
// code: 1 to [MaxReferralLen] bytes of lower-case letters a-z, digits and
// underscores, starting with a letter ("pes", "cpas", "integration",
// "school_2"). The programme chooses its codes; [Options.Referrals] closes
// the list. Cost: O(len(s)).
func ValidReferral(s string) bool {
	if s == "" || len(s) > MaxReferralLen || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// referralProblems checks the referral of an applied event against the
// programme's codes (nil: any well-formed code).
func referralProblems(e Event, codes []string, bad func(field, code, format string, args ...any)) {
	if e.Referral == "" || codes == nil || slices.Contains(codes, e.Referral) {
		return
	}
	bad("referral", "unknown_referral", "unknown referral partner %s; want one of the programme's codes", e.Referral)
}

// Referrals returns a function that gives the referral partner's code of
// the latest application of the person with the given ID, as its applied
// event recorded it on or before on ("" when none was recorded or the
// person had not applied by then). It is a grouping for [Ledger.Equity] and [Ledger.Indicators]:
// a person who re-applied through another partner counts under the
// latest one. Cost: O(events), then O(1) a call.
func (l *Ledger) Referrals(on profile.Date) func(id string) string {
	s := l.at(on)
	return func(id string) string {
		p := s.people[id]
		if p == nil {
			return ""
		}
		return s.apps[p.app].referral
	}
}
