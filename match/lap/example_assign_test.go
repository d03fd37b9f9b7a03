package lap_test

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/duomatch/duo/match/lap"
	"gonum.org/v1/gonum/mat"
)

// A 3×3 matrix in which row 2 may not be paired with column 0: that entry
// is forbidden.
func ExampleAssign() {
	scores := mat.NewDense(3, 3, []float64{
		0.9, 0.8, 0.1,
		0.7, 0.2, 0.6,
		math.Inf(-1), 0.75, 0.3,
	})
	a, err := lap.Assign(context.Background(), scores)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range a.Pairs {
		fmt.Printf("row %d - column %d: %.2f\n", p.Row, p.Col, p.Score)
	}
	fmt.Printf("total %.2f\n", a.Total)
	// Output:
	// row 0 - column 0: 0.90
	// row 1 - column 2: 0.60
	// row 2 - column 1: 0.75
	// total 2.25
}

// More rows than columns, and a row whose entries are all forbidden: the
// largest number of pairs comes first, then the largest total.
func ExampleAssign_unmatched() {
	no := math.Inf(-1)
	scores := mat.NewDense(3, 2, []float64{
		5, 1,
		no, no,
		4, no,
	})
	a, err := lap.Assign(context.Background(), scores)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range a.Pairs {
		fmt.Printf("row %d - column %d: %.0f\n", p.Row, p.Col, p.Score)
	}
	fmt.Printf("%d pairs, total %.0f\n", len(a.Pairs), a.Total)
	// Output:
	// row 0 - column 1: 1
	// row 2 - column 0: 4
	// 2 pairs, total 5
}

// Verify checks an assignment against the matrix from scratch, using the
// certificate that Assign returns; a tampered assignment fails.
func ExampleVerify() {
	scores := mat.NewDense(2, 2, []float64{
		3, 1,
		1, 3,
	})
	a, err := lap.Assign(context.Background(), scores)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("optimal:", lap.Verify(scores, a))

	// Swap the columns: a valid assignment, but not an optimal one.
	a.Pairs = []lap.Pair{{Row: 0, Col: 1, Score: 1}, {Row: 1, Col: 0, Score: 1}}
	a.Total = 2
	err = lap.Verify(scores, a)
	fmt.Println("swapped is not optimal:", errors.Is(err, lap.ErrNotOptimal))
	// Output:
	// optimal: <nil>
	// swapped is not optimal: true
}

// lowRank is a matrix computed on the fly, an outer product u·vᵀ, with
// -Inf where the product is negative. It implements lap.RowReader, so
// that the solver reads it a row at a time into its one working copy.
type lowRank struct{ u, v []float64 }

func (m lowRank) Dims() (int, int)    { return len(m.u), len(m.v) }
func (m lowRank) At(i, j int) float64 { return forbidNegative(m.u[i] * m.v[j]) }
func (m lowRank) T() mat.Matrix       { return mat.Transpose{Matrix: m} }
func (m lowRank) ReadRow(i int, dst []float64) {
	for j, x := range m.v {
		dst[j] = forbidNegative(m.u[i] * x)
	}
}

func forbidNegative(x float64) float64 {
	if x < 0 {
		return math.Inf(-1)
	}
	return x
}

// A Workspace keeps the working copy between solves; a matrix computed
// on the fly hands its rows over with ReadRow. After the last solve,
// Release gives the buffer back to the caller.
func ExampleWorkspace() {
	var ws lap.Workspace
	for _, m := range []lowRank{
		{u: []float64{1, 2, 3}, v: []float64{3, 1, -1}},
		{u: []float64{2, -1, 1}, v: []float64{1, 2, 3}},
	} {
		a, err := ws.Assign(context.Background(), m)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d pairs, total %.0f\n", len(a.Pairs), a.Total)
	}
	buf := ws.Release()
	fmt.Println("buffer holds a 3×3 copy:", len(buf) >= 9)
	// Output:
	// 2 pairs, total 11
	// 2 pairs, total 8
	// buffer holds a 3×3 copy: true
}
