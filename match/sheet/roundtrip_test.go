package sheet_test

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/duomatch/duo/internal/i18n"
	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// options are the writers' settings a round trip is checked with.
var options = map[string]sheet.Options{
	"default (';', decimal comma, BOM)": {},
	"comma, no BOM":                     {Comma: ',', NoBOM: true},
	"tab":                               {Comma: '\t'},
}

// TestRoundTripSynth writes seeded synthetic pools and reads them back:
// read(write(x)) == x.
func TestRoundTripSynth(t *testing.T) {
	for name, opt := range options {
		for _, seed := range []uint64{1, 2, 3} {
			mentees, mentors := synth.Generate(synth.Config{Seed: seed, Mentees: 150, Mentors: 120, IneligibleShare: 0.2})
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, sheet.WriteMentees(&buf, mentees, opt))
				got, rep, err := sheet.ReadMentees(&buf, sheet.Options{})
				require.NoError(t, err)
				assert.Equal(t, normMentees(mentees), normMentees(got))
				assert.Empty(t, rep.Ignored)
				assert.Equal(t, comma(opt), rune(rep.Comma))

				buf.Reset()
				require.NoError(t, sheet.WriteMentors(&buf, mentors, opt))
				gotMentors, _, err := sheet.ReadMentors(&buf, sheet.Options{})
				require.NoError(t, err)
				assert.Equal(t, normMentors(mentors), normMentors(gotMentors))
			})
		}
	}
}

func comma(opt sheet.Options) rune {
	if opt.Comma == 0 {
		return ';'
	}
	return opt.Comma
}

// normMentees makes empty lists and maps nil, as a reader gives them.
func normMentees(ms []profile.Mentee) []profile.Mentee {
	out := make([]profile.Mentee, len(ms))
	for i, m := range ms {
		m.Background.Nationalities = nilIfEmpty(m.Background.Nationalities)
		m.Background.ParentBirthCountries = nilIfEmpty(m.Background.ParentBirthCountries)
		m.Background.ParentNationalities = nilIfEmpty(m.Background.ParentNationalities)
		m.Sectors = nilIfEmpty(m.Sectors)
		m.Interests = trimmed(nilIfEmpty(m.Interests))
		m.Languages = nilIfEmpty(m.Languages)
		if len(m.Traits) == 0 {
			m.Traits = nil
		}
		out[i] = m
	}
	return out
}

// trimmed returns the entries without spaces at their ends, as the writers
// write them.
func trimmed(s []string) []string {
	if s == nil {
		return nil
	}
	out := make([]string, len(s))
	for i, e := range s {
		out[i] = strings.TrimSpace(e)
	}
	return out
}

func normMentors(ms []profile.Mentor) []profile.Mentor {
	out := make([]profile.Mentor, len(ms))
	for i, m := range ms {
		m.Experience = nilIfEmpty(m.Experience)
		m.Interests = trimmed(nilIfEmpty(m.Interests))
		m.Languages = nilIfEmpty(m.Languages)
		if len(m.Traits) == 0 {
			m.Traits = nil
		}
		out[i] = m
	}
	return out
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// fuzzSeeds are small sheets in the forms of the files under testdata/:
// small, because the fuzzer's minimisation costs the square of an input's
// length.
var fuzzSeeds = []string{
	"Identifiant;Date de naissance;Langues;Commune;Disponibilités\r\nme-1;12/04/2001;\"ar:native; fr:C1\";Li\xe8ge;mon-evening\r\n;;;;\r\n",
	"\uFEFFIdentificatie;Geboortedatum;Ervaring;Uren per week;Capaciteit\r\nmo-1;03/03/1960;\"62.02:2512:20; F:5\";2,5;2\r\n",
	"id,birth_date,registered,traits,lat\nme-1,2000-01-31,TRUE,openness:0.7,50.85\n",
	"First name,id,E-mail,birth_date,sectors\nA,me-1,a@b,2001-01-01,62.01; 62.02\n",
	"id;birth_date;paused;interests\nme-1;31/02/2001;ja;\"a\nb\"\n",
	"Kennung;Geburtsdatum;Geschlecht;Sprachen;Wohnort;Verfügbarkeit;Breitengrad\r\nme-1;12.04.2001;W;\"ar:Muttersprache; de:B1\";Eupen;Mo-Abend;50,63\r\n",
}

// FuzzRoundTrip reads a sheet, and when it reads without error writes the
// mentees and mentors back and reads them again: the same people, as
// encoding/csv's round trip. A sheet that reads is always writable.
func FuzzRoundTrip(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add([]byte(seed))
	}
	f.Add([]byte("id;birth_date;project;traits;interests\n'=x;1.1.2001;''@a;a:1e-7;'-b\n"))
	f.Add([]byte("id,birth_date,lat,lon,weekly_hours,experience\nx,2001-01-01,-0.000001,179.99,0,62.01:1:0.5\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		mentees, _, err := sheet.ReadMentees(bytes.NewReader(data), sheet.Options{})
		if err == nil {
			for _, opt := range options {
				var buf bytes.Buffer
				require.NoError(t, sheet.WriteMentees(&buf, mentees, opt))
				again, _, err := sheet.ReadMentees(&buf, sheet.Options{})
				require.NoError(t, err)
				require.Equal(t, mentees, again)
			}
		}
		mentors, _, err := sheet.ReadMentors(bytes.NewReader(data), sheet.Options{})
		if err == nil {
			for _, opt := range options {
				var buf bytes.Buffer
				require.NoError(t, sheet.WriteMentors(&buf, mentors, opt))
				again, _, err := sheet.ReadMentors(&buf, sheet.Options{})
				require.NoError(t, err)
				require.Equal(t, mentors, again)
			}
		}
	})
}

// FuzzRead reads anything: never a panic, and every problem is a
// *profile.Problem that unwraps to sheet.ErrInvalid and profile.ErrInvalid,
// with a code and a row within the file.
func FuzzRead(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add([]byte(seed))
	}
	f.Add([]byte("\xff\xfei\x00d\x00\n\x00"))
	f.Add([]byte("id;birth_date\n\"unterminated"))
	f.Fuzz(func(t *testing.T, data []byte) {
		opt := sheet.Options{MaxRows: 50, MaxErrors: 5, MaxCellBytes: 100}
		mentees, rep, err := sheet.ReadMentees(bytes.NewReader(data), opt)
		if err == nil {
			assert.Len(t, mentees, rep.Rows)
			for _, m := range mentees {
				require.NoError(t, m.Validate())
			}
			return
		}
		// Partial intake: the mentees read are valid, at most one a row.
		assert.LessOrEqual(t, len(mentees), rep.Rows)
		for _, m := range mentees {
			require.NoError(t, m.Validate())
		}
		rows := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 2
		errs := profile.Problems(err)
		require.NotEmpty(t, errs)
		assert.LessOrEqual(t, len(errs), opt.MaxErrors+4) // listed, plus the stops and the count
		for _, e := range errs {
			assert.True(t, e.Row >= 0 && e.Row <= rows, "row %d", e.Row)
			assert.ErrorIs(t, e, profile.ErrInvalid)
			assert.ErrorIs(t, e, sheet.ErrInvalid)
			assert.NotEmpty(t, e.Code)
		}
		_, _, _ = sheet.ReadMentors(bytes.NewReader(data), opt)
	})
}

func TestWriteRefuses(t *testing.T) {
	base := profile.Mentee{ID: "me-1", BirthDate: date(2001, 1, 1)}
	tests := []struct {
		name   string
		change func(m *profile.Mentee)
		want   string
	}{
		{"carriage return", func(m *profile.Mentee) { m.Home.City = "a\rb" }, "me-1: [0].home.city: holds a carriage return, which a cell does not keep"},
		{"separator in a list", func(m *profile.Mentee) { m.Interests = []string{"a", "b;c"} }, "me-1: [0].interests[1]: holds a separator (;)"},
		{"empty entry", func(m *profile.Mentee) { m.Interests = []string{""} }, "me-1: [0].interests[0]: is blank, which a list cell does not keep"},
		{"separator in a trait's name", func(m *profile.Mentee) { m.Traits = profile.Traits{"a;b": 1} }, "me-1: [0].traits[0].name: holds a separator (;)"},
		{"spaces around a trait's name", func(m *profile.Mentee) { m.Traits = profile.Traits{"a": 1, "a ": 0.5} }, "me-1: [0].traits[1].name: has spaces at its ends, which a cell does not keep"},
		{"NaN", func(m *profile.Mentee) { m.Home.Lat = math.NaN() }, "me-1: [0].home.lat: not a finite number"},
		{"slot out of range", func(m *profile.Mentee) { m.Availability = 1 << 30 }, "me-1: [0].availability: holds values outside the 21 weekly slots"},
		{"bad id not echoed", func(m *profile.Mentee) { m.ID = "me-1\r"; m.Project = "x\r" }, "(bad id): [0].id: holds a carriage return, which a cell does not keep\n(bad id): [0].project: holds a carriage return, which a cell does not keep"},
		{"invalid UTF-8", func(m *profile.Mentee) { m.Occupation = "25\xff" }, "me-1: [0].occupation: not valid UTF-8"},
		{"separator in a language's level", func(m *profile.Mentee) {
			m.Languages = []profile.Language{{Tag: "fr", Level: "C1"}, {Tag: "nl", Level: "B1,"}}
		},
			"me-1: [0].languages[1].level: holds a separator (,;:)"},
		{"blank language tag", func(m *profile.Mentee) { m.Languages = []profile.Language{{Tag: " ", Level: "C1"}} },
			"me-1: [0].languages[0].tag: is blank, which a list cell does not keep"},
		{"infinite trait score", func(m *profile.Mentee) { m.Traits = profile.Traits{"b": math.Inf(1), "a": 1} }, "me-1: [0].traits[1].score: not a finite number"},
		{"blank country in a list", func(m *profile.Mentee) { m.Background.Nationalities = []profile.Country{"MA", ""} },
			"me-1: [0].background.nationalities[1]: is blank, which a list cell does not keep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := base
			tt.change(&m)
			var buf bytes.Buffer
			err := sheet.WriteMentees(&buf, []profile.Mentee{m}, sheet.Options{})
			require.Error(t, err)
			assert.EqualError(t, err, tt.want)
			assert.ErrorIs(t, err, profile.ErrInvalid)
			assert.Zero(t, buf.Len(), "nothing written")
			wordsInEveryLanguage(t, err)
		})
	}
}

// wordsInEveryLanguage checks that every problem of err has its words in
// every language: rendered from its code and args, the English words are
// its message, and the French, Dutch and German ones hold none of them.
func wordsInEveryLanguage(t *testing.T, err error) {
	t.Helper()
	ps := profile.Problems(err)
	require.NotEmpty(t, ps)
	for _, p := range ps {
		require.Len(t, p.Args, 1, p.Code)
		assert.Equal(t, p.Error(), p.Text(language.English))
		for _, lang := range profile.Languages()[1:] {
			s := p.Text(lang)
			assert.NotContains(t, s, p.Args[0], "%s: %s", lang, s)
			assert.NotContains(t, s, "which", "%s: %s", lang, s)
		}
	}
}

func TestWriteMentorsRefuses(t *testing.T) {
	ms := []profile.Mentor{{ID: "mo-1", BirthDate: date(1960, 1, 1), WeeklyHours: math.NaN(),
		Experience: []profile.Experience{{Sector: "62.01", Years: 1}, {Sector: "62:01", Years: 2}, {Sector: "F", Occupation: ";", Years: 3}, {Sector: "J", Years: math.Inf(-1)}}}}
	err := sheet.WriteMentors(&bytes.Buffer{}, ms, sheet.Options{})
	assert.EqualError(t, err, "mo-1: [0].experience[1].sector: holds a separator (;:)\nmo-1: [0].weekly_hours: not a finite number")
	wordsInEveryLanguage(t, err)
	ms[0].WeeklyHours = 2
	ms[0].Experience = ms[0].Experience[2:]
	err = sheet.WriteMentors(&bytes.Buffer{}, ms, sheet.Options{})
	assert.EqualError(t, err, "mo-1: [0].experience[0].occupation: holds a separator (;:)")
	ms[0].Experience = ms[0].Experience[1:]
	err = sheet.WriteMentors(&bytes.Buffer{}, ms, sheet.Options{})
	assert.EqualError(t, err, "mo-1: [0].experience[0].years: not a finite number")
	assert.Equal(t, "mo-1\u00a0: [0].experience[0].years\u00a0: pas un nombre fini", profile.Problems(err)[0].Text(i18n.French))
}

func TestWriteFormat(t *testing.T) {
	ms := []profile.Mentor{{ID: "=mo-1", BirthDate: date(1960, 1, 2), WeeklyHours: 2.5, Home: profile.Place{City: "Liège", Lat: -1.5},
		Experience: []profile.Experience{{Sector: "62.01", Occupation: "2512", Years: 12.5}, {Sector: "F", Years: 3}}}}
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteMentors(&buf, ms, sheet.Options{}))
	want := "\uFEFFid;birth_date;gender;status;experience;languages;postcode;city;country;lat;lon;availability;weekly_hours;trained;capacity;interests;traits;mentee_gender;paused\r\n" +
		"'=mo-1;1960-01-02;;;\"62.01:2512:12,5; F:3\";;;Liège;;-1,5;;;2,5;no;;;;;no\r\n"
	assert.Equal(t, want, buf.String())

	buf.Reset()
	require.NoError(t, sheet.WriteMentors(&buf, ms, sheet.Options{Comma: ',', NoBOM: true}))
	assert.True(t, strings.HasPrefix(buf.String(), "id,birth_date,"))
	assert.Contains(t, buf.String(), "'=mo-1,1960-01-02,,,62.01:2512:12.5; F:3,,,Liège,,-1.5,,,2.5,no,")
}
