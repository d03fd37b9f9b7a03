package scoring

import (
	"math"
	"slices"
)

// candIndex finds, for a mentee, the mentors that the place rules may
// allow: a superset of the allowed pairs' mentors, never missing one, that
// pool.score then checks exactly.
type candIndex struct {
	// every lists all mentors, for rules that prune nothing by place.
	every []int32
	// byCity lists the mentors of each locality (gate.city), and noGeo
	// those of them without coordinates.
	byCity, noGeo [][]int32
	// sameCity: only mentors of the mentee's locality can pass. geo: the
	// distance rule is on without SameCity, so that mentors with
	// coordinates are found through the grid.
	sameCity, geo bool
	// cell is the grid's side on the unit sphere, grid the mentors with
	// coordinates by cell, wild those whose coordinates are not finite
	// (pool.score's check passes them), allGeo every mentor with
	// coordinates.
	cell         float64
	grid         map[[3]int32][]int32
	wild, allGeo []int32
	// near holds, for each cell that holds a mentee, the mentors with
	// coordinates in its 27 neighbouring cells and the wild ones, merged
	// in increasing order: the mentees of one cell share it.
	near map[[3]int32][]int32
}

// minCell bounds the grid's side from below, so that cell indices stay
// small whatever the limit; a cell wider than the limit is still correct.
const minCell = 1e-6

// newCandIndex indexes the mentors of q under its rules. Mentors are added
// in index order, so every list is increasing.
//
// Cost: O(mentors + localities).
func newCandIndex(q *pool) *candIndex {
	s := q.set
	ix := &candIndex{sameCity: s.sameCity, geo: s.limit && !s.sameCity}
	m := len(q.mentorGates)
	if !s.limit && !s.sameCity {
		ix.every = make([]int32, m)
		for j := range ix.every {
			ix.every[j] = int32(j)
		}
		return ix
	}
	ix.byCity = make([][]int32, len(q.places)+1)
	if ix.geo {
		ix.noGeo = make([][]int32, len(q.places)+1)
		ix.grid = map[[3]int32][]int32{}
		ix.near = map[[3]int32][]int32{}
		// The chord of the limit, or 4 (more than any chord: one cell
		// per axis sign) when the limit spans half the Earth or more.
		ix.cell = min(max(math.Sqrt(s.maxChord2), minCell), 4)
	}
	for j := range q.mentorGates {
		g := &q.mentorGates[j]
		ix.byCity[g.city] = append(ix.byCity[g.city], int32(j))
		if !ix.geo {
			continue
		}
		if g.avail&geoBit == 0 {
			ix.noGeo[g.city] = append(ix.noGeo[g.city], int32(j))
			continue
		}
		ix.allGeo = append(ix.allGeo, int32(j))
		if key, ok := ix.key(&g.geo); ok {
			ix.grid[key] = append(ix.grid[key], int32(j))
		} else {
			ix.wild = append(ix.wild, int32(j))
		}
	}
	return ix
}

// key returns the grid cell of a point, or false when a coordinate is not
// finite.
func (ix *candIndex) key(v *[3]float64) ([3]int32, bool) {
	var k [3]int32
	for d, x := range v {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return k, false
		}
		k[d] = int32(math.Floor(x / ix.cell))
	}
	return k, true
}

// visit returns the mentors that the place rules may allow with the
// mentee of gate ag, in increasing order: a list of the index (not to be
// modified), or one built in *buf, which it keeps for the next call.
//
// The distance rule (pool.score) passes a pair with coordinates on both
// sides when their chord is at most the limit's, so at most one cell apart
// on each axis, and a pair without coordinates on a side only in the same
// (known) locality; SameCity passes only the same known locality.
func (ix *candIndex) visit(ag *gate, scratch *[]int32) []int32 {
	switch {
	case ix.every != nil:
		return ix.every
	case ix.sameCity || ag.avail&geoBit == 0:
		if ag.city == 0 {
			return nil
		}
		return ix.byCity[ag.city]
	}
	buf := (*scratch)[:0]
	var geo []int32
	if key, ok := ix.key(&ag.geo); ok {
		geo = ix.near[key]
	} else {
		geo = ix.allGeo
	}
	if ag.city == 0 || len(ix.noGeo[ag.city]) == 0 {
		return geo
	}
	buf = mergeSorted(buf, geo, ix.noGeo[ag.city])
	*scratch = buf
	return buf
}

// prepare fills ix.near for the cells of the mentees' homes, so that
// visit only reads the index (and goroutines may share it).
//
// Cost: O(27 × mentors near each occupied cell · log).
func (ix *candIndex) prepare(mentees []gate) {
	if !ix.geo || ix.sameCity {
		return
	}
	for i := range mentees {
		g := &mentees[i]
		if g.avail&geoBit == 0 {
			continue
		}
		key, ok := ix.key(&g.geo)
		if !ok {
			continue
		}
		if _, done := ix.near[key]; done {
			continue
		}
		list := slices.Clone(ix.wild)
		for dx := int32(-1); dx <= 1; dx++ {
			for dy := int32(-1); dy <= 1; dy++ {
				for dz := int32(-1); dz <= 1; dz++ {
					list = append(list, ix.grid[[3]int32{key[0] + dx, key[1] + dy, key[2] + dz}]...)
				}
			}
		}
		slices.Sort(list)
		ix.near[key] = slices.Clip(list)
	}
}

// mergeSorted appends the merge of the increasing lists a and b (which
// share no element) to dst.
func mergeSorted(dst, a, b []int32) []int32 {
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			dst, a = append(dst, a[0]), a[1:]
		} else {
			dst, b = append(dst, b[0]), b[1:]
		}
	}
	dst = append(dst, a...)
	return append(dst, b...)
}
