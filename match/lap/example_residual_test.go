package lap_test

import (
	"context"
	"fmt"

	"github.com/duomatch/duo/match/lap"
	"gonum.org/v1/gonum/mat"
)

// ForceCost prices overruling the optimum: here row 0 is best with column
// 0; forcing it onto column 1 moves row 1 to column 0 and costs 3.
func ExampleResidual_ForceCost() {
	w := []float64{
		5, 4,
		3, 5,
	}
	ctx := context.Background()
	a, err := lap.Assign(ctx, mat.NewDense(2, 2, w))
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := lap.NewResidual(ctx, w, 2, 2, &a)
	if err != nil {
		fmt.Println(err)
		return
	}
	cost, ok, err := g.ForceCost(ctx, 0, 1)
	if err != nil || !ok {
		fmt.Println(ok, err)
		return
	}
	fmt.Printf("optimum %.0f; forcing (0, 1) loses %d pairs and %.0f\n", a.Total, cost.N, cost.X)
	// Output:
	// optimum 10; forcing (0, 1) loses 0 pairs and 3
}

// grown is a matrix that grows, read out through lap.Lines.
type grown [][]float64

func (m grown) ReadRow(i int, dst []float64) { copy(dst, m[i]) }
func (m grown) ReadCol(j int, dst []float64) {
	for i := range dst {
		dst[i] = m[i][j]
	}
}

// A Growth values a new column without solving again: two rows compete
// for one column; a second column brings one more pair, and row 0 moves
// to it (2 + 3 beats 4 + 0).
func ExampleGrowth() {
	m := grown{{4}, {3}}
	a, err := lap.Assign(context.Background(), mat.NewDense(2, 1, []float64{4, 3}))
	if err != nil {
		fmt.Println(err)
		return
	}
	g := lap.NewGrowth(a, 2, 1)
	m[0], m[1] = append(m[0], 2), append(m[1], 0)
	gain := g.AddCol(m)
	fmt.Printf("gain: %d pair, %.0f; row 0 on column %d, row 1 on column %d\n", gain.N, gain.X, g.RowMate(0), g.RowMate(1))
	// Output:
	// gain: 1 pair, 1; row 0 on column 1, row 1 on column 0
}
