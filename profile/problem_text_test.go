package profile

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
)

// englishWords are words that a French, Dutch or German message must not
// hold: a sign that a sentence was left in English.
var englishWords = []string{"speaks", "lives", "waiting", "blocked", "left out", "same", "weekly",
	"did you mean", "missing", "not a ", "want ", "more than", "outside", "unknown", "the ", "younger", "older", " or "}

// noEnglish fails when s holds one of englishWords.
func noEnglish(t *testing.T, lang language.Tag, s string) {
	t.Helper()
	low := strings.ToLower(s)
	for _, w := range englishWords {
		assert.NotContains(t, low, w, "%s: %q", lang, s)
	}
}

var foreign = []language.Tag{i18n.French, i18n.Dutch, i18n.German}

func TestCatalogs(t *testing.T) {
	require.NoError(t, problemCatalog.Check())
	require.NoError(t, violationCatalog.Check())
	codes := ProblemCodes()
	assert.Greater(t, len(codes), 100)
	for _, c := range codes {
		assert.False(t, strings.HasPrefix(c, "term.") || strings.HasPrefix(c, "place."), c)
	}
}

// TestViolationText checks that every violation of many ineligible people
// renders, in English, the Message it was made with (so Code and Args
// carry all its words), and in the other languages, words with no English
// in them and the day written day first.
func TestViolationText(t *testing.T) {
	var all []Violation
	me := decodeMentee(t)
	me.BirthDate = MustDate(2008, time.November, 24)
	me.JobSeeker.Agency = "Jobcentre"
	me.Background = Background{BirthCountry: "BE", ParentBirthCountries: []Country{"FR"}}
	all = append(all, DefaultPolicy().CheckMentee(me, checkDay)...)
	me = decodeMentee(t)
	me.BirthDate = MustDate(1980, time.January, 1)
	me.JobSeeker.Registered = false
	me.Project = " "
	me.Background = Background{}
	all = append(all, DefaultPolicy().CheckMentee(me, checkDay)...)
	me.BirthDate = Date{}
	all = append(all, DefaultPolicy().CheckMentee(me, checkDay)...)
	all = append(all, DefaultPolicy().CheckMentee(me, Date{})...)
	mo := decodeMentor(t)
	mo.BirthDate = MustDate(1990, time.March, 3)
	mo.WeeklyHours = 1
	mo.Experience = nil
	mo.Capacity = -1
	mo.Trained = false
	p := DefaultPolicy()
	p.Mentor.Trained = On
	p.Mentor.MinWeeklyHours = 2.5
	all = append(all, p.CheckMentor(mo, checkDay)...)
	p.Mentor.MinExperienceYears = 3
	all = append(all, p.CheckMentor(mo, checkDay)...)

	seen := map[string]bool{}
	for _, v := range all {
		seen[v.Code] = true
		assert.Equal(t, v.Message, violationCatalog.Render(language.English, v.Code, v.Args), v.Code)
		assert.Equal(t, v.Message, v.Text(language.English), v.Code)
		assert.Equal(t, v.Message, v.Text(language.Tag{}), "the zero Tag is English")
		for _, lang := range foreign {
			s := v.Text(lang)
			assert.NotEmpty(t, s)
			assert.NotEqual(t, v.Message, s, "%s: %s", lang, v.Code)
			noEnglish(t, lang, s)
			assert.NotContains(t, s, "2026-11-23", "%s: the day is written day first", lang)
		}
	}
	for _, code := range []string{CodeDateUnknown, CodeAgeUnknown, CodeTooYoung, CodeTooOld, CodeNoNonEUBackground,
		CodeBackgroundUnknown, CodeNotRegistered, CodeAgencyNotAccepted, CodeNoProject, CodeTooFewHours,
		CodeTooLittleExperience, CodeNotTrained, CodeNoCapacity} {
		assert.True(t, seen[code], "the inputs reach %s", code)
		assert.True(t, violationCatalog.Has(code), code)
	}
	assert.Len(t, violationCatalog.Keys(), 13, "one message per code")
}

func TestViolationTextFigures(t *testing.T) {
	mo := decodeMentor(t)
	mo.BirthDate = MustDate(1990, time.March, 3)
	mo.WeeklyHours = 1
	mo.Experience = nil
	p := DefaultPolicy()
	p.Mentor.MinWeeklyHours = 2.5
	p.Mentor.MinExperienceYears = 1.5
	vs := p.CheckMentor(mo, checkDay)
	require.Len(t, vs, 3)
	tests := []struct {
		lang language.Tag
		want []string
	}{
		{language.English, []string{
			"younger than the programme's minimum age of 50 on 2026-11-23",
			"offers fewer hours a week than the programme's minimum of 2.5",
			"has less professional experience than the programme's minimum of 1.5 years"}},
		{i18n.French, []string{
			"n'a pas encore l'âge minimum du programme, 50 ans, au 23 novembre 2026",
			"propose moins d'heures par semaine que le minimum du programme, 2,5 h",
			"a moins d'expérience professionnelle que le minimum du programme, 1,5 an"}},
		{i18n.Dutch, []string{
			"jonger dan de minimumleeftijd van het programma, 50 jaar, op 23 november 2026",
			"biedt minder uren per week aan dan het minimum van het programma, 2,5 uur",
			"heeft minder beroepservaring dan het minimum van het programma, 1,5 jaar"}},
		{i18n.German, []string{
			"jünger als das Mindestalter des Programms von 50 Jahren am 23. November 2026",
			"bietet weniger Stunden pro Woche an als das Minimum des Programms von 2,5 Stunden",
			"hat weniger Berufserfahrung als das Minimum des Programms von 1,5 Jahren"}},
	}
	for _, tt := range tests {
		for k, v := range vs {
			assert.Equal(t, tt.want[k], v.Text(tt.lang), "%s %s", tt.lang, v.Code)
		}
	}
	assert.Equal(t, "made elsewhere", Violation{Code: "x", Message: "made elsewhere"}.Text(i18n.French))
	assert.Equal(t, "older than 30", Violation{Code: CodeTooOld, Message: "older than 30"}.Text(i18n.French), "too few args: Message")
}

// TestProblemText checks that the problems of profiles and policies render
// in English as Error does, and in the other languages with no English.
func TestProblemText(t *testing.T) {
	me := decodeMentee(t)
	me.ID = "me 1 "
	me.BirthDate = MustDate(1800, time.January, 1)
	me.Languages = append(me.Languages, Language{Tag: "zz-!!", Level: "B3"}, Language{Tag: "fr"})
	me.Home.Lat, me.Home.Lon = 91, 500
	me.Sectors = append(me.Sectors, "99", "X9")
	me.Traits = Traits{"openness": 2, "": 0.5}
	me.Background.Nationalities = []Country{"XX", ""}
	me.Interests = []string{" ", strings.Repeat("y", 70)}
	mo := decodeMentor(t)
	mo.Capacity = 101
	mo.WeeklyHours = 200
	mo.Status = "sometimes"
	errs := []error{me.Validate(), mo.Validate(),
		Policy{Mentee: MenteeRules{MinAge: 200, MaxAge: 20, Agencies: []Agency{}}, Mentor: MentorRules{MinWeeklyHours: 500, Trained: 7}}.Validate()}
	_, err := DecodeMentees(strings.NewReader(`[{"id": 7, "x": 1, "birth_date": "2001-02-30"}] 2`), DecodeOptions{})
	errs = append(errs, err)
	ps := Problems(errors.Join(errs...))
	require.Greater(t, len(ps), 20)
	for _, p := range ps {
		require.True(t, problemCatalog.Has(p.Code), "%s: %v", p.Code, p)
		assert.Equal(t, p.Error(), p.Text(language.English), p.Code)
		for _, lang := range foreign {
			s := p.Text(lang)
			assert.NotEqual(t, p.Error(), s, "%s: %s", lang, p.Code)
			words := problemCatalog.Render(lang, p.Code, p.Args)
			noEnglish(t, lang, words)
		}
	}
}

func TestProblemTextPlace(t *testing.T) {
	p := &Problem{Row: 7, Column: "Date de naissance", IDs: []string{"me-004"}, Path: "birth_date", Code: "not_a_date",
		Detail: "not a date (want YYYY-MM-DD or DD/MM/YYYY)"}
	tests := []struct {
		lang language.Tag
		want string
	}{
		{language.English, `row 7, column "Date de naissance": me-004: birth_date: not a date (want YYYY-MM-DD or DD/MM/YYYY)`},
		{i18n.French, "ligne 7, colonne « Date de naissance » : me-004 : birth_date : pas une date (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)"},
		{i18n.Dutch, "rij 7, kolom ‘Date de naissance’: me-004: birth_date: geen datum (verwacht: DD/MM/JJJJ of JJJJ-MM-DD)"},
		{i18n.German, "Zeile 7, Spalte „Date de naissance“: me-004: birth_date: kein Datum (erwartet: TT.MM.JJJJ, TT/MM/JJJJ oder JJJJ-MM-TT)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, p.Text(tt.lang))
	}
	line := &Problem{Line: 12, IDs: []string{"me-1", "mo-2"}, Path: "reason", Code: "missing", Detail: "missing"}
	assert.Equal(t, "regel 12: me-1, mo-2: reason: ontbreekt", line.Text(i18n.Dutch))
	past := &Problem{Row: 12, Column: "(column J, no heading)", IDs: []string{"me-8"}, Path: "(row)", Code: "cell_past_last_heading",
		Args: []string{"J"}, Detail: "a cell in column J, past the last heading; the row is not read"}
	assert.Equal(t, "ligne 12, colonne J sans en-tête : me-8 : (ligne) : une cellule en colonne J, après le dernier en-tête ; la ligne n'est pas lue", past.Text(i18n.French))
	assert.Equal(t, past.Error(), past.Text(language.English))
	for _, c := range []string{"(column , no heading)", "(column j, no heading)", "(column J)", "column J, no heading", "(column J, no heading) "} {
		_, ok := noHeading(c)
		assert.False(t, ok, c)
	}
	other := &Problem{Code: "made_elsewhere", Detail: "made elsewhere"}
	assert.Equal(t, "made elsewhere", other.Text(i18n.French), "a code the catalog lacks keeps its Detail")
}
