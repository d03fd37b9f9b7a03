package lap_test

import (
	"context"
	"fmt"

	"github.com/duomatch/duo/match/lap"
)

// exampleSparse is a problem of three rows and two columns, column 0 with
// two seats: rows 0 and 1 take column 0 and row 2 column 1 (total 14).
func exampleSparse() *lap.Sparse {
	b := lap.NewSparseBuilder(2)
	b.SetCapacity(0, 2)
	b.AddRow([]int{0, 1}, []float64{5, 4})
	b.AddRow([]int{0}, []float64{4})
	b.AddRow([]int{0, 1}, []float64{3, 5})
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g
}

// Forcing row 0 onto column 1 of a sparse problem moves row 2 to the
// second seat of column 0 and costs 3.
func ExampleNewSparseResidual() {
	ctx := context.Background()
	g := exampleSparse()
	a, err := lap.AssignSparse(ctx, g)
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := lap.NewSparseResidual(ctx, g, &a)
	if err != nil {
		fmt.Println(err)
		return
	}
	cost, ok, err := res.ForceCost(ctx, 0, 1)
	if err != nil || !ok {
		fmt.Println(ok, err)
		return
	}
	fmt.Printf("optimum %.0f; forcing (0, 1) loses %d pairs and %.0f\n", a.Total, cost.N, cost.X)
	// Output:
	// optimum 14; forcing (0, 1) loses 0 pairs and 3
}

// Adding a column that rows 0 and 1 may take (scores 6 and 5) to the
// sparse problem gains 1: one of them moves to it.
func ExampleSparseGrowth_AddCol() {
	g := exampleSparse()
	a, err := lap.AssignSparse(context.Background(), g)
	if err != nil {
		fmt.Println(err)
		return
	}
	gr, err := lap.NewSparseGrowth(g, a)
	if err != nil {
		fmt.Println(err)
		return
	}
	gain := gr.AddCol([]int{0, 1}, []float64{6, 5})
	fmt.Printf("gain: %d pairs and %.0f; %d rows moved\n", gain.N, gain.X, len(gr.LastMoves()))
	// Output:
	// gain: 0 pairs and 1; 1 rows moved
}
