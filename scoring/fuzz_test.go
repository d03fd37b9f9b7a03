package scoring_test

import (
	"context"
	"math"
	"testing"

	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// fuzzInput hands out values drawn from the fuzzer's bytes; when the bytes
// run out it returns zeros.
type fuzzInput struct{ b []byte }

func (f *fuzzInput) byte() byte {
	if len(f.b) == 0 {
		return 0
	}
	c := f.b[0]
	f.b = f.b[1:]
	return c
}

func (f *fuzzInput) pick(xs ...string) string { return xs[int(f.byte())%len(xs)] }

// float returns a value that is often odd: NaN, infinities, negative zero,
// out of range, or a plain one.
func (f *fuzzInput) float() float64 {
	odd := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), -1, 0.5, 1, 2, 24.9, 25.1, 90, 180, 1e308, -1e-308}
	c := f.byte()
	if int(c) < len(odd) {
		return odd[c]
	}
	return float64(int8(c)) / float64(1+f.byte()%8)
}

func (f *fuzzInput) strings(n int, pool ...string) []string {
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, f.pick(pool...))
	}
	return out
}

var (
	fuzzTags    = []string{"nl", "nl-BE", "fr", "ar", "ti", "", "x-private", "und", "!!", "EN", "zz-ZZ", "ber"}
	fuzzLevels  = []string{"A1", "A2", "B1", "b2", "C1", "C2", "native", "", "B9", "Native "}
	fuzzSectors = []string{"62.01", "62.0", "62", "J", "j", "47.11", "", "4", "99.9", "62.", "xx", "85.31", "01"}
	fuzzOccs    = []string{"2512", "251", "25", "2", "", "x", "25123", "7411"}
	fuzzWords   = []string{"", " ", "Chess", "chess ", "a  b", "A B", "é", "\xff", "male", "Female", "Brussels", " brussels", "Liège", "LIEGE", "l'iège-", "\xffé"}
)

func (f *fuzzInput) languages() []profile.Language {
	var out []profile.Language
	for n := int(f.byte() % 4); n > 0; n-- {
		out = append(out, profile.Language{Tag: f.pick(fuzzTags...), Level: profile.Level(f.pick(fuzzLevels...))})
	}
	return out
}

func (f *fuzzInput) traits() profile.Traits {
	n := int(f.byte() % 4)
	if n == 0 {
		return nil
	}
	t := profile.Traits{}
	for ; n > 0; n-- {
		t[f.pick("openness", "Openness", "stability", "", " humour")] = f.float()
	}
	return t
}

func (f *fuzzInput) place() profile.Place {
	return profile.Place{City: f.pick(fuzzWords...), Lat: f.float() + 50, Lon: f.float()}
}

// FuzzPair scores odd pairs with odd settings: Pair never panics, a score
// is -Inf exactly when the pair is blocked and in [0, 1] otherwise, the
// contributions add up to it exactly, and for valid data a compiled Pool
// agrees bit for bit, excluded or not.
func FuzzPair(f *testing.F) {
	f.Add([]byte{}, "me", "mo")
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, "me-1", "mo-1")
	f.Add([]byte("some longer input with many bytes to choose odd values from, again and again"), "a", "a")
	f.Fuzz(func(t *testing.T, data []byte, meID, moID string) {
		in := &fuzzInput{data}
		s := scoring.Default()
		switch in.byte() % 4 {
		case 1:
			s.Weights = scoring.Weights{Sector: in.float(), Language: in.float(), Distance: in.float(), Availability: in.float()}
		case 2:
			s.Rules = scoring.Rules{MinSharedLevel: profile.Level(in.pick(fuzzLevels...)), MaxDistanceKm: in.float() - float64(in.byte()%2),
				SameCity: in.byte()%2 == 0, DistanceScaleKm: in.float(), FullExperienceYears: in.float()}
		case 3:
			s = scoring.Scorer{}
		}
		exclude := in.byte()%3 == 0
		avail := profile.Availability(uint32(in.byte()) | uint32(in.byte())<<8 | uint32(in.byte())<<16 | uint32(in.byte())<<24)
		me := profile.Mentee{
			ID:           meID,
			BirthDate:    profile.MustDate(2000, 1, 1),
			Gender:       profile.Gender(in.pick(fuzzWords...)),
			Sectors:      []profile.Sector{profile.Sector(in.pick(fuzzSectors...)), profile.Sector(in.pick(fuzzSectors...))},
			Occupation:   profile.Occupation(in.pick(fuzzOccs...)),
			Interests:    in.strings(int(in.byte()%4), fuzzWords...),
			Languages:    in.languages(),
			Home:         in.place(),
			Availability: avail,
			Traits:       in.traits(),
			Wants:        profile.MenteeWants{MentorGender: profile.Gender(in.pick(fuzzWords...)), PractiseLanguage: in.pick(fuzzTags...)},
		}
		mo := profile.Mentor{
			ID:           moID,
			BirthDate:    profile.MustDate(1960, 1, 1),
			Gender:       profile.Gender(in.pick(fuzzWords...)),
			Languages:    in.languages(),
			Home:         in.place(),
			Availability: avail >> (in.byte() % 8),
			Interests:    in.strings(int(in.byte()%4), fuzzWords...),
			Traits:       in.traits(),
			Wants:        profile.MentorWants{MenteeGender: profile.Gender(in.pick(fuzzWords...))},
		}
		for n := in.byte() % 4; n > 0; n-- {
			mo.Experience = append(mo.Experience, profile.Experience{Sector: profile.Sector(in.pick(fuzzSectors...)),
				Occupation: profile.Occupation(in.pick(fuzzOccs...)), Years: in.float()})
		}

		r := s.Pair(&me, &mo)
		checkResult(t, r)
		// Compile checks what Pair does not: valid profiles, and homes that
		// resolve while a place rule is on.
		if s.Validate() == nil && me.Validate() == nil && mo.Validate() == nil &&
			s.CheckHome(me.Home) == nil && s.CheckHome(mo.Home) == nil {
			pool, err := s.Compile(context.Background(), []profile.Mentee{me}, []profile.Mentor{mo})
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			want := r.Score
			if exclude {
				pool.Exclude(0, 0)
				want = math.Inf(-1)
			}
			m, err := pool.Matrix(context.Background())
			if err != nil {
				t.Fatalf("Matrix: %v", err)
			}
			got := pool.Pair(0, 0)
			checkResult(t, got)
			if math.Float64bits(m.At(0, 0)) != math.Float64bits(want) || math.Float64bits(got.Score) != math.Float64bits(want) {
				t.Fatalf("Matrix %v, Pool.Pair %v, want %v", m.At(0, 0), got.Score, want)
			}
			if exclude && got.Blocked[len(got.Blocked)-1].Code != scoring.CodeExcluded {
				t.Fatalf("excluded pair: reasons %v", got.Blocked)
			}
		}
	})
}
