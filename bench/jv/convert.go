package main

import (
	"fmt"
	"math"
	"slices"

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
//   - a rectangular m padded with zero-cost dummy rows, what a user of a
//     square-only code must do (the Python package lap's extend_cost pads
//     with zeros too). A matrix with more rows than columns is transposed
//     first (transposed is then true), so that the dummies are rows, never
//     columns: n−c identical dummy columns tie in every row, and on the
//     rect kind the codes took 10 to 35 times longer with them (bench/jv
//     README). Every row of the m side that is not padding is then matched
//     to a real column, so the number of forbidden pairs used, and the
//     allowed pairs' total, are what the minimum chooses.
//
// All costs are in [0, big], which the gatagat code needs (it uses 10^6 as
// infinity): big is 4 002 for 2 000 × 2 000 scores in [0, 1].
func costMatrix(m *mat.Dense) (cost []float64, n int, transposed bool) {
	r, c := m.Dims()
	n = max(r, c)
	transposed = r > c
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
			k := i*n + j
			if transposed {
				k = j*n + i
			}
			if v := m.At(i, j); math.IsInf(v, -1) {
				cost[k] = big
			} else {
				cost[k] = smax - v
			}
		}
	}
	return cost, n, transposed
}

// fromRowsol maps a solution of costMatrix(m), rowsol[i] the column of
// row i, back to m (through the transposition if costMatrix made one): it
// keeps the pairs of a row and a column of m that are allowed, and returns
// their number and their total score. It rejects a rowsol that is not a
// permutation of the n columns.
func fromRowsol(m *mat.Dense, rowsol []int, transposed bool) (pairs int, total float64, err error) {
	r, c := m.Dims()
	n := max(r, c)
	if len(rowsol) != n {
		return 0, 0, fmt.Errorf("solution has %d rows, want %d", len(rowsol), n)
	}
	seen := make([]bool, n)
	type pair struct{ i, j int }
	var got []pair
	for a, b := range rowsol {
		if b < 0 || b >= n || seen[b] {
			return 0, 0, fmt.Errorf("solution: row %d has column %d, out of range or used twice", a, b)
		}
		seen[b] = true
		i, j := a, b
		if transposed {
			i, j = b, a
		}
		if i < r && j < c && !math.IsInf(m.At(i, j), -1) {
			got = append(got, pair{i, j})
		}
	}
	// Add in row order of m, as lap.Assign adds its pairs.
	slices.SortFunc(got, func(x, y pair) int { return x.i - y.i })
	for _, p := range got {
		total += m.At(p.i, p.j)
	}
	return len(got), total, nil
}
