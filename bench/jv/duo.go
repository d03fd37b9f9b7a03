package main

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/duomatch/duo/match/lap"
	"gonum.org/v1/gonum/mat"
)

// solveDuo is the duo child: it reads the scores, makes one untimed call
// of lap.Assign (the warm-up, as jv_solve does), then times reps calls,
// each alone, and prints the times (line 1) and the pairs and
// total of the last solve (line 2). Every result is checked (no row or
// column twice, no forbidden pair, the total recomputed) and the last one's
// certificate verified with lap.Verify, outside the timed calls.
func solveDuo(file string, reps int) error {
	m, err := readScores(file)
	if err != nil {
		return err
	}
	a, err := lap.Assign(context.Background(), m)
	if err != nil {
		return err
	}
	for k := range reps {
		t0 := time.Now()
		a, err = lap.Assign(context.Background(), m)
		secs := time.Since(t0).Seconds()
		if err != nil {
			return err
		}
		if k > 0 {
			fmt.Print(" ")
		}
		fmt.Printf("%.9f", secs)
	}
	fmt.Println()
	total, err := checkPairs(m, a)
	if err != nil {
		return err
	}
	if err := lap.Verify(m, a); err != nil {
		return err
	}
	fmt.Printf("%d %.17g\n", len(a.Pairs), total)
	return nil
}

// checkPairs recomputes the total of a's pairs from m and rejects a pair
// out of range, a row or column used twice, or a forbidden pair.
func checkPairs(m *mat.Dense, a lap.Assignment) (float64, error) {
	r, c := m.Dims()
	rows, cols := make([]bool, r), make([]bool, c)
	var total float64
	for _, p := range a.Pairs {
		if p.Row < 0 || p.Row >= r || p.Col < 0 || p.Col >= c || rows[p.Row] || cols[p.Col] {
			return 0, fmt.Errorf("pair (%d,%d) out of range or reusing a row or column", p.Row, p.Col)
		}
		rows[p.Row], cols[p.Col] = true, true
		v := m.At(p.Row, p.Col)
		if math.IsInf(v, -1) {
			return 0, fmt.Errorf("pair (%d,%d) is forbidden", p.Row, p.Col)
		}
		total += v
	}
	return total, nil
}
