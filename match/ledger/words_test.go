package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

var (
	french = language.MustParse("fr-BE")
	dutch  = language.MustParse("nl-BE")
	german = language.MustParse("de-BE")
)

func TestLabels(t *testing.T) {
	names := []string{"overdue", "first_meeting_due", "past_end", "end_outcome_due", "outcome_due",
		"matched_within_30_days", "first_meeting_failed", "successful_ending", "early_closure", "second_mentee",
		"at_end", "at_12_months", "positive", "job", "training_or_internship", "lost_to_follow_up"}
	for _, lang := range profile.Languages() {
		seen := map[string]bool{}
		for _, n := range names {
			l := ledger.Label(n, lang)
			assert.NotEqual(t, n, l, "%s has words in %s", n, lang)
			assert.False(t, seen[l], "%s: two labels %q", lang, l)
			seen[l] = true
		}
	}
	assert.Equal(t, "jeunes en attente depuis plus de 30 jours", ledger.Label("overdue", french))
	assert.Equal(t, "nope", ledger.Label("nope", french), "an unknown name is returned as it is")
}

func TestProportionText(t *testing.T) {
	p := ledger.Proportion{Count: 26, Total: 96, Rate: 26.0 / 96, Low: 0.19, High: 0.371}
	tests := []struct {
		lang language.Tag
		want string
	}{
		{language.English, "26 of 96, 27 % (95 % CI 19–37 %)"},
		{language.Tag{}, "26 of 96, 27 % (95 % CI 19–37 %)"},
		{french, "26 sur 96, 27 % (IC à 95 % : 19–37 %)"},
		{dutch, "26 van 96, 27 % (95%-BI 19–37 %)"},
		{german, "26 von 96, 27 % (95-%-KI 19–37 %)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, p.Text(tt.lang), tt.lang.String())
	}
}

func TestTaskText(t *testing.T) {
	one := ledger.Task{MenteeID: "me-1", Since: day("2026-11-23"), Days: 1}
	two := ledger.Task{MenteeID: "me-1", MentorID: "mo-2", Since: day("2026-02-02"), Days: 45}
	assert.Equal(t, "me-1 since 23/11/2026 (1 day)", one.Text(language.English))
	assert.Equal(t, "me-1 + mo-2 depuis le 02/02/2026 (45 jours)", two.Text(french))
	assert.Equal(t, "me-1 sinds 23/11/2026 (1 dag)", one.Text(dutch))
	assert.Equal(t, "me-1 + mo-2 seit dem 02.02.2026 (45 Tagen)", two.Text(german))
}

// TestWorklistAndIndicatorsText renders the worklist and indicators of
// the hand-made ledger: in English the figures are the structs' (an
// oracle by re-computing each line), in French, Dutch and German the same
// numbers with no English words.
func TestWorklistAndIndicatorsText(t *testing.T) {
	l := readHand(t)
	wl := l.Worklist(day("2026-06-30"))
	in := l.Indicators(day("2026-01-01"), day("2026-12-31"), nil)
	en := wl.Text(language.English, -1) + in.Text(language.English)
	require.NotEmpty(t, wl.Overdue)
	for _, task := range wl.Overdue {
		assert.Contains(t, en, "    "+task.Text(language.English)+"\n")
	}
	f := in.Overall
	assert.Contains(t, en, fmt.Sprintf("Worklist on 30/06/2026\n  overdue mentees (waiting more than 30 days): %d\n", len(wl.Overdue)))
	assert.Contains(t, en, fmt.Sprintf("  applications: %d mentees, %d mentors, %d found ineligible\n", f.MenteeApplications, f.MentorApplications, f.Ineligible))
	assert.Contains(t, en, "  first meetings failed: "+f.FirstMeetingFailed.Text(language.English)+"\n")
	assert.Contains(t, en, "    positive (a job over 3 months, a training or an internship): "+f.At12Months.Positive.Text(language.English)+"\n")
	assert.NotContains(t, wl.Text(language.English, 0), "me-", "shown 0 lists no task")
	assert.Contains(t, in.Text(dutch), "  na 12 maanden: 1 duo, 0 met een gekend resultaat\n")

	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	for _, lang := range []language.Tag{french, dutch, german} {
		s := wl.Text(lang, -1) + in.Text(lang)
		assert.Equal(t, strings.Count(en, "\n"), strings.Count(s, "\n"), "%s: the same lines", lang)
		enLines, lines := strings.Split(en, "\n"), strings.Split(s, "\n")
		for k := range lines {
			if k > 0 { // the heading's day is written as the language writes it
				assert.Equal(t, digits(enLines[k]), digits(lines[k]), "%s: the same figures: %q", lang, lines[k])
			}
		}
		low := strings.ToLower(s)
		for _, w := range []string{"waiting", "weekly", "same", "left out", "mentees waiting", "results", "applications", "failed", "early", "the ", "since", "days"} {
			assert.NotContains(t, low, w, "%s", lang)
		}
	}
}

func TestWordsCatalog(t *testing.T) {
	require.NoError(t, ledger.CheckWords())
}
