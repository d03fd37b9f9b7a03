package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/match"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// pageLangs are the page's languages, in the order of its switch.
var pageLangs = []string{"en", "fr", "nl", "de"}

// pageWords reads page/words.js: every key's text per language, a counted
// message as its "one" and "other" forms joined by "|".
func pageWords(t *testing.T) map[string]map[string]string {
	t.Helper()
	b, err := pageFiles.ReadFile("page/words.js")
	require.NoError(t, err)
	const decl = "const WORDS = "
	start, end := bytes.Index(b, []byte(decl)), bytes.LastIndexByte(b, '}')
	require.True(t, start >= 0 && end > start, "words.js declares WORDS")
	start += len(decl)
	var raw map[string]map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b[start:end+1], &raw), "words.js: WORDS is JSON")
	out := map[string]map[string]string{}
	for key, langs := range raw {
		out[key] = map[string]string{}
		for l, v := range langs {
			var s string
			if json.Unmarshal(v, &s) == nil {
				out[key][l] = s
				continue
			}
			var forms map[string]string
			require.NoError(t, json.Unmarshal(v, &forms), "%s.%s: a text or {one, other}", key, l)
			require.Contains(t, forms, "one", "%s.%s", key, l)
			require.Contains(t, forms, "other", "%s.%s", key, l)
			out[key][l] = forms["one"] + "|" + forms["other"]
		}
	}
	return out
}

var placeholder = regexp.MustCompile(`\{(\w+)\}`)

func placeholders(s string) []string {
	var ps []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		ps = append(ps, m[1])
	}
	slices.Sort(ps)
	return slices.Compact(ps)
}

// TestPageWords checks the page's dictionary: every key in the four
// languages, none empty, with the English placeholders.
func TestPageWords(t *testing.T) {
	words := pageWords(t)
	require.Greater(t, len(words), 100)
	for key, langs := range words {
		assert.Len(t, langs, len(pageLangs), key)
		for _, l := range pageLangs {
			s, ok := langs[l]
			if !assert.True(t, ok, "%s has no %s", key, l) {
				continue
			}
			assert.NotEmpty(t, strings.Trim(s, "|"), "%s.%s", key, l)
			assert.Equal(t, placeholders(langs["en"]), placeholders(s), "%s.%s: placeholders differ from English", key, l)
		}
	}
}

// TestPageWordsUsed checks that every key the page's HTML and scripts ask
// for is in the dictionary (keys built from codes are checked against
// the codes they come from).
func TestPageWordsUsed(t *testing.T) {
	words := pageWords(t)
	keyed := regexp.MustCompile(`(?:data-i18n(?:-aria)?="|\bt\(")([a-z][a-z0-9_.]*)"`)
	for _, name := range []string{"index.html", "app.js", "list.js", "sheetfile.js", "month.js"} {
		b, err := pageFiles.ReadFile("page/" + name)
		require.NoError(t, err)
		found := keyed.FindAllSubmatch(b, -1)
		require.NotEmpty(t, found, name)
		for _, m := range found {
			key := string(m[1])
			if strings.HasSuffix(key, ".") {
				continue // a prefix completed by a code: see built below
			}
			_, ok := words[key]
			assert.True(t, ok, "%s asks for %q", name, key)
		}
	}
	built := map[string][]string{
		"status.": {"proposed", "pinned", "changed", "left", "ineligible", "paused", "setaside"},
		"file.":   {"mentees", "mentors"},
		"need.":   {"id", "birth_date", "languages", "city"},
		"crit.": {scoring.CriterionSector, scoring.CriterionOccupation, scoring.CriterionExperience, scoring.CriterionInterests,
			scoring.CriterionLanguage, scoring.CriterionPersonality, scoring.CriterionDistance, scoring.CriterionAvailability},
		"reason.": {match.ReasonIneligible, match.ReasonNoCompatibleMentor, match.ReasonNoCompatibleMentee,
			match.ReasonBelowMinScore, match.ReasonOutcompeted, match.ReasonPaused, match.ReasonInvalidProfile},
		"rule.": {scoring.CodeTooFar, scoring.CodeExcluded, scoring.CodeGenderWish, scoring.CodeNoSharedLanguage,
			scoring.CodeNoSharedTime, "same_agency", profile.CodeDateUnknown, profile.CodeAgeUnknown, profile.CodeTooYoung,
			profile.CodeTooOld, profile.CodeNoNonEUBackground, profile.CodeBackgroundUnknown, profile.CodeNotRegistered,
			profile.CodeAgencyNotAccepted, profile.CodeNoProject, profile.CodeTooFewHours, profile.CodeTooLittleExperience,
			profile.CodeNotTrained, profile.CodeNoCapacity},
		"col.":                 {"mentee", "mentor", "city", "waiting", "score"},
		"problem.":             {"notcsv.xlsx", "notcsv.xls", "notcsv.pdf", "notcsv.binary", "swapped.mentees", "swapped.mentors"},
		"duos.download.":       {"duos", "unmatched", "alternatives"},
		"start.template.file.": {"mentees", "mentors"},
		"work.":                {"overdue", "first_meeting_due", "past_end", "end_outcome_due", "outcome_due"},
		"failed.":              {"no_show", "mismatch", "mentee_declined", "mentor_declined", "practical", "other"},
		"month.result.":        {"started", "failed"},
		"month.met.":           {"started", "failed"},
		"month.recorded.":      {"ended", "outcome"},
		"ended.":               {"completed", "mentee_left", "mentor_left", "mismatch", "found_job", "found_training", "found_internship", "other"},
		"outcome.":             {"job_over_3_months", "job_short", "training", "internship", "none", "unknown"},
	}
	for prefix, codes := range built {
		for _, c := range codes {
			_, ok := words[prefix+c]
			assert.True(t, ok, "no %q", prefix+c)
		}
	}
}

// TestPageTemplates checks the templates the page offers: in every
// language, the library reads every heading but the names (which stay in
// the tab).
func TestPageTemplates(t *testing.T) {
	words := pageWords(t)
	b, err := pageFiles.ReadFile("page/sheetfile.js")
	require.NoError(t, err)
	cols := func(kind string) []string {
		tmpl := b[bytes.Index(b, []byte("const TEMPLATE = {")):]
		m := regexp.MustCompile(kind + `: \[([^\]]*)\]`).FindSubmatch(tmpl)
		require.NotNil(t, m, kind)
		return regexp.MustCompile(`"(\w+)"`).FindAllString(string(m[1]), -1)
	}
	for _, kind := range []string{"mentees", "mentors"} {
		for _, l := range pageLangs {
			var heads []string
			for _, c := range cols(kind) {
				heads = append(heads, words["head."+strings.Trim(c, `"`)][l])
			}
			csv := strings.Join(heads, ";") + "\n"
			var rep sheet.Report
			if kind == "mentees" {
				_, rep, err = sheet.ReadMentees(strings.NewReader(csv), sheet.Options{})
			} else {
				_, rep, err = sheet.ReadMentors(strings.NewReader(csv), sheet.Options{})
			}
			require.NoError(t, err, "%s %s", kind, l)
			var ignored []string
			for _, c := range rep.Ignored {
				ignored = append(ignored, c.Heading)
			}
			assert.Equal(t, []string{words["head.first_name"][l], words["head.last_name"][l]}, ignored, "%s %s: only the names are not read", kind, l)
		}
	}
}
