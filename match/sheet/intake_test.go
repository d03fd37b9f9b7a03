package sheet_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

// where is a problem's place and code.
type where struct {
	Row        int
	Line       int
	Column, ID string
	Code       string
}

func places(err error) []where {
	var out []where
	for _, p := range profile.Problems(err) {
		out = append(out, where{p.Row, p.Line, p.Column, p.ID(), p.Code})
	}
	return out
}

func menteeIDs(ms []profile.Mentee) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

// The files of issue 19: each is read partially or refused as it should,
// with one problem where one is due.
func TestIntakeFiles(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		ids      []string // the mentees read
		problems []where
		encoding string
	}{
		{name: "CR-only line ends", file: "cr_only_mentees.csv", ids: []string{"me-1", "me-2", "me-3"}, encoding: "UTF-8"},
		{name: "one bad byte in UTF-8", file: "bad_byte_utf8_mentees.csv",
			problems: []where{{Line: 3, Code: "invalid_utf8"}}},
		{name: "unquoted separator in a list cell", file: "unquoted_semicolon_mentees.csv", ids: []string{"me-1", "me-3"},
			problems: []where{{Row: 3, Code: "cell_count"}}, encoding: "UTF-8"},
		{name: "one very wide row", file: "wide_row_mentees.csv", ids: []string{"me-1", "me-3"},
			problems: []where{{Row: 3, Code: "cell_count"}}, encoding: "UTF-8"},
		{name: "Dutch Excel", file: "dutch_excel_mentees.csv", ids: []string{"me-101", "me-102", "me-103", "me-104"}, encoding: "Windows-1252"},
		{name: "German Excel", file: "german_excel_mentees.csv", ids: []string{"me-301", "me-302", "me-303"}, encoding: "Windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := sheet.ReadMentees(bytes.NewReader(readTestdata(t, tt.file)), sheet.Options{})
			if tt.problems == nil {
				require.NoError(t, err)
			}
			assert.Equal(t, tt.problems, places(err))
			if tt.ids == nil {
				assert.Nil(t, got)
				return
			}
			assert.Equal(t, tt.ids, menteeIDs(got))
			assert.Equal(t, tt.encoding, rep.Encoding)
			for _, m := range got {
				require.NoError(t, m.Validate())
				if m.Home.City != "" {
					assert.Contains(t, []string{"Liège", "Antwerpen", "Schaarbeek", "Gent", "Eupen", "Sankt Vith", "Lüttich"}, m.Home.City, "never garbled")
				}
			}
		})
	}
}

// The Dutch-Excel sheet's values, in the coordinator's words, are stored
// as the canonical values.
func TestDutchExcelValues(t *testing.T) {
	got, rep, err := sheet.ReadMentees(bytes.NewReader(readTestdata(t, "dutch_excel_mentees.csv")), sheet.Options{Required: sheet.RulesColumns()})
	require.NoError(t, err)
	assert.Equal(t, sheet.Separator(';'), rep.Comma)
	assert.Equal(t, 1, rep.EmptyRows)
	require.Len(t, got, 4)
	me := got[0]
	assert.Equal(t, profile.Female, me.Gender)
	assert.Equal(t, profile.Female, me.Wants.MentorGender)
	assert.Equal(t, profile.VDAB, me.JobSeeker.Agency)
	assert.Equal(t, []profile.Language{{Tag: "ar", Level: profile.Native}, {Tag: "nl", Level: profile.B1}, {Tag: "fr", Level: profile.B2}}, me.Languages)
	slot := func(s string) profile.Slot { x, err := profile.ParseSlot(s); require.NoError(t, err); return x }
	assert.Equal(t, profile.AvailabilityOf(slot("mon-evening"), slot("wed-afternoon")), me.Availability)
	assert.Equal(t, profile.Male, got[1].Gender)
	assert.Equal(t, profile.Actiris, got[1].JobSeeker.Agency)
	assert.Equal(t, profile.LeForem, got[3].JobSeeker.Agency)
	assert.Equal(t, "Liège", got[3].Home.City)

	// Written back, the values are canonical, and read back the same.
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteMentees(&buf, got, sheet.Options{}))
	for _, word := range []string{";V;", "ma-avond", "moedertaal", "FOREM"} {
		assert.NotContains(t, buf.String(), word)
	}
	again, _, err := sheet.ReadMentees(&buf, sheet.Options{})
	require.NoError(t, err)
	assert.Equal(t, got, again)
}

// The German-Excel sheet (East Belgium): German headings, every column
// read, and the values in the coordinator's German words stored as the
// canonical values; written back in German, the file reads the same.
func TestGermanExcelValues(t *testing.T) {
	got, rep, err := sheet.ReadMentees(bytes.NewReader(readTestdata(t, "german_excel_mentees.csv")), sheet.Options{Required: sheet.RulesColumns()})
	require.NoError(t, err)
	assert.Equal(t, sheet.Separator(';'), rep.Comma)
	assert.Equal(t, "Windows-1252", rep.Encoding)
	assert.Equal(t, 1, rep.EmptyRows)
	assert.Equal(t, []sheet.IgnoredColumn{{Heading: "Vorname"}, {Heading: "Telefon"}}, rep.Ignored, "only the personal columns are not read")
	require.Len(t, got, 3)
	slot := func(s string) profile.Slot { x, err := profile.ParseSlot(s); require.NoError(t, err); return x }
	me := got[0]
	assert.Equal(t, profile.Mentee{
		ID: "me-301", BirthDate: date(2001, 4, 12), Gender: profile.Female,
		Background: profile.Background{BirthCountry: "MA", Nationalities: []profile.Country{"MA"}},
		JobSeeker:  profile.JobSeeker{Registered: true, Agency: profile.ADG, Since: date(2026, 5, 2)},
		Project:    "eine Stelle in der Pflege", Sectors: []profile.Sector{"86.10"}, Occupation: "2221",
		Interests:    []string{"Fußball", "Kochen"},
		Languages:    []profile.Language{{Tag: "ar", Level: profile.Native}, {Tag: "de", Level: profile.B1}, {Tag: "fr", Level: profile.A2}},
		Home:         profile.Place{Postcode: "4700", City: "Eupen", Lat: 50.6279, Lon: 6.0364},
		Availability: profile.AvailabilityOf(slot("mon-evening"), slot("wed-afternoon")),
		Traits:       profile.Traits{"Offenheit": 0.7, "Extraversion": 0.4},
		Wants:        profile.MenteeWants{MentorGender: profile.Female, PractiseLanguage: "de"},
		AppliedOn:    date(2026, 10, 30),
	}, me)
	assert.Equal(t, profile.Male, got[1].Gender, "Mann")
	assert.Equal(t, profile.ADG, got[1].JobSeeker.Agency)
	assert.True(t, got[1].JobSeeker.Registered, "Ja")
	assert.False(t, got[1].Paused, "Nein")
	assert.Equal(t, profile.AvailabilityOf(slot("tue-morning"), slot("sat-morning")), got[1].Availability)
	assert.Equal(t, profile.OtherGender, got[2].Gender, "divers")
	assert.Equal(t, profile.LeForem, got[2].JobSeeker.Agency)
	assert.Equal(t, profile.Female, got[2].Wants.MentorGender, "W")
	assert.True(t, got[2].Paused, "ja")
	assert.Equal(t, profile.AvailabilityOf(slot("thu-evening"), slot("sun-afternoon")), got[2].Availability)
	for _, m := range got {
		require.NoError(t, m.Validate())
	}

	// Written back, the values are canonical, and read back the same.
	var buf bytes.Buffer
	require.NoError(t, sheet.WriteMentees(&buf, got, sheet.Options{}))
	for _, word := range []string{"Mo-Abend", "Muttersprache", "Arbeitsamt", ";W;", ";ja;"} {
		assert.NotContains(t, buf.String(), word)
	}
	again, _, err := sheet.ReadMentees(&buf, sheet.Options{})
	require.NoError(t, err)
	assert.Equal(t, got, again)
}

// TestGermanMentors reads a mentors' sheet with German headings for every
// mentor column and German values.
func TestGermanMentors(t *testing.T) {
	csv := "Kennung;Geburtsdatum;Geschlecht;Status;Berufserfahrung;Sprachen;Postleitzahl;Gemeinde;Land;Verfügbarkeit;Stunden pro Woche;geschult;Anzahl Mentees gleichzeitig;Interessen;Persönlichkeit;Geschlecht des Mentees;pausiert\r\n" +
		"mo-301;03.03.1960;männlich;retired;\"62.02:2512:20; 70.22:5,5\";de:Muttersprache, fr:C1;4700;Eupen;BE;Mo-Abend, Sa-Vormittag;2,5;ja;2;Wandern;Offenheit:0,6;weiblich;nein\r\n"
	got, rep, err := sheet.ReadMentors(strings.NewReader(csv), sheet.Options{Required: sheet.RulesColumns()})
	require.NoError(t, err)
	assert.Empty(t, rep.Ignored)
	require.Len(t, got, 1)
	slot := func(s string) profile.Slot { x, err := profile.ParseSlot(s); require.NoError(t, err); return x }
	assert.Equal(t, profile.Mentor{
		ID: "mo-301", BirthDate: date(1960, 3, 3), Gender: profile.Male, Status: "retired",
		Experience:   []profile.Experience{{Sector: "62.02", Occupation: "2512", Years: 20}, {Sector: "70.22", Years: 5.5}},
		Languages:    []profile.Language{{Tag: "de", Level: profile.Native}, {Tag: "fr", Level: profile.C1}},
		Home:         profile.Place{Postcode: "4700", City: "Eupen", Country: "BE"},
		Availability: profile.AvailabilityOf(slot("mon-evening"), slot("sat-morning")),
		WeeklyHours:  2.5, Trained: true, Capacity: 2, Interests: []string{"Wandern"},
		Traits: profile.Traits{"Offenheit": 0.6}, Wants: profile.MentorWants{MenteeGender: profile.Female},
	}, got[0])
}

// TestGermanCells checks, for each closed vocabulary, that a German cell
// is read as the French and Dutch cells of the same meaning are: whatever
// a French or Dutch sheet may write, a German one may too.
func TestGermanCells(t *testing.T) {
	tests := []struct {
		column string
		fr, nl string
		de     []string
	}{
		{"registered", "oui", "ja", []string{"ja", "Ja", "JA", "j", "wahr"}},
		{"registered", "non", "nee", []string{"nein", "Nein", "falsch"}},
		{"gender", "femme", "vrouw", []string{"Frau", "W", "weiblich"}},
		{"gender", "homme", "man", []string{"Mann", "M", "männlich"}},
		{"gender", "autre", "ander", []string{"divers", "D", "anders"}},
		{"agency", "Forem", "Forem", []string{"Le Forem"}},
		{"agency", "ADG", "ADG", []string{"Arbeitsamt der DG", "Arbeitsamt", "Arbeitsamt der Deutschsprachigen Gemeinschaft"}},
		{"availability", "lundi soir", "ma-avond", []string{"Mo-Abend", "Montag Abend", "Montagabend", "mo abend"}},
		{"availability", "mercredi après-midi", "wo-namiddag", []string{"Mi-Nachmittag", "Mittwoch Nachmittag", "Mittwochnachmittag"}},
		{"availability", "samedi matin", "za-voormiddag", []string{"Sa-Vormittag", "Samstag Morgen", "Samstagvormittag"}},
		{"languages", "ar:langue maternelle", "ar:moedertaal", []string{"ar:Muttersprache", "ar: muttersprache"}},
		{"birth_date", "12/04/2001", "12-04-2001", []string{"12.04.2001", "12.4.2001"}},
		{"lat", "50,63", "50,63", []string{"50,63"}},
	}
	read := func(column, cell string) profile.Mentee {
		t.Helper()
		csv := "id;birth_date"
		row := "me-1;2001-04-12"
		if column == "birth_date" {
			csv, row = "id", "me-1"
		}
		got, _, err := sheet.ReadMentees(strings.NewReader(csv+";"+column+"\n"+row+";\""+cell+"\"\n"), sheet.Options{})
		require.NoError(t, err, "%s %q", column, cell)
		require.Len(t, got, 1)
		return got[0]
	}
	for _, tt := range tests {
		t.Run(tt.column+" "+tt.fr, func(t *testing.T) {
			want := read(tt.column, tt.fr)
			assert.Equal(t, want, read(tt.column, tt.nl), "Dutch %q", tt.nl)
			for _, de := range tt.de {
				assert.Equal(t, want, read(tt.column, de), "German %q", de)
			}
		})
	}
	_, _, err := sheet.ReadMentees(strings.NewReader("id;birth_date;Geschlecht\nme-1;2001-04-12;vielleicht\n"), sheet.Options{})
	assert.Equal(t, []where{{Row: 2, Column: "Geschlecht", ID: "me-1", Code: "unknown_value"}}, places(err), "a German word outside the vocabulary")
}

func TestFrenchMentors(t *testing.T) {
	got, rep, err := sheet.ReadMentors(bytes.NewReader(readTestdata(t, "french_mentors.csv")), sheet.Options{Required: sheet.RulesColumns()})
	require.Error(t, err)
	assert.Equal(t, []where{{Row: 5, Column: "Date de naissance", ID: "mo-104", Code: "not_an_existing_day"},
		{Row: 6, Column: "Genre", ID: "mo-105", Code: "unknown_value"}}, places(err))
	var gotIDs []string
	for _, m := range got {
		gotIDs = append(gotIDs, m.ID)
	}
	assert.Equal(t, []string{"mo-101", "mo-102", "mo-103", "mo-106", "mo-107"}, gotIDs)
	assert.Equal(t, profile.Female, got[0].Gender)
	assert.Equal(t, profile.Male, got[2].Gender)
	assert.Equal(t, []profile.Language{{Tag: "nl", Level: profile.Native}, {Tag: "fr", Level: profile.B2}}, got[1].Languages)
	assert.True(t, got[1].Trained, "ja")
	row, ok := rep.RowOf("mo-106")
	assert.True(t, ok)
	assert.Equal(t, 7, row)
	_, ok = rep.RowOf("mo-104")
	assert.True(t, ok, "a row read with problems has a row too")

	// A problem a round finds later is placed in the sheet.
	home := rep.Locate(&profile.Problem{Path: "mentors[3].home", IDs: []string{"mo-106"}, Code: "unknown_place"})
	assert.Equal(t, 7, home.Row)
	assert.Equal(t, "Commune", home.Column)
	lang := rep.Locate(&profile.Problem{Path: "languages[1].level", IDs: []string{"mo-102"}})
	assert.Equal(t, where{Row: 3, Column: "Langues", ID: "mo-102"}, where{lang.Row, 0, lang.Column, lang.ID(), ""})
	other := rep.Locate(&profile.Problem{Path: "home", IDs: []string{"mo-999"}})
	assert.Zero(t, other.Row)
}

func TestReadEncodings(t *testing.T) {
	const text = "id;birth_date;city\nme-1;2001-01-02;Liège\n"
	utf16 := func(e unicode.Endianness, bom unicode.BOMPolicy) []byte {
		b, err := unicode.UTF16(e, bom).NewEncoder().Bytes([]byte(text))
		require.NoError(t, err)
		return b
	}
	cp, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	require.NoError(t, err)
	tests := []struct {
		name     string
		raw      []byte
		encoding string
		problem  *where
	}{
		{"UTF-8", []byte(text), "UTF-8", nil},
		{"Windows-1252", cp, "Windows-1252", nil},
		{"UTF-16LE with BOM", utf16(unicode.LittleEndian, unicode.UseBOM), "UTF-16LE", nil},
		{"UTF-16LE without BOM", utf16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE without BOM", nil},
		{"UTF-16BE without BOM", utf16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE without BOM", nil},
		{"NUL bytes", []byte("id;birth_date\nme-1;2001\x00-01-02\n"), "", &where{Code: "nul_bytes"}},
		{"UTF-8 with BOM and a bad byte", []byte("\uFEFFid;birth_date;city\nme-1;2001-01-02;Liège\nme-2\xe8;2001-01-02;x\n"), "", &where{Line: 3, Code: "invalid_utf8"}},
		{"UTF-8 and a bad byte after a CR line", []byte("id;birth_date;city\rme-1;2001-01-02;Liège\rme-2;2001-01-02;Li\xe8ge\r"), "", &where{Line: 3, Code: "invalid_utf8"}},
		{"sep= line", []byte("sep=,\nid,birth_date,city\nme-1,2001-01-02,Liège\n"), "UTF-8", nil},
		{"sep= line, CRLF", []byte("SEP=;\r\nid;birth_date;city\r\nme-1;2001-01-02;Liège\r\n"), "UTF-8", nil},
		{"mixed line ends", []byte("id;birth_date;city\r\nme-1;2001-01-02;Liège\r"), "UTF-8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := sheet.ReadMentees(bytes.NewReader(tt.raw), sheet.Options{})
			if tt.problem != nil {
				require.Error(t, err)
				assert.Equal(t, []where{*tt.problem}, places(err))
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.encoding, rep.Encoding)
			require.Len(t, got, 1)
			assert.Equal(t, "me-1", got[0].ID)
			assert.Equal(t, "Liège", got[0].Home.City)
		})
	}
}

// A row is read only when it has the header's number of cells; Excel's
// trailing empty columns are in every row, the header's too.
func TestRowWidth(t *testing.T) {
	tests := []struct {
		name     string
		csv      string
		ids      []string
		problems []where
	}{
		{"same width", "id;birth_date\nme-1;2001-01-01\n", []string{"me-1"}, nil},
		{"Excel's trailing empty columns", "id;birth_date;;\nme-1;2001-01-01;;\n;;;\n", []string{"me-1"}, nil},
		{"one empty cell more", "id;birth_date\nme-1;2001-01-01;\nme-2;2001-01-01\n", []string{"me-2"},
			[]where{{Row: 2, Code: "cell_count"}}},
		{"one cell less", "id;birth_date;city\nme-1;2001-01-01\nme-2;2001-01-01;Gent\n", []string{"me-2"},
			[]where{{Row: 2, Code: "cell_count"}}},
		{"a cell under no heading", "id;birth_date;;\nme-1;2001-01-01;;x\n", []string{},
			[]where{{Row: 2, Column: "(column D, no heading)", Code: "cell_past_last_heading"}}},
		{"a row past the column limit", "id;birth_date\nme-1;2001-01-01" + strings.Repeat(";", 300) + "\n", []string{},
			[]where{{Row: 2, Code: "cell_count"}}},
		{"blank lines before the header", "\n\nid;birth_date\nme-1;x\n", []string{},
			[]where{{Row: 4, Column: "birth_date", ID: "me-1", Code: "not_a_date"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := sheet.ReadMentees(strings.NewReader(tt.csv), sheet.Options{})
			assert.Equal(t, tt.problems, places(err))
			assert.Equal(t, tt.ids, menteeIDs(got))
		})
	}
}

func TestHeaderProblems(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		opt  sheet.Options
		want []where
	}{
		{"a mentor sheet read as mentees", "id;birth_date;experience;weekly_hours;languages\n", sheet.Options{},
			[]where{{Row: 1, Code: "wrong_sheet_side"}}},
		{"one mentor column is not enough", "id;birth_date;status;languages\nme-1;2001-01-01;x;fr:C1\n", sheet.Options{}, nil},
		{"a column the rules need", "id;birth_date;languages\n", sheet.Options{Required: sheet.RulesColumns()},
			[]where{{Row: 1, Column: "availability", Code: "missing_column"}}},
		{"an alias of it will do", "id;birth_date;langues;disponibilités\n", sheet.Options{Required: sheet.RulesColumns()}, nil},
		{"an unknown required name", "id;birth_date\n", sheet.Options{Required: []string{"shoe_size"}},
			[]where{{Code: "not_a_column"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := sheet.ReadMentees(strings.NewReader(tt.csv), tt.opt)
			assert.Equal(t, tt.want, places(err))
		})
	}
	_, _, err := sheet.ReadMentors(strings.NewReader("id;birth_date;registered;agency;birth_country\n"), sheet.Options{})
	assert.Equal(t, []where{{Row: 1, Code: "wrong_sheet_side"}}, places(err))
}

// A column that Options.Required asks for wraps ErrRequiredColumn (and
// ErrInvalid through it); a column every sheet needs wraps ErrInvalid
// only, so that a service can tell a sheet its rules cannot use from a
// sheet that cannot be read. A column named twice is missing once.
func TestRequiredColumnSentinel(t *testing.T) {
	tests := []struct {
		name     string
		csv      string
		required []string
		want     []string // per problem: its column and whether it wraps ErrRequiredColumn
	}{
		{"both rule columns", "id;birth_date\n", sheet.RulesColumns(), []string{"languages required", "availability required"}},
		{"a misspelt rule column", "id;birth_date;langauges;availability\n", sheet.RulesColumns(), []string{"languages required"}},
		{"birth_date is every sheet's", "id;languages\n", sheet.RulesColumns(), []string{"birth_date invalid", "availability required"}},
		{"birth_date asked for too", "id;languages;availability\n", []string{"birth_date"}, []string{"birth_date invalid"}},
		{"named twice", "id;birth_date\n", []string{"languages", "langues"}, []string{"languages required"}},
		{"nothing asked", "id;birth_date\n", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := sheet.ReadMentees(strings.NewReader(tt.csv), sheet.Options{Required: tt.required})
			var got []string
			for _, p := range profile.Problems(err) {
				require.ErrorIs(t, p, sheet.ErrInvalid)
				require.ErrorIs(t, p, profile.ErrInvalid)
				kind := "invalid"
				if errors.Is(p, sheet.ErrRequiredColumn) {
					kind = "required"
				}
				got = append(got, p.Column+" "+kind)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// No cell reaches a message: a trait's name neither.
func TestTraitNameNotEchoed(t *testing.T) {
	_, _, err := sheet.ReadMentees(strings.NewReader("id;birth_date;traits\nme-1;2001-01-01;SECRETNAME:2\n"), sheet.Options{})
	require.Error(t, err)
	assert.Equal(t, []where{{Row: 2, Column: "traits", ID: "me-1", Code: "out_of_range"}}, places(err))
	assert.NotContains(t, err.Error(), "SECRETNAME")
}

// The formula guard: a control character before = + - or @ is guarded
// too, and reads back as written.
func TestGuardControlCharacter(t *testing.T) {
	for _, project := range []string{"\x01=HYPERLINK(x)", "\x1f+1", "\x7f@SUM", "'\x01=x", "=x", "a\x01=b"} {
		m := profile.Mentee{ID: "me-1", BirthDate: profile.MustDate(2001, 1, 1), Project: project}
		var buf bytes.Buffer
		require.NoError(t, sheet.WriteMentees(&buf, []profile.Mentee{m}, sheet.Options{NoBOM: true}))
		lines := strings.Split(buf.String(), "\r\n")
		k := slices.Index(strings.Split(lines[0], ";"), "project")
		require.GreaterOrEqual(t, k, 0)
		cell := strings.Split(lines[1], ";")[k]
		assert.Equal(t, project[0] != 'a', strings.HasPrefix(cell, "'"), "%q guarded as %q", project, cell)
		got, _, err := sheet.ReadMentees(&buf, sheet.Options{})
		require.NoError(t, err)
		assert.Equal(t, project, got[0].Project)
	}
}

// FuzzRecords checks the bounded record reader against encoding/csv: on
// any text without CR or blank lines (where the two differ by design: a CR
// ends a line here, and encoding/csv skips blank lines) both fail, or both
// read the same cells.
func FuzzRecords(f *testing.F) {
	for _, seed := range []string{"a;b\nc;d\n", `"a;""b";c` + "\n", "a;\"b\nc\";d", "a\"b;c\n", `"a"b;c`, "\"unterminated", ";;\n;", "é;ü\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.ContainsAny(text, "\r\x00") || strings.HasPrefix(text, "\n") || strings.Contains(text, "\n\n") || strings.HasPrefix(strings.ToLower(text), "sep=") {
			t.Skip()
		}
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma = ';'
		cr.FieldsPerRecord = -1
		want, werr := cr.ReadAll()
		got, gerr := sheet.Records(text, ';', 1000)
		if werr != nil {
			assert.Error(t, gerr, "%q", text)
			return
		}
		require.NoError(t, gerr, "%q", text)
		// encoding/csv also skips lines that only end a quoted cell's
		// last line? No: compare the records as they are.
		assert.Equal(t, want, got, "%q", text)
	})
}

func TestReadFileLimitsStillHold(t *testing.T) {
	_, _, err := sheet.ReadMentees(strings.NewReader("id;birth_date"+strings.Repeat(";x", 300)+"\n"), sheet.Options{})
	assert.True(t, errors.Is(err, profile.ErrTooMany))
	assert.Equal(t, []where{{Code: "too_many_columns"}}, places(err))
}

// A two-digit year is read with Options.On as the date within the 100
// years up to that day; without On it is a problem, never a guess.
func TestTwoDigitYears(t *testing.T) {
	on := profile.MustDate(2026, 11, 23)
	tests := []struct {
		cell string
		on   profile.Date
		want profile.Date
		code string
	}{
		{"12/04/01", on, profile.MustDate(2001, 4, 12), ""},
		{"12.04.99", on, profile.MustDate(1999, 4, 12), ""},
		{"23-11-26", on, profile.MustDate(2026, 11, 23), ""},           // the day itself
		{"24/11/26", on, profile.MustDate(1926, 11, 24), ""},           // a day later: a century back
		{"1/1/00", on, profile.MustDate(2000, 1, 1), ""},               // one digit for day and month
		{"29/02/00", on, profile.MustDate(2000, 2, 29), ""},            // 2000 is a leap year
		{"31/02/01", on, profile.Date{}, "not_an_existing_day"},        // read, then refused
		{"12/04/01", profile.Date{}, profile.Date{}, "two_digit_year"}, // no day to read it on
		{"12/04/2001", profile.Date{}, profile.MustDate(2001, 4, 12), ""},
	}
	for _, tt := range tests {
		t.Run(tt.cell+" on "+tt.on.String(), func(t *testing.T) {
			got, _, err := sheet.ReadMentees(strings.NewReader("id;birth_date\nme-1;"+tt.cell+"\n"), sheet.Options{On: tt.on})
			if tt.code != "" {
				assert.Equal(t, []where{{Row: 2, Column: "birth_date", ID: "me-1", Code: tt.code}}, places(err))
				assert.NotContains(t, err.Error(), tt.cell)
				return
			}
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, tt.want, got[0].BirthDate)
		})
	}
	// The oracle over a whole century of days: the date read is the one
	// of the two centuries within the 100 years up to On.
	for d := profile.MustDate(1990, 1, 1); d.Before(profile.MustDate(2030, 1, 1)); d = d.AddDays(37) {
		cell := fmt.Sprintf("%02d/%02d/%02d", d.Day(), int(d.Month()), d.Year()%100)
		got, _, err := sheet.ReadMentees(strings.NewReader("id;birth_date\nme-1;"+cell+"\n"), sheet.Options{On: on})
		require.NoError(t, err, cell)
		g := got[0].BirthDate
		assert.False(t, g.After(on), cell)
		assert.True(t, g.After(profile.MustDate(on.Year()-100, on.Month(), on.Day())), cell)
		assert.Equal(t, d.Year()%100, g.Year()%100)
	}
}
