package scoring

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sync/atomic"

	"github.com/duomatch/duo/internal/par"
)

// candRows is how many rows one block of [Candidates] holds: a worker
// fills a block at a time, and the blocks are kept as they are rather than
// copied into one array, so that building never holds the pairs twice.
const candRows = 64

// Candidates are the allowed pairs of a pool and their scores, row by row:
// for each mentee (row) the mentors (columns) of the pairs that no hard
// rule and no exclusion blocks, in increasing column order, each with its
// score. It is the sparse form of [Pool.Matrix]: pair (i, j) is listed
// exactly when the matrix's cell (i, j) is not -Inf, with that cell's
// score bit for bit. [Pool.Candidates] makes one; it is immutable.
//
// Storage is compressed sparse rows in blocks of 64 rows: per allowed pair
// a 4-byte column index and an 8-byte score (12 bytes), plus 4 bytes per
// row; nothing per blocked pair.
type Candidates struct {
	rows, cols int
	pairs      int
	blocks     []candBlock
}

// candBlock holds rows [k·candRows, (k+1)·candRows) of a Candidates: row
// lo+r's pairs are col[start[r]:start[r+1]] and score[start[r]:start[r+1]].
type candBlock struct {
	start []int32
	col   []int32
	score []float64
}

// Dims returns the number of rows (mentees) and columns (mentors).
func (c *Candidates) Dims() (rows, cols int) { return c.rows, c.cols }

// Len returns the number of allowed pairs.
func (c *Candidates) Len() int { return c.pairs }

// Row returns the allowed pairs of mentee i: their mentors' indices in
// increasing order and their scores. The slices alias c and must not be
// modified. Row panics if i is out of range, like a slice index.
//
// Cost: O(1).
func (c *Candidates) Row(i int) (cols []int32, scores []float64) {
	if i < 0 || i >= c.rows {
		panic("scoring: Candidates.Row: row out of range")
	}
	b := &c.blocks[i/candRows]
	r := i % candRows
	lo, hi := b.start[r], b.start[r+1]
	return b.col[lo:hi:hi], b.score[lo:hi:hi]
}

// At returns the score of pair (i, j): its score when the pair is allowed,
// -Inf otherwise, as the cell (i, j) of [Pool.Matrix]. It panics if i is
// out of range.
//
// Cost: O(log of the row's pairs).
func (c *Candidates) At(i, j int) float64 {
	cols, scores := c.Row(i)
	if k, ok := slices.BinarySearch(cols, int32(j)); ok {
		return scores[k]
	}
	return math.Inf(-1)
}

// Candidates returns the pairs of the pool that no hard rule blocks and
// that were not marked with [Pool.Exclude], with their scores: the cells
// of [Pool.Matrix] that are not -Inf, bit for bit, without visiting the
// others where the rules make that possible.
//
// Only the mentors that the place rules can allow are visited for each
// mentee: with the distance rule on, those whose homes lie in the 27 cells
// around the mentee's of a grid over the unit sphere whose cells are as
// wide as the rule's chord (a pair within the limit is at most one cell
// apart on each axis; the exact great-circle check follows), and those of
// the same municipality where a side has no coordinates; with SameCity,
// those of the same municipality. The other rules (weekly slots and
// languages as bit sets, gender wishes) are checked first on each visited
// pair, as in Matrix, and only pairs they allow are scored.
//
// limit bounds the work and the memory: when more than limit pairs are
// allowed (limit > 0), Candidates stops soon after it has found them
// (within a row per goroutine) and returns an error wrapping
// [ErrTooManyPairs]; 0 or less means no limit.
//
// Rows are filled in blocks on runtime.GOMAXPROCS(0) goroutines, all of
// which have ended when Candidates returns; it checks ctx before each row
// and returns ctx.Err() when ctx is done. The result does not depend on
// the number of cores nor on any map's order. ctx must not be nil.
//
// Cost: O(n + m) to index the mentors, then per mentee O(visited mentors
// · log) time; memory 12 bytes per allowed pair plus O(n + m).
func (p *Pool) Candidates(ctx context.Context, limit int) (*Candidates, error) {
	q := p.p
	n, m := len(p.mentees), len(p.mentors)
	ix := newCandIndex(q)
	ix.prepare(q.menteeGates)
	excl := p.excludedByRow()
	out := &Candidates{rows: n, cols: m, blocks: make([]candBlock, (n+candRows-1)/candRows)}

	var over atomic.Bool
	var found atomic.Int64 // pairs found so far
	par.Do(len(out.blocks), func(k int, sc *scratch) bool {
		b := &out.blocks[k]
		// The block's pairs go to the goroutine's scratch, then are
		// copied at their size: no block grows by appending.
		sc.cols, sc.scores = sc.cols[:0], sc.scores[:0]
		lo, hi := k*candRows, min((k+1)*candRows, n)
		b.start = make([]int32, 0, hi-lo+1)
		b.start = append(b.start, 0)
		for i := lo; i < hi; i++ {
			if !live(ctx) {
				return false
			}
			ag, a := &q.menteeGates[i], &q.mentees[i]
			visit := ix.visit(ag, &sc.buf)
			var ex []int32
			if excl != nil {
				ex = excl[i]
			}
			for _, j := range visit {
				if len(ex) > 0 && ex[0] <= j {
					for len(ex) > 0 && ex[0] < j {
						ex = ex[1:]
					}
					if len(ex) > 0 && ex[0] == j {
						continue
					}
				}
				if s := q.score(ag, a, &q.mentorGates[j], &q.mentors[j], &sc.e, false); !math.IsInf(s, -1) {
					sc.cols = append(sc.cols, j)
					sc.scores = append(sc.scores, s)
				}
			}
			b.start = append(b.start, int32(len(sc.cols)))
			if row := int64(b.start[len(b.start)-1] - b.start[len(b.start)-2]); limit > 0 && found.Add(row) > int64(limit) {
				over.Store(true)
				return false
			}
		}
		b.col = slices.Clone(sc.cols)
		b.score = slices.Clone(sc.scores)
		return true
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if over.Load() {
		return nil, fmt.Errorf("%w: more than %d allowed pairs", ErrTooManyPairs, limit)
	}
	for k := range out.blocks {
		out.pairs += len(out.blocks[k].col)
	}
	return out, nil
}

// excludedByRow returns, per mentee, the mentors of its excluded pairs in
// increasing order (nil for a pool without exclusions).
func (p *Pool) excludedByRow() [][]int32 {
	if len(p.excluded) == 0 {
		return nil
	}
	out := make([][]int32, len(p.mentees))
	for c := range p.excluded {
		out[c[0]] = append(out[c[0]], int32(c[1]))
	}
	for i := range out {
		slices.Sort(out[i])
	}
	return out
}
