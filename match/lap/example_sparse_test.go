package lap_test

import (
	"context"
	"fmt"

	"github.com/duomatch/duo/match/lap"
)

// Three mentees and two mentors, the second with two seats. Only the
// pairs the rules allow are given; mentee 2 may only meet mentor 0.
func ExampleAssignSparse() {
	b := lap.NewSparseBuilder(2)
	b.SetCapacity(1, 2)
	b.AddRow([]int{0, 1}, []float64{0.9, 0.8}) // mentee 0
	b.AddRow([]int{1}, []float64{0.5})         // mentee 1
	b.AddRow([]int{0}, []float64{0.4})         // mentee 2
	g, err := b.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := lap.AssignSparse(context.Background(), g)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range a.Pairs {
		fmt.Printf("mentee %d - mentor %d (%.1f)\n", p.Row, p.Col, p.Score)
	}
	fmt.Printf("total %.1f, certificate: %v\n", a.Total, lap.VerifySparse(g, a))
	// Output:
	// mentee 0 - mentor 1 (0.8)
	// mentee 1 - mentor 1 (0.5)
	// mentee 2 - mentor 0 (0.4)
	// total 1.7, certificate: <nil>
}

// A builder reports every problem at once, naming rows and columns but
// never a score.
func ExampleSparseBuilder_Build() {
	b := lap.NewSparseBuilder(2)
	b.AddRow([]int{0, 2}, []float64{1, 1})
	b.AddRow([]int{1, 1}, []float64{1, 1})
	_, err := b.Build()
	fmt.Println(err)
	// Output:
	// lap: invalid sparse problem: row 0, pair 1: column 2 out of range (the problem has 2 columns)
	// lap: invalid sparse problem: row 1, pair 1: column 1 given twice
}
