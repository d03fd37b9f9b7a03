package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// kinds are the matrix kinds of ../shared/bench/vs_scipy.py, with the same
// distributions (not the same numbers: the generator is Go's PCG seeded
// with seed*1000003+n, where vs_scipy.py uses numpy's default_rng).
var kinds = map[string]func(rng *rand.Rand, n int) *mat.Dense{
	// uniform: scores uniform in [0, 1).
	"uniform": func(rng *rand.Rand, n int) *mat.Dense { return fill(n, n, rng.Float64) },
	// ties: uniform scores rounded to 2 decimals, so many are equal.
	"ties": func(rng *rand.Rand, n int) *mat.Dense {
		return fill(n, n, func() float64 { return math.Round(rng.Float64()*100) / 100 })
	},
	// int: integers 0..100.
	"int": func(rng *rand.Rand, n int) *mat.Dense {
		return fill(n, n, func() float64 { return float64(rng.IntN(101)) })
	},
	// forbidden: uniform scores, then each pair forbidden (-Inf) with
	// probability 0.3, drawn after all the scores as numpy does.
	"forbidden": func(rng *rand.Rand, n int) *mat.Dense {
		m := fill(n, n, rng.Float64)
		raw := m.RawMatrix().Data
		for k := range raw {
			if rng.Float64() < 0.3 {
				raw[k] = math.Inf(-1)
			}
		}
		return m
	},
	// rect: n rows, n/2 columns, uniform scores.
	"rect": func(rng *rand.Rand, n int) *mat.Dense { return fill(n, max(1, n/2), rng.Float64) },
	// wide: n/2 rows, n columns, uniform scores.
	"wide": func(rng *rand.Rand, n int) *mat.Dense { return fill(max(1, n/2), n, rng.Float64) },
}

// kindOrder is the order of the table's rows, as in the README's SciPy table.
var kindOrder = []string{"uniform", "ties", "int", "forbidden", "rect", "wide"}

// generate returns the kind's matrix of size n for seed, the same on
// every run and machine.
func generate(kind string, n int, seed uint64) (*mat.Dense, error) {
	if err := checkKinds([]string{kind}); err != nil {
		return nil, err
	}
	if n < 1 {
		return nil, fmt.Errorf("size %d: want at least 1", n)
	}
	s := seed*1000003 + uint64(n)
	return kinds[kind](rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15)), n), nil
}

// fill returns an r×c matrix of next's values in row-major order.
func fill(r, c int, next func() float64) *mat.Dense {
	data := make([]float64, r*c)
	for k := range data {
		data[k] = next()
	}
	return mat.NewDense(r, c, data)
}

// checkKinds rejects a kind the harness does not know, before any work.
func checkKinds(list []string) error {
	for _, k := range list {
		if !slices.Contains(kindOrder, k) {
			return fmt.Errorf("kind %q: want one of %s", k, strings.Join(kindOrder, ", "))
		}
	}
	return nil
}
