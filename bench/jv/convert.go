package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// costMatrix turns m, duo's input (scores to maximise, any shape,
// math.Inf(-1) for a forbidden pair), into what a square-only
// Jonker–Volgenant code that minimises a cost and knows no forbidden pair
// needs: an n×n cost matrix, row-major, n = max(rows, cols), with
//
//   - an allowed pair's cost smax - score, smax the largest allowed score,
//     so that the least total cost is the largest total score and every
//     cost is in [0, span], span = smax - smin;
//   - a forbidden pair's cost big = (min(rows, cols)+1)·(span+1), more than
//     any min(rows, cols) allowed pairs cost together, so that one more
//     allowed pair always wins (the rule of vs_scipy.py's reference);
//   - the padding rows or columns of a rectangular m at cost 0, what a
//     user of a square-only code must add; every column (for rows >= cols)
//     or row (otherwise) of m is then matched to a row or column of m, so
//     the number of forbidden pairs used, and the allowed pairs' total, are
//     what the minimum chooses.
//
// All costs are in [0, big], which the gatagat code needs (it uses 10^6 as
// infinity): big is 4 002 for 2 000 × 2 000 scores in [0, 1].
func costMatrix(m *mat.Dense) (cost []float64, n int) {
	r, c := m.Dims()
	n = max(r, c)
	smin, smax := math.Inf(1), math.Inf(-1)
	for i := range r {
		for j := range c {
			if v := m.At(i, j); !math.IsInf(v, -1) {
				smin, smax = min(smin, v), max(smax, v)
			}
		}
	}
	if smin > smax { // nothing allowed
		smin, smax = 0, 0
	}
	big := float64(min(r, c)+1) * (smax - smin + 1)
	cost = make([]float64, n*n)
	for i := range r {
		for j := range c {
			if v := m.At(i, j); math.IsInf(v, -1) {
				cost[i*n+j] = big
			} else {
				cost[i*n+j] = smax - v
			}
		}
	}
	return cost, n
}

// fromRowsol maps a solution of costMatrix(m), rowsol[i] the column of
// row i, back to m: it keeps the pairs of a row and a column of m that
// are allowed, and returns their number and their total score, added in
// row order as lap.Assign adds its pairs. It rejects a rowsol that is not
// a permutation of the n columns.
func fromRowsol(m *mat.Dense, rowsol []int) (pairs int, total float64, err error) {
	r, c := m.Dims()
	n := max(r, c)
	if len(rowsol) != n {
		return 0, 0, fmt.Errorf("solution has %d rows, want %d", len(rowsol), n)
	}
	seen := make([]bool, n)
	for i, j := range rowsol {
		if j < 0 || j >= n || seen[j] {
			return 0, 0, fmt.Errorf("solution: row %d has column %d, out of range or used twice", i, j)
		}
		seen[j] = true
		if i < r && j < c {
			if v := m.At(i, j); !math.IsInf(v, -1) {
				pairs++
				total += v
			}
		}
	}
	return pairs, total, nil
}
