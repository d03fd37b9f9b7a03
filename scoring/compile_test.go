package scoring

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
)

// randomSector returns a NACE code of any form, sometimes malformed.
func randomSector(r *rand.Rand) profile.Sector {
	div := []int{1, 10, 41, 43, 47, 56, 62, 63, 64, 69, 85, 86, 99, 4, 40}[r.IntN(15)]
	switch r.IntN(6) {
	case 0:
		return profile.Sector(string(rune('A' + r.IntN(23))))
	case 1:
		return profile.Sector(fmt.Sprintf("%02d", div))
	case 2:
		return profile.Sector(fmt.Sprintf("%02d.%d", div, r.IntN(3)))
	case 3:
		return profile.Sector(fmt.Sprintf("%02d.%d%d", div, r.IntN(3), r.IntN(3)))
	case 4:
		return profile.Sector([]string{"", "6", "62.", "62.0.1", "x2", " 62 ", "j"}[r.IntN(7)])
	}
	return profile.Sector(fmt.Sprintf("%02d.%d", div, r.IntN(10)))
}

// TestNACESharedOracle checks the packed comparison against the profile
// package's on random codes of every form.
func TestNACESharedOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		a, b := randomSector(r), randomSector(r)
		want := profile.SharedSectorLevels(a, b)
		na, nb := parseNACE(a), parseNACE(b)
		got := na.shared(nb)
		require.Equal(t, want, got, "%q vs %q", a, b)
		if na != 0 && nb != 0 {
			// The sections' bits meet exactly when a level is shared.
			assert.Equal(t, want > 0, na.sectionBit()&nb.sectionBit() != 0, "sections of %q and %q", a, b)
		}
		if p, err := a.Parse(); err == nil && p.Depth > 0 {
			assert.Equal(t, p.String(), parseNACE(a).prefix(p.Depth), "prefix of %q", a)
		}
	}
}

func TestISCOSharedOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	codes := func() profile.Occupation {
		n := r.IntN(6)
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + r.IntN(3))
		}
		if r.IntN(20) == 0 && n > 0 {
			b[0] = 'x'
		}
		return profile.Occupation(b)
	}
	for i := 0; i < 20000; i++ {
		a, b := codes(), codes()
		want := profile.SharedOccupationLevels(a, b)
		require.Equal(t, want, parseISCO(a).shared(parseISCO(b)), "%q vs %q", a, b)
		if a.Valid() {
			assert.Equal(t, string(a), parseISCO(a).prefix(len(a)))
		}
	}
}

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"chess", "chess"},
		{"Chess", "chess"},
		{"  video   games ", "video games"},
		{"video\tgames", "video games"},
		{"Liège", "liège"},
		{"LIÈGE", "liège"},
		{"", ""},
		{"   ", ""},
		{"a b", "a b"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, norm(tt.in), "%q", tt.in)
	}
}

// TestWideFormSameScores forces every set into the sorted-list form and
// checks that every score is the same, bit for bit, as with bit sets.
func TestWideFormSameScores(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 9, Mentees: 80, Mentors: 70})
	// Give some people odd traits so that trait sets differ.
	mentees[0].Traits = profile.Traits{"openness": 0.2, "curiosity": 0.9}
	mentors[0].Traits = profile.Traits{"curiosity": 0.1, "openness": 0.7, "humour": 0.5}
	s := Default()
	narrow, err := s.Matrix(context.Background(), mentees, mentors)
	require.NoError(t, err)

	saved := narrowLimit
	narrowLimit = 0
	defer func() { narrowLimit = saved }()
	wide, err := s.Matrix(context.Background(), mentees, mentors)
	require.NoError(t, err)
	set, err := s.settings()
	require.NoError(t, err)
	p := compile(set, mentees, mentors)
	require.True(t, p.wideTags && p.wideLangs && p.wideTraits)

	for i := range mentees {
		for j := range mentors {
			require.Equal(t, math.Float64bits(narrow.At(i, j)), math.Float64bits(wide.At(i, j)), "cell (%d, %d)", i, j)
		}
	}
}

// TestLargeVocabulary has more than 128 distinct interests, so the pool
// uses the wide form while Pair uses bit sets.
func TestLargeVocabulary(t *testing.T) {
	mentees, mentors := synth.Generate(synth.Config{Seed: 4, Mentees: 60, Mentors: 50})
	for i := range mentees {
		mentees[i].Interests = append(mentees[i].Interests, fmt.Sprintf("tag %d", i), fmt.Sprintf("Tag  %d", 100+i%7))
	}
	for j := range mentors {
		mentors[j].Interests = append(mentors[j].Interests, fmt.Sprintf("tag %d", 2*j), fmt.Sprintf("other %d", j))
	}
	s := Default()
	set, err := s.settings()
	require.NoError(t, err)
	require.True(t, compile(set, mentees, mentors).wideTags, "precondition: a wide vocabulary")
	m, err := s.Matrix(context.Background(), mentees, mentors)
	require.NoError(t, err)
	for i := range mentees {
		for j := range mentors {
			want := s.Pair(&mentees[i], &mentors[j]).Score
			require.Equal(t, math.Float64bits(want), math.Float64bits(m.At(i, j)), "cell (%d, %d)", i, j)
		}
	}
}

// TestPersonalityPaths checks that the three ways of summing trait
// differences agree bit for bit with a plain sum in the order of names.
func TestPersonalityPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	names := []string{"a", "b", "c", "d", "e", "f", "g"}
	traits := func() profile.Traits {
		tr := profile.Traits{}
		for _, n := range names {
			if r.IntN(3) > 0 {
				tr[n] = float64(r.IntN(1000)) / 999
			}
		}
		return tr
	}
	for i := 0; i < 2000; i++ {
		ta, tb := traits(), traits()
		if i%4 == 0 {
			tb = profile.Traits{}
			for k := range ta {
				tb[k] = float64(r.IntN(1000)) / 999
			}
		}
		var want float64
		n := 0
		for _, name := range names { // alphabetical
			va, okA := ta[name]
			vb, okB := tb[name]
			if okA && okB {
				want += math.Abs(vb - va)
				n++
			}
		}
		for _, limit := range []int{128, 0} {
			saved := narrowLimit
			narrowLimit = limit
			set, err := Default().settings()
			require.NoError(t, err)
			p := compile(set, []profile.Mentee{{Traits: ta}}, []profile.Mentor{{Traits: tb}})
			var e eval
			p.personality(&p.mentees[0], &p.mentors[0], &e)
			narrowLimit = saved
			require.Equal(t, n, e.traitN)
			if n > 0 {
				require.Equal(t, math.Float64bits(want/float64(n)), math.Float64bits(e.traitDiff), "limit %d", limit)
			}
		}
	}
}

func TestAsin(t *testing.T) {
	for x := 0.0; x <= 1.2; x += 1.0 / 4096 {
		want := math.Asin(min(x, 1))
		assert.InDelta(t, want, asin(x), 4.5e-16*want, "x = %v", x)
	}
	for x := 1e-9; x < 0.01; x *= 1.07 {
		assert.InEpsilon(t, math.Asin(x), asin(x), 4.5e-16, "x = %v: within two ulps of math.Asin, itself not exact", x)
	}
}

func TestGateSize(t *testing.T) {
	assert.Equal(t, uintptr(64), unsafe.Sizeof(gate{}), "a gate fills one cache line")
}
