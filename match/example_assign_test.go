package match_test

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/duomatch/duo/match"
	"gonum.org/v1/gonum/mat"
)

// Three mentees (rows) and three mentors (columns). Mentee 2 may not be
// paired with mentor 0: that entry is forbidden.
func ExampleAssign() {
	scores := mat.NewDense(3, 3, []float64{
		0.9, 0.8, 0.1,
		0.7, 0.2, 0.6,
		math.Inf(-1), 0.75, 0.3,
	})
	a, err := match.Assign(context.Background(), scores)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range a.Pairs {
		fmt.Printf("mentee %d - mentor %d: %.2f\n", p.Row, p.Col, p.Score)
	}
	fmt.Printf("total %.2f\n", a.Total)
	// Output:
	// mentee 0 - mentor 0: 0.90
	// mentee 1 - mentor 2: 0.60
	// mentee 2 - mentor 1: 0.75
	// total 2.25
}

// More mentees than mentors, and one mentee nobody may mentor: the largest
// number of pairs comes first, then the largest total.
func ExampleAssign_unmatched() {
	no := math.Inf(-1)
	scores := mat.NewDense(3, 2, []float64{
		5, 1,
		no, no,
		4, no,
	})
	a, err := match.Assign(context.Background(), scores)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range a.Pairs {
		fmt.Printf("mentee %d - mentor %d: %.0f\n", p.Row, p.Col, p.Score)
	}
	fmt.Printf("%d pairs, total %.0f\n", len(a.Pairs), a.Total)
	// Output:
	// mentee 0 - mentor 1: 1
	// mentee 2 - mentor 0: 4
	// 2 pairs, total 5
}

// Verify checks an assignment against the matrix from scratch, using the
// certificate that Assign returns; a tampered assignment fails.
func ExampleVerify() {
	scores := mat.NewDense(2, 2, []float64{
		3, 1,
		1, 3,
	})
	a, err := match.Assign(context.Background(), scores)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("optimal:", match.Verify(scores, a))

	// Swap the mentors: a valid assignment, but not an optimal one.
	a.Pairs = []match.Pair{{Row: 0, Col: 1, Score: 1}, {Row: 1, Col: 0, Score: 1}}
	a.Total = 2
	err = match.Verify(scores, a)
	fmt.Println("swapped is not optimal:", errors.Is(err, match.ErrNotOptimal))
	// Output:
	// optimal: <nil>
	// swapped is not optimal: true
}
