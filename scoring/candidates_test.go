package scoring_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// candTowns is a small gazetteer for the candidates' oracle: towns tens of
// kilometres apart in two regions, two of them without coordinates, so
// that the distance rule meets every case (both sides with coordinates,
// one side, none; a locality without a region).
var candTowns = func() *profile.Table {
	t, err := profile.NewGazetteer("BE", []profile.GazetteerEntry{
		{ID: "T1", Names: []string{"Aville"}, Postcodes: []string{"1001"}, Region: "R1", Lat: 50.85, Lon: 4.35},
		{ID: "T2", Names: []string{"Bville"}, Postcodes: []string{"1002"}, Region: "R1", Lat: 50.95, Lon: 4.55},
		{ID: "T3", Names: []string{"Cville"}, Postcodes: []string{"1003"}, Region: "R2", Lat: 50.60, Lon: 5.50},
		{ID: "T4", Names: []string{"Dville"}, Postcodes: []string{"1004"}, Region: "R2"},                          // no coordinates
		{ID: "T5", Names: []string{"Eville"}, Postcodes: []string{"1005"}, Region: "R1"},                          // no coordinates
		{ID: "T6", Names: []string{"Fville"}, Postcodes: []string{"1006"}, Lat: 51.20, Lon: 3.20},                 // no region
		{ID: "T7", Names: []string{"Gville"}, Postcodes: []string{"1007"}, Region: "R2", Lat: -33.9, Lon: 179.99}, // far away, by the antimeridian
	})
	if err != nil {
		panic(err)
	}
	return t
}()

// candHome draws a home: a town of candTowns, often with coordinates of
// its own scattered around it (or anywhere on Earth, rarely), or only
// coordinates that resolve to no town.
func candHome(r *rand.Rand) profile.Place {
	towns := []struct {
		name     string
		lat, lon float64
	}{{"Aville", 50.85, 4.35}, {"Bville", 50.95, 4.55}, {"Cville", 50.60, 5.50}, {"Dville", 50.7, 4.9}, {"Eville", 51.0, 4.0}, {"Fville", 51.20, 3.20}, {"Gville", -33.9, 179.99}}
	t := towns[r.IntN(len(towns))]
	p := profile.Place{City: t.name}
	switch x := r.Float64(); {
	case x < 0.4: // the town's own coordinates, if it has any
	case x < 0.85:
		p.Lat, p.Lon = t.lat+(r.Float64()*2-1)*0.3, t.lon+(r.Float64()*2-1)*0.45
		if p.Lon > 180 {
			p.Lon -= 360
		}
	case x < 0.95:
		p.Lat, p.Lon = r.Float64()*178-89, r.Float64()*358-179
	default:
		p.City = "" // coordinates alone
		p.Lat, p.Lon = t.lat+(r.Float64()*2-1)*0.2, t.lon+(r.Float64()*2-1)*0.2
		if p.Lon > 180 {
			p.Lon -= 360
		}
	}
	return p
}

// candPool draws a seeded pool: synth's profiles with candHome's homes,
// capacities up to 3, and with noCoords every coordinate removed.
func candPool(seed uint64, mentees, mentors int, noCoords bool) ([]profile.Mentee, []profile.Mentor) {
	r := rand.New(rand.NewPCG(seed, 77))
	me, mo := synth.Generate(synth.Config{Seed: seed, Mentees: mentees, Mentors: mentors})
	for i := range me {
		me[i].Home = candHome(r)
		if noCoords {
			me[i].Home.Lat, me[i].Home.Lon = 0, 0
			me[i].Home.City = "Aville"
		}
	}
	for j := range mo {
		mo[j].Home = candHome(r)
		mo[j].Capacity = 1 + r.IntN(3)
		if noCoords {
			mo[j].Home.Lat, mo[j].Home.Lon = 0, 0
			mo[j].Home.City = "Bville"
		}
	}
	return me, mo
}

// candScorers are the rules the oracle runs under: each place rule on and
// off, limits from a metre to more than half the Earth.
func candScorers() []struct {
	name string
	s    scoring.Scorer
} {
	rules := []struct {
		name string
		r    scoring.Rules
	}{
		{"default 25 km", scoring.Rules{}},
		{"distance off", scoring.Rules{MaxDistanceKm: profile.Off}},
		{"5 km", scoring.Rules{MaxDistanceKm: 5}},
		{"1 m", scoring.Rules{MaxDistanceKm: 0.001}},
		{"300 km", scoring.Rules{MaxDistanceKm: 300}},
		{"half the Earth and more", scoring.Rules{MaxDistanceKm: 30000}},
		{"same city", scoring.Rules{SameCity: true}},
		{"same city, distance off", scoring.Rules{SameCity: true, MaxDistanceKm: profile.Off}},
		{"same region", scoring.Rules{SameRegion: true}},
		{"same region, distance off", scoring.Rules{SameRegion: true, MaxDistanceKm: profile.Off}},
		{"B2 shared", scoring.Rules{MinSharedLevel: profile.B2, MaxDistanceKm: 60}},
	}
	var out []struct {
		name string
		s    scoring.Scorer
	}
	for _, r := range rules {
		out = append(out, struct {
			name string
			s    scoring.Scorer
		}{r.name, scoring.Scorer{Rules: r.r, Places: candTowns}})
	}
	return out
}

// requireMatrixBlocksAsRules checks m against pool's rules pair by pair,
// without the index of the place rules that Matrix and Candidates share:
// a cell is -Inf exactly when a rule (or an exclusion) blocks its pair,
// so that the index never leaves out an allowed pair.
func requireMatrixBlocksAsRules(t *testing.T, pool *scoring.Pool, m interface{ At(i, j int) float64 }) {
	t.Helper()
	n, k := pool.Size()
	counts := map[string]int{}
	total := 0
	for i := 0; i < n; i++ {
		for j := 0; j < k; j++ {
			pool.CountBlocked(i, j, counts)
			blocked := 0
			for _, c := range counts {
				blocked += c
			}
			require.Equal(t, blocked > total, math.IsInf(m.At(i, j), -1), "pair (%d, %d)", i, j)
			total = blocked
		}
	}
}

// requireCandidatesEqualMatrix checks the oracle: c lists exactly the
// cells of m that are not -Inf, in increasing column order, with their
// bits, and At agrees with m everywhere.
func requireCandidatesEqualMatrix(t *testing.T, m interface {
	At(i, j int) float64
	Dims() (int, int)
}, c *scoring.Candidates) {
	t.Helper()
	rows, cols := m.Dims()
	cr, cc := c.Dims()
	require.Equal(t, [2]int{rows, cols}, [2]int{cr, cc})
	total := 0
	for i := 0; i < rows; i++ {
		cs, ss := c.Row(i)
		require.Len(t, ss, len(cs))
		k := 0
		for j := 0; j < cols; j++ {
			v := m.At(i, j)
			require.Equal(t, math.Float64bits(v), math.Float64bits(c.At(i, j)), "At(%d, %d)", i, j)
			if math.IsInf(v, -1) {
				continue
			}
			require.Less(t, k, len(cs), "row %d lacks column %d", i, j)
			require.Equal(t, int32(j), cs[k], "row %d, pair %d", i, k)
			require.Equal(t, math.Float64bits(v), math.Float64bits(ss[k]), "pair (%d, %d)", i, j)
			k++
		}
		require.Equal(t, len(cs), k, "row %d lists a blocked pair", i)
		total += k
	}
	assert.Equal(t, total, c.Len())
}

// TestCandidatesEqualMatrix is the oracle: over seeded random pools (with
// and without coordinates, capacities above 1, exclusions) and every place
// rule on and off, the candidates are exactly the matrix's allowed cells,
// bit for bit.
func TestCandidatesEqualMatrix(t *testing.T) {
	ctx := context.Background()
	sizes := []struct{ mentees, mentors int }{{1, 1}, {1, 40}, {40, 1}, {63, 70}, {65, 50}, {130, 90}, {200, 260}}
	for k, sz := range sizes {
		for _, noCoords := range []bool{false, true} {
			mentees, mentors := candPool(uint64(900+k), sz.mentees, sz.mentors, noCoords)
			for _, sc := range candScorers() {
				t.Run(fmt.Sprintf("%dx%d/coords=%v/%s", sz.mentees, sz.mentors, !noCoords, sc.name), func(t *testing.T) {
					compile := sc.s.Compile
					if sc.s.Rules.SameCity || sc.s.Rules.SameRegion {
						// Homes of coordinates alone have no municipality
						// for these rules to compare: Compile refuses them,
						// CompileValidated blocks their pairs.
						compile = sc.s.CompileValidated
					}
					pool, err := compile(ctx, mentees, mentors)
					require.NoError(t, err)
					r := rand.New(rand.NewPCG(uint64(k), 3))
					for x := 0; x < sz.mentees*sz.mentors/10; x++ {
						pool.Exclude(r.IntN(sz.mentees), r.IntN(sz.mentors))
					}
					m, err := pool.Matrix(ctx)
					require.NoError(t, err)
					c, err := pool.Candidates(ctx, 0)
					require.NoError(t, err)
					requireCandidatesEqualMatrix(t, m, c)
					requireMatrixBlocksAsRules(t, pool, m)
				})
			}
		}
	}
}

// TestCandidatesUnresolvedHomes: homes that do not resolve (which
// CompileValidated takes) are blocked by the place rules in the candidates
// as in the matrix.
func TestCandidatesUnresolvedHomes(t *testing.T) {
	ctx := context.Background()
	mentees, mentors := candPool(31, 60, 50, false)
	for i := 0; i < len(mentees); i += 5 {
		mentees[i].Home = profile.Place{City: "Nowhere"}
	}
	for j := 0; j < len(mentors); j += 7 {
		mentors[j].Home = profile.Place{City: "Nowhere"}
	}
	for _, sc := range candScorers() {
		t.Run(sc.name, func(t *testing.T) {
			pool, err := sc.s.CompileValidated(ctx, mentees, mentors)
			require.NoError(t, err)
			m, err := pool.Matrix(ctx)
			require.NoError(t, err)
			c, err := pool.Candidates(ctx, 0)
			require.NoError(t, err)
			requireCandidatesEqualMatrix(t, m, c)
			requireMatrixBlocksAsRules(t, pool, m)
			if sc.s.Rules.MaxDistanceKm != profile.Off || sc.s.Rules.SameCity {
				cs, _ := c.Row(0)
				assert.Empty(t, cs, "a mentee whose home does not resolve has no candidate")
			}
		})
	}
}

// TestCandidatesDeterministic: the same pool gives the same candidates on
// one core and on many.
func TestCandidatesDeterministic(t *testing.T) {
	ctx := context.Background()
	mentees, mentors := candPool(5, 300, 250, false)
	pool, err := scoring.Scorer{Places: candTowns}.Compile(ctx, mentees, mentors)
	require.NoError(t, err)
	a, err := pool.Candidates(ctx, 0)
	require.NoError(t, err)
	prev := runtime.GOMAXPROCS(1)
	b, err := pool.Candidates(ctx, 0)
	runtime.GOMAXPROCS(prev)
	require.NoError(t, err)
	require.Equal(t, a.Len(), b.Len())
	for i := range mentees {
		ac, as := a.Row(i)
		bc, bs := b.Row(i)
		require.Equal(t, ac, bc)
		require.Equal(t, as, bs)
	}
	require.Greater(t, a.Len(), 0)
	require.Less(t, a.Len(), len(mentees)*len(mentors)/2, "the rules leave most pairs out on this pool")
}

func TestCandidatesCancelled(t *testing.T) {
	mentees, mentors := candPool(6, 200, 100, false)
	pool, err := scoring.Scorer{Places: candTowns}.Compile(context.Background(), mentees, mentors)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c, err := pool.Candidates(ctx, 0)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Nil(t, c)
}

func TestCandidatesRowOutOfRange(t *testing.T) {
	mentees, mentors := candPool(7, 3, 3, false)
	pool, err := scoring.Scorer{Places: candTowns}.Compile(context.Background(), mentees, mentors)
	require.NoError(t, err)
	c, err := pool.Candidates(context.Background(), 0)
	require.NoError(t, err)
	assert.Panics(t, func() { c.Row(3) })
	assert.Panics(t, func() { c.Row(-1) })
}

// FuzzCandidates builds the candidates of odd pools (homes with odd
// coordinates or names that do not resolve, odd limits, the place rules in
// every combination, exclusions) and checks them against the matrix.
func FuzzCandidates(f *testing.F) {
	f.Add(uint64(1), uint8(10), uint8(12), uint8(0), 25.0, []byte{0, 1, 2, 3})
	f.Add(uint64(2), uint8(39), uint8(3), uint8(1), 0.001, []byte{4, 4, 4, 9, 200})
	f.Add(uint64(3), uint8(5), uint8(30), uint8(2), 1e9, []byte{})
	f.Add(uint64(4), uint8(20), uint8(20), uint8(3), -1.0, []byte{7, 0, 7, 0, 7})
	f.Fuzz(func(t *testing.T, seed uint64, n, m, rule uint8, km float64, data []byte) {
		s := scoring.Scorer{Places: candTowns, Rules: scoring.Rules{MaxDistanceKm: km, SameCity: rule&1 != 0, SameRegion: rule&2 != 0}}
		if s.Validate() != nil {
			t.Skip("invalid rules")
		}
		mentees, mentors := candPool(seed, 1+int(n%40), 1+int(m%40), rule&4 != 0)
		in := &fuzzInput{data}
		for i := range mentees {
			if in.byte()%4 == 0 {
				mentees[i].Home = in.place()
			}
		}
		for j := range mentors {
			if in.byte()%4 == 0 {
				mentors[j].Home = in.place()
			}
		}
		ctx := context.Background()
		pool, err := s.CompileValidated(ctx, mentees, mentors)
		require.NoError(t, err)
		for x := int(in.byte() % 16); x > 0; x-- {
			pool.Exclude(int(in.byte())%len(mentees), int(in.byte())%len(mentors))
		}
		mat, err := pool.Matrix(ctx)
		require.NoError(t, err)
		c, err := pool.Candidates(ctx, 0)
		require.NoError(t, err)
		requireCandidatesEqualMatrix(t, mat, c)
		requireMatrixBlocksAsRules(t, pool, mat)
	})
}

// TestCandidatesLimit: a limit at the number of allowed pairs passes, one
// below it fails with ErrTooManyPairs; 0 and negative limits are none.
func TestCandidatesLimit(t *testing.T) {
	ctx := context.Background()
	mentees, mentors := candPool(8, 150, 120, false)
	pool, err := scoring.Scorer{Places: candTowns}.Compile(ctx, mentees, mentors)
	require.NoError(t, err)
	all, err := pool.Candidates(ctx, 0)
	require.NoError(t, err)
	require.Greater(t, all.Len(), 1)
	for _, tc := range []struct {
		name  string
		limit int
		over  bool
	}{
		{"none", 0, false},
		{"negative is none", -1, false},
		{"exactly the pairs", all.Len(), false},
		{"one fewer", all.Len() - 1, true},
		{"one", 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pool.Candidates(ctx, tc.limit)
			if tc.over {
				assert.ErrorIs(t, err, scoring.ErrTooManyPairs)
				assert.Nil(t, c)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, all.Len(), c.Len())
		})
	}
}
