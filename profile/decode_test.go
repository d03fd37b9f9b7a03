package profile_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// want is one expected problem: the ID, the full path and a part of the
// problem's text.
type want struct {
	id, field, problem string
}

// secret is a value that no error message may echo.
const secret = "1999-02-30"

func mentee(extra string) string {
	return `{"id": "me-1", "birth_date": "2001-04-12"` + extra + `}`
}

// checkProblems asserts that err lists exactly the wanted problems, in
// order, and that no message quotes a value of the document.
func checkProblems(t *testing.T, err error, wants []want) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, profile.ErrInvalid)
	got := profile.Problems(err)
	require.Len(t, got, len(wants), "errors: %v", err)
	for i, w := range wants {
		assert.Equal(t, w.id, got[i].ID(), "error %d: %v", i, got[i])
		assert.Equal(t, w.field, got[i].Path, "error %d: %v", i, got[i])
		assert.Contains(t, got[i].Detail, w.problem, "error %d", i)
	}
	for _, leak := range []string{secret, "1999", "Jane", "\xff"} {
		assert.NotContains(t, err.Error(), leak)
	}
}

func TestDecodeMenteesProblems(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []want
	}{
		{
			name: "unknown fields at every depth, all reported",
			doc: `[` + mentee(`, "foo": 1, "wants": {"bar": {"x": [1]}}, "languages": [{"tag": "fr", "level": "C1", "x": 1}]`) + `,
			       ` + mentee(`, "home": {"city": "Brussels", "Street": "Jane's street"}`) + `]`,
			want: []want{
				{"me-1", "[0].foo", "unknown field"},
				{"me-1", "[0].wants.bar", "unknown field"},
				{"me-1", "[0].languages[0].x", "unknown field"},
				{"me-1", "[1].home.Street", "unknown field"},
			},
		},
		{
			name: "field names match exactly, not ignoring case",
			doc:  `[{"ID": "me-1", "birth_date": "2001-04-12"}]`,
			want: []want{{"(no id)", "[0].ID", "unknown field"}, {"(no id)", "[0].id", "missing"}},
		},
		{
			name: "wrong types name the expected type, never the value",
			doc: `[` + mentee(`, "project": 1999, "home": {"lat": "1999"}, "interests": "Jane", "job_seeker": {"registered": "1999"}`) + `,
			       {"id": "me-2", "birth_date": "` + secret + `", "applied_on": 19990230, "availability": ["1999"]}]`,
			want: []want{
				{"me-1", "[0].project", "want a string, not a number"},
				{"me-1", "[0].home.lat", "want a number, not a string"},
				{"me-1", "[0].interests", "want an array, not a string"},
				{"me-1", "[0].job_seeker.registered", "want true or false, not a string"},
				{"me-2", "[1].birth_date", `want an existing day as "YYYY-MM-DD"`},
				{"me-2", "[1].applied_on", `want an existing day`},
				{"me-2", "[1].availability", `want an array of weekly slots`},
			},
		},
		{
			name: "a decoding problem hides the validation problem of the same field",
			doc:  `[{"id": "me-1", "birth_date": 1999}]`,
			want: []want{{"me-1", "[0].birth_date", "want an existing day"}},
		},
		{
			name: "validation problems are put under the entry's path",
			doc:  `[` + mentee(``) + `, {"id": "me-2", "sectors": ["62.01", "1234"], "traits": {"openness": 2}}]`,
			want: []want{
				{"me-2", "[1].birth_date", "missing"},
				{"me-2", "[1].sectors[1]", ""},
				{"me-2", `[1].traits["openness"]`, ""},
			},
		},
		{
			name: "duplicate fields and keys",
			doc:  `[{"id": "me-1", "birth_date": "2001-04-12", "id": "me-2", "traits": {"a": 0.5, "a": 0.1}}]`,
			want: []want{
				{"me-1", "[0].id", "duplicate field"},
				{"me-1", `[0].traits["a"]`, "duplicate key"},
			},
		},
		{
			name: "invalid UTF-8 in an ID",
			doc:  "[" + mentee(``) + `, {"id": "me-` + "\xff" + `", "birth_date": "2001-04-12"}]`,
			want: []want{{"(bad id)", "[1].id", "not valid UTF-8"}},
		},
		{
			name: "invalid UTF-8 elsewhere names the readable ID",
			doc:  `[{"project": "caf` + "\xe9" + `", "id": "me-1", "birth_date": "2001-04-12"}]`,
			want: []want{{"me-1", "[0].project", "not valid UTF-8"}},
		},
		{
			name: "a lone surrogate escape is not valid text either",
			doc:  `[` + mentee(`, "project": "a \ud800 b"`) + `]`,
			want: []want{{"me-1", "[0].project", "not valid UTF-8"}},
		},
		{
			name: "integers in range",
			doc:  `[` + mentee(`, "traits": {"a": 1e400}`) + `]`,
			want: []want{{"me-1", `[0].traits["a"]`, "number out of range"}},
		},
		{
			name: "trailing data",
			doc:  `[` + mentee(``) + `] [`,
			want: []want{{"", "(document)", "unexpected data after the JSON value at byte offset 45"}},
		},
		{
			name: "empty body",
			doc:  "",
			want: []want{{"", "(document)", "empty; want an array"}},
		},
		{
			name: "only white space",
			doc:  " \n\t ",
			want: []want{{"", "(document)", "empty"}},
		},
		{
			name: "not an array",
			doc:  mentee(""),
			want: []want{{"", "(document)", "want an array, not an object"}},
		},
		{
			name: "null document",
			doc:  "null",
			want: []want{{"", "(document)", "null; want an array"}},
		},
		{
			name: "malformed JSON gives the byte offset, after the problems before it",
			doc:  `[` + mentee(`, "x": 1`) + `, {"id": "me-2" "birth_date": "` + secret + `"}]`,
			want: []want{
				{"me-1", "[0].x", "unknown field"},
				{"me-2", "[1]", "malformed JSON at byte offset 67"},
			},
		},
		{
			name: "a document that ends too early",
			doc:  `[` + mentee(``),
			want: []want{{"", "(document)", "ends too early at byte offset 43"}},
		},
		{
			name: "nesting is bounded",
			doc:  `[` + mentee(`, "x": `+strings.Repeat("[", 100)+strings.Repeat("]", 100)) + `]`,
			want: []want{
				{"me-1", "[0].x", "unknown field"},
				{"me-1", "[0].x", "nested more than 64 levels deep"},
			},
		},
		{
			name: "a huge field name is echoed clipped",
			doc:  `[` + mentee(`, "`+strings.Repeat("é", 450000)+`": 1`) + `]`,
			want: []want{{"me-1", "[0]." + strings.Repeat("é", 16) + "…", "unknown field"}},
		},
		{
			name: "an odd field name is quoted in the path",
			doc:  `[` + mentee(`, "a.b c": 1`) + `]`,
			want: []want{{"me-1", `[0]["a.b c"]`, "unknown field"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := profile.DecodeMentees(strings.NewReader(tt.doc), profile.DecodeOptions{})
			assert.Nil(t, got)
			checkProblems(t, err, tt.want)
			assert.Less(t, len(err.Error()), 2000)
		})
	}
}

func TestDecodeMentorsCapacity(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []want // nil: no error, capacity
		cap  int
	}{
		{name: "explicit 0 is an error", doc: `[{"id": "mo-1", "birth_date": "1960-01-01", "capacity": 0}]`,
			want: []want{{"mo-1", "[0].capacity", "0 is not a capacity; leave it out for 1, or set paused to true"}}},
		{name: "explicit -0 is an error too", doc: `[{"id": "mo-1", "birth_date": "1960-01-01", "capacity": -0}]`,
			want: []want{{"mo-1", "[0].capacity", "0 is not a capacity"}}},
		{name: "left out means 1", doc: `[{"id": "mo-1", "birth_date": "1960-01-01"}]`, cap: 1},
		{name: "null means left out", doc: `[{"id": "mo-1", "birth_date": "1960-01-01", "capacity": null}]`, cap: 1},
		{name: "2 is 2", doc: `[{"id": "mo-1", "birth_date": "1960-01-01", "capacity": 2}]`, cap: 2},
		{name: "a fraction is a type error", doc: `[{"id": "mo-1", "birth_date": "1960-01-01", "capacity": 1.5}]`,
			want: []want{{"mo-1", "[0].capacity", "want an integer"}}},
		{name: "out of int range", doc: `[{"id": "mo-1", "birth_date": "1960-01-01", "capacity": 99999999999999999999}]`,
			want: []want{{"mo-1", "[0].capacity", "integer out of range"}}},
		{name: "negative is a validation error", doc: `[{"id": "mo-1", "birth_date": "1960-01-01", "capacity": -1}]`,
			want: []want{{"mo-1", "[0].capacity", "negative"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := profile.DecodeMentors(strings.NewReader(tt.doc), profile.DecodeOptions{})
			if tt.want != nil {
				checkProblems(t, err, tt.want)
				return
			}
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, tt.cap, got[0].EffectiveCapacity())
		})
	}
}

func TestDecodeMenteesValid(t *testing.T) {
	doc := `[{"id": "me-001", "birth_date": "2001-04-12", "gender": "female",
 "background": {"birth_country": "be", "parent_birth_countries": ["MA"]},
 "job_seeker": {"registered": true, "agency": "Actiris", "since": "2026-05-02"},
 "project": "First job as a web developer \u00e9\ud83d\ude00", "sectors": ["62.01"], "occupation": "2512",
 "interests": ["football"], "languages": [{"tag": "fr", "level": "C1"}],
 "home": {"city": "Brussels", "lat": 50.8467, "lon": 4.3525},
 "availability": ["mon-evening", "sat-morning"], "traits": {"openness": 0.7},
 "wants": {"mentor_gender": "female", "practise_language": "nl"}, "applied_on": "2026-10-30"},
 {"id": "me-002", "birth_date": "2000-01-01", "sectors": null, "traits": {}}]`
	got, err := profile.DecodeMentees(strings.NewReader(doc), profile.DecodeOptions{})
	require.NoError(t, err)
	var std []profile.Mentee
	require.NoError(t, json.Unmarshal([]byte(doc), &std))
	assert.Equal(t, std, got, "same value as encoding/json on a valid document")
	assert.Equal(t, "First job as a web developer é😀", got[0].Project)
	assert.Equal(t, profile.Country("BE"), got[0].Background.BirthCountry)

	empty, err := profile.DecodeMentees(strings.NewReader(" [ ] "), profile.DecodeOptions{})
	require.NoError(t, err)
	assert.Empty(t, empty)
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func TestDecodeStopsAtMaxPeople(t *testing.T) {
	const n = 2_800_000 // an 8 MiB body of {}
	body := "[" + strings.Repeat("{},", n-1) + "{}]"
	tests := []struct {
		name  string
		opt   profile.DecodeOptions
		limit int
	}{
		{"default limit", profile.DecodeOptions{}, 20000},
		{"small limit", profile.DecodeOptions{MaxPeople: 10}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &countingReader{r: strings.NewReader(body)}
			got, err := profile.DecodeMentors(r, tt.opt)
			assert.Nil(t, got)
			require.Error(t, err)
			assert.ErrorIs(t, err, profile.ErrTooMany)
			assert.ErrorIs(t, err, profile.ErrInvalid)
			fes := profile.Problems(err)
			require.NotEmpty(t, fes)
			var stop *profile.Problem
			for _, fe := range fes {
				if strings.HasPrefix(fe.Detail, "more than") {
					stop = fe
				}
			}
			require.NotNil(t, stop, "the problem that stopped decoding is listed")
			assert.Equal(t, "(document)", stop.Path)
			assert.Equal(t, fmt.Sprintf("more than %d entries; decoding stopped here", tt.limit), stop.Detail)
			// Reading stopped right after the entry past the limit: 3 bytes
			// an entry, plus at most one buffer read ahead.
			assert.LessOrEqual(t, r.n, 3*(tt.limit+1)+64<<10, "bytes read")
			assert.Less(t, r.n, len(body)/10)
		})
	}
}

func TestDecodeMaxErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range 30 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "me-%d", "birth_date": "2001-01-01", "x": 1, "y": 2}`, i)
	}
	b.WriteString("]")
	tests := []struct {
		name   string
		opt    profile.DecodeOptions
		listed int
	}{
		{"default 50", profile.DecodeOptions{}, 50},
		{"5", profile.DecodeOptions{MaxErrors: 5}, 5},
		{"more than there are", profile.DecodeOptions{MaxErrors: 100}, 60},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := profile.DecodeMentees(strings.NewReader(b.String()), tt.opt)
			fes := profile.Problems(err)
			if tt.listed == 60 {
				require.Len(t, fes, 60)
				return
			}
			require.Len(t, fes, tt.listed+1)
			assert.Equal(t, "[0].x", fes[0].Path)
			assert.Equal(t, "me-0", fes[0].ID())
			last := fes[tt.listed]
			assert.Equal(t, "(document)", last.Path)
			assert.Equal(t, fmt.Sprintf("%d more problems not listed (reporting stops after %d)", 60-tt.listed, tt.listed), last.Detail)
		})
	}
}

// errReader fails after its data.
type errReader struct{ data io.Reader }

var errBroken = errors.New("connection reset")

func (e errReader) Read(p []byte) (int, error) {
	n, err := e.data.Read(p)
	if err == io.EOF {
		return n, errBroken
	}
	return n, err
}

func TestDecodeReadError(t *testing.T) {
	_, err := profile.DecodeMentees(errReader{strings.NewReader(`[{"id": "me-1", "x": 1`)}, profile.DecodeOptions{})
	require.Error(t, err)
	assert.ErrorIs(t, err, errBroken)
	assert.NotErrorIs(t, err, profile.ErrInvalid, "a read error is not a problem of the document")
}

func TestDecodeIntoAnyStruct(t *testing.T) {
	// A service's own request: the same rules, and the people are checked.
	var req struct {
		On      profile.Date     `json:"on"`
		Policy  profile.Policy   `json:"policy"`
		Mentees []profile.Mentee `json:"mentees"`
		Limit   uint8            `json:"limit"`
	}
	err := profile.Decode(strings.NewReader(`{"on": "2026-11-23", "limit": 300, "policy": {"mentee": {"max_age": 33, "maxage": 1}},
		"mentees": [{"id": "me-1"}], "extra": true}`), &req, profile.DecodeOptions{})
	checkProblems(t, err, []want{
		{"", "limit", "integer out of range"},
		{"", "policy.mentee.maxage", "unknown field"},
		{"me-1", "mentees[0].birth_date", "missing"},
		{"", "extra", "unknown field"},
	})
	assert.Equal(t, 33, req.Policy.Mentee.MaxAge)

	assert.Error(t, profile.Decode(strings.NewReader(`{}`), req, profile.DecodeOptions{}), "not a pointer")
}

func TestAtPath(t *testing.T) {
	plain := errors.New("plain")
	tests := []struct {
		name   string
		err    error
		prefix string
		fields []string
	}{
		{"a field", &profile.Problem{IDs: []string{"me-1"}, Path: "applied_on", Detail: "p"}, "mentees[13]", []string{"mentees[13].applied_on"}},
		{"an index", &profile.Problem{IDs: []string{"me-1"}, Path: "[2].id", Detail: "p"}, "mentees", []string{"mentees[2].id"}},
		{"the document", &profile.Problem{Path: "(document)", Detail: "p"}, "mentees", []string{"mentees"}},
		{"a join, in order", errors.Join(
			&profile.Problem{Path: "a", Detail: "p"},
			errors.Join(&profile.Problem{Path: "b", Detail: "p"}, plain)), "x", []string{"x.a", "x.b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.err.Error()
			got := profile.AtPath(tt.err, tt.prefix)
			var fields []string
			for _, fe := range profile.Problems(got) {
				fields = append(fields, fe.Path)
			}
			assert.Equal(t, tt.fields, fields)
			assert.Equal(t, before, tt.err.Error(), "err is not modified")
			assert.Equal(t, errors.Is(tt.err, plain), errors.Is(got, plain), "other errors are kept")
		})
	}
	assert.NoError(t, profile.AtPath(nil, "x"))
	e := &profile.Problem{Path: "a"}
	assert.Same(t, e, profile.AtPath(e, ""))

	_, tooMany := profile.DecodeMentees(strings.NewReader(`[{}, {}]`), profile.DecodeOptions{MaxPeople: 1})
	moved := profile.AtPath(tooMany, "mentees")
	assert.ErrorIs(t, moved, profile.ErrTooMany)
	assert.Equal(t, "mentees", profile.Problems(moved)[len(profile.Problems(moved))-1].Path)
}

func TestMenteeValidatedRoundTrip(t *testing.T) {
	doc := `[{"id": "me-1", "birth_date": "2001-04-12", "traits": {}, "sectors": [], "availability": ["mon-evening"], "project": "<b>&"}]`
	roundTrip(t, doc, profile.DecodeMentees)
}

// TestMentorDefaultCapacityRoundTrip: json.Marshal of a decoded mentor who
// left capacity out must decode again. It fails while Mentor.Capacity is
// tagged `json:"capacity"` without omitempty: Marshal then writes
// "capacity": 0, which the decoder refuses.
func TestMentorDefaultCapacityRoundTrip(t *testing.T) {
	roundTrip(t, `[{"id": "mo-1", "birth_date": "1960-01-01"}]`, profile.DecodeMentors)
}

// roundTrip checks that json.Marshal of the decoded value of doc decodes
// again to a value that marshals the same (an empty list and a missing one
// are the same in JSON), and that a third pass is a fixed point.
func roundTrip[T any](t *testing.T, doc string, decode func(io.Reader, profile.DecodeOptions) (T, error)) {
	t.Helper()
	v1, err := decode(strings.NewReader(doc), profile.DecodeOptions{})
	require.NoError(t, err)
	b1, err := json.Marshal(v1)
	require.NoError(t, err)
	v2, err := decode(strings.NewReader(string(b1)), profile.DecodeOptions{})
	require.NoError(t, err, "decoding %s", b1)
	b2, err := json.Marshal(v2)
	require.NoError(t, err)
	assert.JSONEq(t, string(b1), string(b2))
	v3, err := decode(strings.NewReader(string(b2)), profile.DecodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, v2, v3)
}

func FuzzDecodeMentees(f *testing.F) {
	f.Add(`[` + mentee(`, "gender": "female", "background": {"birth_country": "MA", "nationalities": ["BE"]},
		"job_seeker": {"registered": true, "agency": "VDAB", "since": "2026-01-02"}, "project": "a job",
		"sectors": ["62.01"], "occupation": "2512", "interests": ["chess"], "languages": [{"tag": "nl", "level": "B2"}],
		"home": {"city": "Ghent", "lat": 51.05, "lon": 3.72}, "availability": ["sat-morning"],
		"traits": {"openness": 0.5}, "wants": {"mentor_gender": "male", "practise_language": "nl"}, "applied_on": "2026-10-01"`) + `]`)
	f.Add(`[` + mentee(`, "foo": {"bar": [1, 2, {"baz": null}]}`) + `, {"id": 5}]`)
	f.Add(`[{"id": "me-` + "\xff" + `", "traits": {"a": 1, "a": 2}}] x`)
	f.Add(`[` + strings.Repeat(`[`, 70))
	f.Add(`[{"id": "me-1", "birth_date": "2001-02-29", "project": "\ud800\u00e9\n"}]`)
	f.Add(``)
	f.Fuzz(func(t *testing.T, doc string) {
		got, err := profile.DecodeMentees(strings.NewReader(doc), profile.DecodeOptions{MaxPeople: 50, MaxErrors: 10})
		if err != nil {
			assert.Nil(t, got)
			assert.ErrorIs(t, err, profile.ErrInvalid)
			fes := profile.Problems(err)
			require.NotEmpty(t, fes)
			assert.LessOrEqual(t, len(fes), 12, "at most MaxErrors, the stopping problem and a count")
			for _, fe := range fes {
				assert.NotEmpty(t, fe.Path)
				assert.NotEmpty(t, fe.Detail)
				assert.NotEmpty(t, fe.Code)
				assert.LessOrEqual(t, len(fe.Path), 200, "paths are short")
			}
			return
		}
		for _, m := range got {
			require.NoError(t, m.Validate())
		}
		roundTrip(t, doc, profile.DecodeMentees)
	})
}

func BenchmarkDecodeMentees(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		mentees, _ := synth.Generate(synth.Config{Seed: 1, Mentees: n, On: profile.MustDate(2026, 11, 23)})
		doc, err := json.Marshal(mentees)
		require.NoError(b, err)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				got, err := profile.DecodeMentees(bytes.NewReader(doc), profile.DecodeOptions{})
				if err != nil || len(got) != n {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("encoding_json/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(doc)))
			for b.Loop() {
				var got []profile.Mentee
				if err := json.Unmarshal(doc, &got); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
