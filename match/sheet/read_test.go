package sheet_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/unicode"

	"github.com/duomatch/duo/match/sheet"
	"github.com/duomatch/duo/profile"
)

func date(y int, m time.Month, d int) profile.Date { return profile.MustDate(y, m, d) }

func TestReadMenteeFiles(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		encoding string
		comma    rune
		empty    int
		ignored  []sheet.IgnoredColumn
		want     []profile.Mentee
	}{
		{
			name: "Belgian Excel", file: "belgian_excel_mentees.csv", encoding: "Windows-1252", comma: ';', empty: 1,
			want: []profile.Mentee{
				{
					ID: "me-001", BirthDate: date(2001, 4, 12), Gender: "female",
					Background: profile.Background{BirthCountry: "BE", Nationalities: []profile.Country{"BE"}},
					JobSeeker:  profile.JobSeeker{Registered: true, Agency: "Actiris", Since: date(2026, 5, 2)},
					Project:    "Développeuse web", Sectors: []profile.Sector{"62.01"}, Occupation: "2512",
					Interests:    []string{"football", "photographie"},
					Languages:    []profile.Language{{Tag: "ar", Level: "native"}, {Tag: "fr", Level: "C1"}, {Tag: "nl", Level: "A2"}},
					Home:         profile.Place{Postcode: "1030", City: "Schaerbeek", Lat: 50.8671, Lon: 4.3775},
					Availability: profile.AvailabilityOf(2, 7, 15),
					Traits:       profile.Traits{"ouverture": 0.7, "extraversion": 0.4},
					Wants:        profile.MenteeWants{PractiseLanguage: "nl"},
					AppliedOn:    date(2026, 10, 30),
				},
				{
					ID: "me-002", BirthDate: date(1999, 9, 3), Gender: "female",
					Background: profile.Background{BirthCountry: "MA", Nationalities: []profile.Country{"MA", "BE"}},
					JobSeeker:  profile.JobSeeker{Agency: "Le Forem"},
					Project:    "Aide-soignante à domicile", Sectors: []profile.Sector{"87.10"},
					Languages: []profile.Language{{Tag: "fr", Level: "native"}, {Tag: "ar", Level: "B1"}},
					Home:      profile.Place{Postcode: "4000", City: "Liège"}, Availability: profile.AvailabilityOf(3),
					Wants: profile.MenteeWants{PractiseLanguage: "fr"}, AppliedOn: date(2026, 10, 15),
				},
				{
					ID: "me-003", BirthDate: date(2000, 12, 25), Gender: "male",
					Background: profile.Background{BirthCountry: "CD", Nationalities: []profile.Country{"CD"}},
					JobSeeker:  profile.JobSeeker{Registered: true, Agency: "Actiris", Since: date(2026, 9, 1)},
					Project:    "Cuisinier, brasserie française", Sectors: []profile.Sector{"56.10"}, Occupation: "5120",
					Interests: []string{"cuisine"}, Languages: []profile.Language{{Tag: "fr", Level: "C2"}},
					Home:         profile.Place{Postcode: "1080", City: "Molenbeek-Saint-Jean"},
					Availability: profile.AvailabilityOf(10, 13), AppliedOn: date(2026, 11, 20),
				},
			},
		},
		{
			name: "Google Sheets", file: "google_sheets_mentees.csv", encoding: "UTF-8", comma: ',',
			want: []profile.Mentee{
				{
					ID: "me-101", BirthDate: date(2000, 1, 31), Gender: "male",
					Background: profile.Background{BirthCountry: "BE", ParentBirthCountries: []profile.Country{"MA", "TR"}},
					JobSeeker:  profile.JobSeeker{Registered: true, Agency: "VDAB"},
					Project:    "Job as an electrician, Antwerp", Sectors: []profile.Sector{"43.21"},
					Languages:    []profile.Language{{Tag: "nl", Level: "C1"}, {Tag: "ar", Level: "native"}},
					Home:         profile.Place{Postcode: "2060", City: "Antwerpen", Country: "BE"},
					Availability: profile.AvailabilityOf(2, 11),
					Wants:        profile.MenteeWants{PractiseLanguage: "nl"}, AppliedOn: date(2026, 9, 1),
				},
				{
					ID: "me-102", BirthDate: date(1998, 6, 15), Gender: "female",
					Background: profile.Background{BirthCountry: "SY"},
					JobSeeker:  profile.JobSeeker{Registered: true, Agency: "VDAB"},
					Project:    "Internship in accounting", Sectors: []profile.Sector{"69.20", "64.19"},
					Languages:    []profile.Language{{Tag: "ar", Level: "native"}, {Tag: "nl", Level: "B1"}, {Tag: "en", Level: "B2"}},
					Home:         profile.Place{Postcode: "9000", City: "Gent", Country: "BE"},
					Availability: profile.AvailabilityOf(15),
					Wants:        profile.MenteeWants{MentorGender: "female", PractiseLanguage: "nl"},
					AppliedOn:    date(2026, 10, 12), Paused: true,
				},
			},
		},
		{
			name: "personal columns", file: "personal_columns_mentees.csv", encoding: "UTF-8", comma: ',',
			ignored: []sheet.IgnoredColumn{{Heading: "First name"}, {Heading: "Last name"}, {Heading: "E-mail"},
				{Heading: "Phone"}, {Heading: "Adresse"}},
			want: []profile.Mentee{
				{ID: "me-201", BirthDate: date(2002, 3, 4), Background: profile.Background{BirthCountry: "MA"},
					Languages: []profile.Language{{Tag: "fr", Level: "C1"}}, Home: profile.Place{City: "Bruxelles"},
					Availability: profile.AvailabilityOf(2)},
				{ID: "me-202", BirthDate: date(2001, 11, 30), Background: profile.Background{BirthCountry: "TR"},
					Languages: []profile.Language{{Tag: "nl", Level: "B2"}}, Home: profile.Place{City: "Antwerpen"},
					Availability: profile.AvailabilityOf(15)},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := readTestdata(t, tt.file)
			got, rep, err := sheet.ReadMentees(bytes.NewReader(raw), sheet.Options{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.encoding, rep.Encoding)
			assert.Equal(t, tt.comma, rune(rep.Comma))
			assert.Equal(t, len(tt.want), rep.Rows)
			assert.Equal(t, tt.empty, rep.EmptyRows)
			// The lists of a report are never nil (never null in JSON).
			if tt.ignored == nil {
				tt.ignored = []sheet.IgnoredColumn{}
			}
			assert.Equal(t, tt.ignored, rep.Ignored)
		})
	}
}

func TestBelgianExcelFileIsWindows1252(t *testing.T) {
	raw := readTestdata(t, "belgian_excel_mentees.csv")
	assert.True(t, bytes.Contains(raw, []byte("D\xe9veloppeuse")), "é as the byte 0xE9")
	assert.True(t, bytes.Contains(raw, []byte("\r\n")))
}

// TestPersonalColumnsNeverRead checks that nothing of the ignored columns
// reaches the profiles.
func TestPersonalColumnsNeverRead(t *testing.T) {
	got, _, err := sheet.ReadMentees(bytes.NewReader(readTestdata(t, "personal_columns_mentees.csv")), sheet.Options{})
	require.NoError(t, err)
	b, err := json.Marshal(got)
	require.NoError(t, err)
	for _, personal := range []string{"Amina", "El Idrissi", "amina@example.org", "+32 470", "Rue Royale", "Yusuf", "Demir", "Meir"} {
		assert.NotContains(t, string(b), personal)
	}
}

func TestReadMentorFile(t *testing.T) {
	got, rep, err := sheet.ReadMentors(bytes.NewReader(readTestdata(t, "utf8_bom_mentors.csv")), sheet.Options{})
	require.NoError(t, err)
	assert.Equal(t, "UTF-8 with BOM", rep.Encoding)
	assert.Equal(t, ';', rune(rep.Comma))
	assert.Empty(t, rep.Ignored)
	want := []profile.Mentor{
		{
			ID: "mo-001", BirthDate: date(1960, 3, 3), Gender: "male", Status: "retired",
			Experience: []profile.Experience{{Sector: "62.02", Occupation: "2512", Years: 20}, {Sector: "70.22", Years: 5}},
			Languages:  []profile.Language{{Tag: "nl", Level: "native"}, {Tag: "fr", Level: "C1"}},
			Home:       profile.Place{Postcode: "2000", City: "Antwerpen"}, Availability: profile.AvailabilityOf(5, 15),
			WeeklyHours: 2.5, Trained: true, Interests: []string{"fietsen"},
		},
		{
			ID: "mo-002", BirthDate: date(1958, 7, 21), Gender: "female", Status: "early_retired",
			Experience: []profile.Experience{{Sector: "86.10", Years: 12}},
			Languages:  []profile.Language{{Tag: "nl", Level: "native"}, {Tag: "en", Level: "B2"}},
			Home:       profile.Place{Postcode: "9000", City: "Gent"}, Availability: profile.AvailabilityOf(7),
			WeeklyHours: 3, Capacity: 2, Interests: []string{"koken", "lezen"}, Paused: true,
		},
		{
			ID: "mo-003", BirthDate: date(1955, 2, 14), Gender: "female", Status: "other",
			Experience: []profile.Experience{{Sector: "F", Years: 30.5}},
			Languages:  []profile.Language{{Tag: "fr", Level: "native"}},
			Home:       profile.Place{Postcode: "4020", City: "Liège"}, Availability: profile.AvailabilityOf(0, 1),
			WeeklyHours: 2, Trained: true,
		},
	}
	assert.Equal(t, want, got)
}

// TestErrorsFile checks every problem of a sheet with errors in several
// rows: its row (as the spreadsheet numbers it), column, person and field,
// and that no message shows a cell.
func TestErrorsFile(t *testing.T) {
	raw := readTestdata(t, "errors_mentees.csv")
	got, rep, err := sheet.ReadMentees(bytes.NewReader(raw), sheet.Options{})
	require.Error(t, err)
	// Partial intake: the one usable row is read, with every problem of
	// the others.
	require.Len(t, got, 1)
	assert.Equal(t, "me-7", got[0].ID)
	assert.True(t, errors.Is(err, profile.ErrInvalid))
	assert.Equal(t, []sheet.IgnoredColumn{{Heading: "natonalities", Likely: "nationalities"}}, rep.Ignored)

	type where struct {
		Row           int
		Column, ID    string
		Field, Reason string // Reason: a part of the problem
	}
	want := []where{
		{2, "birth_date", "me-1", "birth_date", "not an existing day"},
		{3, "birth_country", "me-2", "background.birth_country", "unknown country code"},
		{4, "registered", "me-3", "job_seeker.registered", "not yes or no"},
		{6, "languages", "me-4", "languages", "entry 1 is not a language and a level"},
		{7, "availability", "me-5", "availability", "entry 1 is not a weekly slot"},
		{8, "id", "me-2", "id", "the same id as row 3"},
		{9, "id", "(no id)", "id", "missing"},
		{10, "applied_on", "me-6", "applied_on", "not an existing day"},
		{10, "languages", "me-6", "languages[0].level", "unknown level"},
		// One problem for a row wider than the header, which is not read
		// (its cells may be shifted), and no problem per cell.
		{12, "", "", "(row)", "10 cells where the header has 9"},
	}
	var gotWhere []where
	for _, e := range profile.Problems(err) {
		gotWhere = append(gotWhere, where{e.Row, e.Column, e.ID(), e.Path, ""})
	}
	require.Len(t, gotWhere, len(want), "%v", err)
	for k, w := range want {
		re := profile.Problems(err)[k]
		assert.Equal(t, where{w.Row, w.Column, w.ID, w.Field, ""}, gotWhere[k])
		assert.Contains(t, re.Detail, w.Reason)
		assert.NotEmpty(t, re.Code)
		assert.ErrorIs(t, re, sheet.ErrInvalid)
	}
	for _, cell := range []string{"31/02/2001", "XX", "peut-être", "fr-C1", "mon-night", "B3", "13/13/2026", "2001-4-12", "extra"} {
		assert.NotContains(t, err.Error(), cell, "a cell's value in the error")
	}

}

const miniHeader = "id;birth_date\n"

func TestReadProblems(t *testing.T) {
	tests := []struct {
		name    string
		csv     string
		opt     sheet.Options
		want    []string // the errors' messages, in order
		tooMany bool
	}{
		{name: "empty file", csv: "", want: []string{"(file): empty: no header row"}},
		{name: "no id column", csv: "birth_date;city\n2001-01-01;Gent\n",
			want: []string{`row 1, column "id": id: no such column (the heading must be id or an alias)`}},
		{name: "misspelt required column", csv: "id;birth_dat\nme-1;2001-01-01\n",
			want: []string{`row 1, column "birth_date": birth_date: no such column (the heading must be birth_date or an alias); "birth_dat" looks like a misspelling of it`}},
		{name: "two headings for one column", csv: "id;birth_date;ville;commune\n",
			want: []string{`row 1, column "commune": city: a second heading for this column (the first is column C)`}},
		{name: "unknown name in Options.Columns", csv: miniHeader, opt: sheet.Options{Columns: map[string]string{"Naam": "name"}},
			want: []string{`Options.Columns["Naam"]: not a mentee column`}},
		{name: "too many people", csv: miniHeader + "me-1;2001-01-01\nme-2;2001-01-01\nme-3;2001-01-01\n", opt: sheet.Options{MaxRows: 2},
			want: []string{"row 4: (file): more than 2 people"}, tooMany: true},
		{name: "file too large", csv: miniHeader + "me-1;2001-01-01\n", opt: sheet.Options{MaxBytes: 10},
			want: []string{"(file): larger than 10 bytes"}, tooMany: true},
		{name: "too many columns", csv: "id;birth_date;city\n", opt: sheet.Options{MaxColumns: 2},
			want: []string{"(file): more than 2 columns"}, tooMany: true},
		{name: "cell too long", csv: "id;birth_date;project\nme-1;2001-01-01;" + strings.Repeat("x", 20) + "\n", opt: sheet.Options{MaxCellBytes: 10},
			want: []string{`row 2, column "project": me-1: project: longer than 10 bytes`}},
		{name: "bare quote", csv: miniHeader + "me-1;2001-01-01\nme-\"2;2001-01-01\n",
			want: []string{`row 3, line 3: (row): malformed CSV at line 3: a quote (") inside a cell that does not start with one`}},
		{name: "explicit capacity 0 is for mentors only, unknown to mentees", csv: "id;birth_date;capacity\nme-1;2001-01-01;0\n",
			want: nil},
		{name: "errors capped", csv: miniHeader + "me-1;x\nme-2;x\nme-3;x\nme-4;x\n", opt: sheet.Options{MaxErrors: 2},
			want: []string{
				`row 2, column "birth_date": me-1: birth_date: not a date (want YYYY-MM-DD or DD/MM/YYYY)`,
				`row 3, column "birth_date": me-2: birth_date: not a date (want YYYY-MM-DD or DD/MM/YYYY)`,
				"(file): 2 more problems not listed",
			}},
		{name: "birth date missing", csv: miniHeader + "me-1;\n",
			want: []string{`row 2, column "birth_date": me-1: birth_date: missing`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := sheet.ReadMentees(strings.NewReader(tt.csv), tt.opt)
			if tt.want == nil {
				require.NoError(t, err)
				assert.Len(t, got, 1)
				return
			}
			require.Error(t, err)
			assert.Empty(t, got, "no usable row")
			var msgs []string
			for _, e := range profile.Problems(err) {
				msgs = append(msgs, e.Error())
			}
			assert.Equal(t, tt.want, msgs)
			assert.Equal(t, tt.tooMany, errors.Is(err, profile.ErrTooMany))
			assert.True(t, errors.Is(err, profile.ErrInvalid))
			assert.True(t, errors.Is(err, sheet.ErrInvalid))
		})
	}
}

func TestReadMentorProblems(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want []string
	}{
		{name: "explicit capacity 0", csv: "id;birth_date;capacity\nmo-1;1960-01-01;0\n",
			want: []string{`row 2, column "capacity": mo-1: capacity: 0 is not a capacity; leave the cell empty for 1, or set paused to yes to take no mentee this round`}},
		{name: "bad experience", csv: "id;birth_date;experience\nmo-1;1960-01-01;\"62.01:x; 7\"\n",
			want: []string{`row 2, column "experience": mo-1: experience: entry 1: the years are not a number`}},
		{name: "bad weekly hours", csv: "id;birth_date;weekly_hours\nmo-1;1960-01-01;two\n",
			want: []string{`row 2, column "weekly_hours": mo-1: weekly_hours: not a number`}},
		{name: "validation in its column", csv: "id;birth_date;Uren per week\nmo-1;1960-01-01;200\n",
			want: []string{`row 2, column "Uren per week": mo-1: weekly_hours: outside 0..168`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := sheet.ReadMentors(strings.NewReader(tt.csv), sheet.Options{})
			var msgs []string
			for _, e := range profile.Problems(err) {
				msgs = append(msgs, e.Error())
			}
			assert.Equal(t, tt.want, msgs)
		})
	}
}

func TestReadForms(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		opt  sheet.Options
		want profile.Mentee
	}{
		{name: "tab separated", csv: "id\tbirth_date\tcity\nme-1\t2001-01-02\tGent\n",
			want: profile.Mentee{ID: "me-1", BirthDate: date(2001, 1, 2), Home: profile.Place{City: "Gent"}}},
		{name: "own heading mapped", csv: "Code;Né le;Woonplaats\nme-1;02/01/2001;Gent\n",
			opt:  sheet.Options{Columns: map[string]string{"code": "id", "ne le": "birth_date", "WOONPLAATS": "gemeente"}},
			want: profile.Mentee{ID: "me-1", BirthDate: date(2001, 1, 2), Home: profile.Place{City: "Gent"}}},
		{name: "headings ignore case, accents and punctuation", csv: "ID;DATE-DE-NAISSANCE;Disponibilités\nme-1;2.1.2001;MON-EVENING\n",
			want: profile.Mentee{ID: "me-1", BirthDate: date(2001, 1, 2), Availability: profile.AvailabilityOf(2)}},
		{name: "formula guard removed", csv: "id;birth_date;project\n'=me-1;2001-01-02;'s-Hertogenbosch\n",
			want: profile.Mentee{ID: "=me-1", BirthDate: date(2001, 1, 2), Project: "'s-Hertogenbosch"}},
		{name: "spaces around cells", csv: "id , birth_date\n  me-1 ,  2001-01-02 \n",
			want: profile.Mentee{ID: "me-1", BirthDate: date(2001, 1, 2)}},
		{name: "LF and no final line end", csv: "id,birth_date\nme-1,2001-01-02",
			want: profile.Mentee{ID: "me-1", BirthDate: date(2001, 1, 2)}},
		{name: "comma forced", csv: "id;x,birth_date\nme-1;y,2001-01-02\n", opt: sheet.Options{Comma: ','},
			want: profile.Mentee{ID: "", BirthDate: date(2001, 1, 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := sheet.ReadMentees(strings.NewReader(tt.csv), tt.opt)
			if tt.want.ID == "" {
				// "comma forced": the id column is "id;x", unknown.
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, tt.want, got[0])
		})
	}
}

func TestReadUTF16(t *testing.T) {
	for _, endian := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		text := "id\tbirth_date\tcity\r\nme-1\t2001-01-02\tLiège\r\n"
		raw, err := unicode.UTF16(endian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
		require.NoError(t, err)
		got, rep, err := sheet.ReadMentees(bytes.NewReader(raw), sheet.Options{})
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, "Liège", got[0].Home.City)
		assert.Equal(t, '\t', rune(rep.Comma))
		assert.Contains(t, []string{"UTF-16LE", "UTF-16BE"}, rep.Encoding)
	}
}

// TestReadProblemsThroughJoins: a sheet's problems are profile.Problems
// that errors.As and errors.Is find through further joins, each with its
// row, column, code and sentinels.
func TestReadProblemsThroughJoins(t *testing.T) {
	tests := []struct {
		name, csv string
		opt       sheet.Options
		want      profile.Problem // without Detail and Err
		tooMany   bool
	}{
		{name: "a cell", csv: miniHeader + "me-1;x\n",
			want: profile.Problem{Row: 2, Column: "birth_date", IDs: []string{"me-1"}, Path: "birth_date", Code: "not_a_date"}},
		{name: "an entry of a list", csv: "id;birth_date;availability\nme-1;2001-01-01;mon-evening, mon-night\n",
			want: profile.Problem{Row: 2, Column: "availability", IDs: []string{"me-1"}, Path: "availability", Code: "not_a_slot_entry", Args: []string{"2"}}},
		{name: "validation", csv: miniHeader + "me-1;\n",
			want: profile.Problem{Row: 2, Column: "birth_date", IDs: []string{"me-1"}, Path: "birth_date", Code: "missing"}},
		{name: "a duplicate id", csv: miniHeader + "me-1;2001-01-01\nme-1;2001-01-01\n",
			want: profile.Problem{Row: 3, Column: "id", IDs: []string{"me-1"}, Path: "id", Code: "same_id_as_row", Args: []string{"2"}}},
		{name: "a missing column", csv: "id\nme-1\n",
			want: profile.Problem{Row: 1, Column: "birth_date", Path: "birth_date", Code: "missing_column", Args: []string{"birth_date"}}},
		{name: "too many rows", csv: miniHeader + "me-1;2001-01-01\nme-2;2001-01-01\n", opt: sheet.Options{MaxRows: 1},
			want: profile.Problem{Row: 3, Path: "(file)", Code: "too_many_rows", Args: []string{"1"}}, tooMany: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := sheet.ReadMentees(strings.NewReader(tt.csv), tt.opt)
			err = errors.Join(io.EOF, fmt.Errorf("upload: %w", err))
			var p *profile.Problem
			require.ErrorAs(t, err, &p)
			assert.ErrorIs(t, p, sheet.ErrInvalid)
			assert.ErrorIs(t, p, profile.ErrInvalid)
			assert.Equal(t, tt.tooMany, errors.Is(p, profile.ErrTooMany))
			assert.NotEmpty(t, p.Detail)
			got := *p
			got.Detail, got.Err = "", nil
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestOptionsValidate(t *testing.T) {
	const csv = "id;birth_date\nme-1;2000-01-01\n"
	for _, tt := range []struct {
		name   string
		opt    sheet.Options
		fields []string
	}{
		{"zero", sheet.Options{}, nil},
		{"set", sheet.Options{MaxRows: 5, MaxColumns: 10, MaxCellBytes: 100, MaxBytes: 1000, MaxErrors: 3}, nil},
		{"limits cannot be off", sheet.Options{MaxRows: profile.Off, MaxColumns: profile.Off, MaxCellBytes: profile.Off, MaxBytes: profile.Off, MaxErrors: profile.Off},
			[]string{"options.max_rows", "options.max_columns", "options.max_cell_bytes", "options.max_bytes", "options.max_errors"}},
		{"other negatives", sheet.Options{MaxRows: -3, MaxBytes: -1 << 40}, []string{"options.max_rows", "options.max_bytes"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opt.Validate()
			_, _, readErr := sheet.ReadMentees(strings.NewReader(csv), tt.opt)
			if tt.fields == nil {
				assert.NoError(t, err)
				assert.False(t, errors.Is(readErr, sheet.ErrOptions))
				return
			}
			require.ErrorIs(t, err, sheet.ErrOptions)
			assert.Equal(t, err, readErr, "the readers return the options' problems before reading")
			for _, f := range tt.fields {
				assert.Contains(t, err.Error(), f)
			}
			assert.Len(t, strings.Split(err.Error(), "\n"), len(tt.fields), "one problem per field")
		})
	}
}

// TestReportJSON checks the JSON form of a report, the one a service
// answers with: the separator as a string, lists never null, and the
// separator read back.
func TestReportJSON(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{name: "a column ignored", file: "id;birth_date;Phone\nme-1;2001-04-12;0470\n",
			want: `{"encoding":"UTF-8","separator":";","rows":1,"empty_rows":0,"columns":[{"heading":"id","name":"id"},{"heading":"birth_date","name":"birth_date"}],"ignored":[{"heading":"Phone"}],"row_of":{"me-1":2},"headings":{"id":"id","birth_date":"birth_date"}}`},
		{name: "a misspelt column, tabs", file: "id\tbirth_date\tlangauges\n\t\t\nme-1\t2001-04-12\tfr\n",
			want: `{"encoding":"UTF-8","separator":"\t","rows":1,"empty_rows":1,"columns":[{"heading":"id","name":"id"},{"heading":"birth_date","name":"birth_date"}],"ignored":[{"heading":"langauges","likely":"languages"}],"row_of":{"me-1":3},"headings":{"id":"id","birth_date":"birth_date"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rep, err := sheet.ReadMentees(strings.NewReader(tt.file), sheet.Options{})
			require.NoError(t, err)
			b, err := json.Marshal(rep)
			require.NoError(t, err)
			assert.JSONEq(t, tt.want, string(b))
			var back sheet.Report
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, rep, back)
		})
	}
	_, rep, err := sheet.ReadMentees(strings.NewReader(""), sheet.Options{})
	require.Error(t, err)
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	assert.JSONEq(t, `{"encoding":"UTF-8","separator":",","rows":0,"empty_rows":0,"columns":[],"ignored":[],"row_of":{},"headings":{}}`, string(b), "a sheet not read")

	var s sheet.Separator
	for _, bad := range []string{`""`, `";;"`, `"\xff"`} {
		assert.Error(t, json.Unmarshal([]byte(bad), &s), bad)
	}
}
