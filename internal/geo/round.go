package geo

import (
	"math"
	"math/rand/v2"

	"github.com/duomatch/duo/match/lap"
)

// Config describes a round to generate. The zero value of each field is its
// documented default.
type Config struct {
	Mentees, Mentors int // rows and columns; 0 gives 0
	// MaxSeats: each mentor offers 1 to MaxSeats seats, uniformly (0: 1).
	MaxSeats int
	// RadiusKm is the distance rule (0: 25).
	RadiusKm float64
	// MinShared is the number of weekly slots a pair must share (0: 1).
	MinShared int
	// Seed selects the round.
	Seed uint64
}

// person is a place, languages and weekly slots, as bit sets.
type person struct {
	x, y  float64 // km on the projection
	langs uint16
	slots uint32
}

// Language bits.
const (
	nl = 1 << iota
	fr
	de
	en
	heritage // the first of several heritage languages (bits 4..9)
)

// kmPerDegLat and kmPerDegLon project (lat, lon) to km around 50.5°N.
const (
	kmPerDegLat = 111.2
	kmPerDegLon = 70.7 // 111.32 × cos(50.5°)
)

// draw draws one person from stream (seed, k).
func draw(seed, k uint64, mentee bool) person {
	rng := rand.New(rand.NewPCG(seed, k))
	var lat, lon float64
	urban := 0
	for _, t := range towns {
		urban += t.pop
	}
	if rng.IntN(belgiumPop) < urban {
		r := rng.IntN(urban)
		t := towns[0]
		for _, tt := range towns {
			if r < tt.pop {
				t = tt
				break
			}
			r -= tt.pop
		}
		lat = t.lat + rng.NormFloat64()*t.spread/kmPerDegLat
		lon = t.lon + rng.NormFloat64()*t.spread/kmPerDegLon
	} else {
		for {
			lat, lon = 49.5+rng.Float64()*2, 2.5+rng.Float64()*4
			if inside(border, lat, lon) {
				break
			}
		}
	}
	p := person{x: lon * kmPerDegLon, y: lat * kmPerDegLat}

	// Languages by region: Brussels, the east cantons, north or south of
	// the language border (about 50.77°N, west of Voeren).
	brussels := math.Hypot(p.x-4.3528*kmPerDegLon, p.y-50.8466*kmPerDegLat) < 9
	switch {
	case brussels:
		p.langs = fr
		if rng.Float64() < 0.35 {
			p.langs |= nl
		}
	case lon > 5.95 && lat < 50.75:
		p.langs = de
		if rng.Float64() < 0.5 {
			p.langs |= fr
		}
	case lat > 50.77 || lon > 5.7:
		p.langs = nl
		if rng.Float64() < 0.3 {
			p.langs |= fr
		}
	default:
		p.langs = fr
		if rng.Float64() < 0.1 {
			p.langs |= nl
		}
	}
	if rng.Float64() < 0.6 {
		p.langs |= en
	}
	if mentee {
		// Heritage languages: a mentee speaks one; some mentors do too.
		p.langs |= heritage << rng.IntN(6)
	} else if rng.Float64() < 0.15 {
		p.langs |= heritage << rng.IntN(6)
	}
	// A mentee speaks the local language at some level, mostly.
	if mentee && rng.Float64() < 0.1 {
		p.langs &^= nl | fr | de
		p.langs |= heritage << rng.IntN(6)
	}
	for n := 2 + rng.IntN(7); n > 0; {
		b := uint32(1) << rng.IntN(21)
		if p.slots&b == 0 {
			p.slots |= b
			n--
		}
	}
	return p
}

// Round generates the round's problem: rows are mentees, columns mentors
// with their seats, and each allowed pair's score in [0, 1]: 0.5 for
// nearness (1 at 0 km, 0 at the radius), 0.3 for shared slots (saturating
// at 4) and 0.2 for a shared interest drawn per pair (0, 0.5 or 1), so
// that scores carry ties as a round's do. Cost: O(mentees + mentors + the
// pairs within the radius).
func Round(cfg Config) *lap.Sparse {
	radius := cfg.RadiusKm
	if radius == 0 {
		radius = 25
	}
	minShared := max(cfg.MinShared, 1)
	mentees := make([]person, max(cfg.Mentees, 0))
	mentors := make([]person, max(cfg.Mentors, 0))
	for i := range mentees {
		mentees[i] = draw(cfg.Seed, uint64(i)<<1, true)
	}
	for j := range mentors {
		mentors[j] = draw(cfg.Seed, uint64(j)<<1|1, false)
	}

	// Grid of cells of the radius over the mentors.
	cell := func(p person) (int, int) { return int(math.Floor(p.x / radius)), int(math.Floor(p.y / radius)) }
	grid := map[[2]int][]int32{}
	for j, p := range mentors {
		cx, cy := cell(p)
		grid[[2]int{cx, cy}] = append(grid[[2]int{cx, cy}], int32(j))
	}

	b := lap.NewSparseBuilder(len(mentors))
	if cfg.MaxSeats > 1 {
		rng := rand.New(rand.NewPCG(cfg.Seed, math.MaxUint64))
		for j := range mentors {
			b.SetCapacity(j, 1+rng.IntN(cfg.MaxSeats))
		}
	}
	var cols []int
	var scores []float64
	r2 := radius * radius
	for i, m := range mentees {
		cols, scores = cols[:0], scores[:0]
		cx, cy := cell(m)
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for _, j := range grid[[2]int{cx + dx, cy + dy}] {
					o := mentors[j]
					ddx, ddy := o.x-m.x, o.y-m.y
					d2 := ddx*ddx + ddy*ddy
					if d2 > r2 || m.langs&o.langs == 0 {
						continue
					}
					shared := popcount(m.slots & o.slots)
					if shared < minShared {
						continue
					}
					h := (uint64(i)*0x9E3779B97F4A7C15 ^ uint64(j)*0xC2B2AE3D27D4EB4F ^ cfg.Seed) * 0xFF51AFD7ED558CCD
					interest := float64((h>>33)%3) / 2
					s := 0.5*(1-math.Sqrt(d2)/radius) + 0.3*math.Min(float64(shared), 4)/4 + 0.2*interest
					cols = append(cols, int(j))
					scores = append(scores, s)
				}
			}
		}
		b.AddRow(cols, scores)
	}
	g, err := b.Build()
	if err != nil {
		panic("geo: " + err.Error()) // unreachable: every pair is valid
	}
	return g
}

func popcount(x uint32) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}
