package report_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/match/ledger/report"
	"github.com/duomatch/duo/profile"
)

// The report of a small programme, in French: here only its title and
// one key figure are printed; a service writes the whole page to a file
// or an HTTP answer.
func ExampleWrite() {
	const file = `{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-1","referral":"cpas"}
{"on":"2026-01-05","event":"applied","side":"mentee","id":"me-2","referral":"pes"}
{"on":"2026-01-07","event":"applied","side":"mentor","id":"mo-1"}
{"on":"2026-02-02","event":"proposed","mentee_id":"me-1","mentor_id":"mo-1"}
`
	l, err := ledger.Read(strings.NewReader(file), ledger.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var page bytes.Buffer
	err = report.Write(&page, l, profile.MustDate(2026, 1, 1), profile.MustDate(2026, 6, 30), report.Options{
		Lang:      language.French,
		Groupings: []ledger.Grouping{{Name: "referral", Of: l.Referrals(profile.MustDate(2026, 6, 30))}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, re := range []string{`<h1>(.*)</h1>`, `<p class="period">(.*)</p>`, `data-figure="matched_within_30_days".*?<dd>(.*?)</dd>`} {
		// French puts a no-break space before %, ; and :, printed here as
		// a space.
		fmt.Println(strings.ReplaceAll(regexp.MustCompile(re).FindStringSubmatch(page.String())[1], "\u00a0", " "))
	}
	// Output:
	// Programme de mentorat : rapport
	// Du 1 janvier 2026 au 30 juin 2026
	// 50 % (1 sur 2 ; intervalle de confiance à 95 % : de 9 % à 91 %)
}
