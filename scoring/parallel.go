package scoring

import "context"

// scratch is what one goroutine of par.Do keeps from block to block.
type scratch struct {
	e      eval
	buf    []int32 // candIndex.visit's
	cols   []int32 // a block of candidates before it is copied
	scores []float64
}

// live reports whether ctx is not done: work's check before each row.
func live(ctx context.Context) bool { return ctx.Err() == nil }
