package scoring

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"

	"github.com/duomatch/duo/profile"
)

// rowBlock is how many rows a worker takes at a time.
const rowBlock = 8

// Matrix returns the scores of every pair of the pool: a len(mentees) ×
// len(mentors) matrix, rows for mentees and columns for mentors, whose entry
// (i, j) equals s.Pair(&mentees[i], &mentors[j]).Score bit for bit: a
// score in [0, 1], or -Inf for a blocked pair. It is what match.Assign
// solves.
//
// Matrix returns an error, and no matrix, when s is invalid
// ([Scorer.Validate]: errors wrapping [ErrWeights] or [ErrRules]), when
// either pool is empty ([ErrEmptyPool]; what an empty pool means is the
// caller's call), when a profile is malformed (its Validate method fails:
// the error wraps [ErrInvalidProfile] and profile.ErrInvalid and joins every
// problem of every profile, each naming its participant by ID, mentees
// first), or when ctx is done (ctx.Err()). Duplicate IDs are not its
// business; an excluded pair whose IDs are not in the pool is ignored. ctx
// must not be nil.
//
// Matrix validates the profiles on two goroutines while it compiles each
// profile once, then fills rows in small blocks on runtime.GOMAXPROCS(0)
// goroutines (no more than there are rows), all of which have ended when
// Matrix returns; it checks ctx before each row. The value of a cell depends
// only on its pair, so the result is the same whatever the number of cores.
//
// Cost: O(n·m) time with no allocation per pair (a few tens of nanoseconds
// a pair, less for blocked ones; see the README's benchmarks), O(n·m)
// memory for the matrix and O(size of the profiles) for the rest.
func (s Scorer) Matrix(ctx context.Context, mentees []profile.Mentee, mentors []profile.Mentor) (*mat.Dense, error) {
	set, err := s.settings()
	if err != nil {
		return nil, err
	}
	switch {
	case len(mentees) == 0 && len(mentors) == 0:
		return nil, fmt.Errorf("%w: no mentees and no mentors", ErrEmptyPool)
	case len(mentees) == 0:
		return nil, fmt.Errorf("%w: no mentees", ErrEmptyPool)
	case len(mentors) == 0:
		return nil, fmt.Errorf("%w: no mentors", ErrEmptyPool)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Validate while compiling: compiling needs no valid data, and the two
	// together cost about as much as a tenth of the pairs.
	var errMentees, errMentors error
	var vg sync.WaitGroup
	vg.Add(2)
	go func() { defer vg.Done(); errMentees = validateAll(mentees) }()
	go func() { defer vg.Done(); errMentors = validateAll(mentors) }()
	p := compile(set, mentees, mentors)
	vg.Wait()
	if errMentees != nil || errMentors != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidProfile, errors.Join(errMentees, errMentors))
	}
	n, m := len(mentees), len(mentors)
	out := mat.NewDense(n, m, nil)
	raw := out.RawMatrix()

	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64 // the first row not yet taken
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			var e eval
			for !stop.Load() {
				lo := int(next.Add(rowBlock)) - rowBlock
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+rowBlock, n); i++ {
					if ctx.Err() != nil {
						stop.Store(true)
						return
					}
					ag, a := &p.menteeGates[i], &p.mentees[i]
					row := raw.Data[i*raw.Stride : i*raw.Stride+m]
					for j := range row {
						row[j] = p.score(ag, a, &p.mentorGates[j], &p.mentors[j], &e, false)
					}
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.exclude(raw, mentees, mentors)
	return out, nil
}

// exclude sets the cells of the excluded pairs to -Inf.
func (s Scorer) exclude(raw blas64.General, mentees []profile.Mentee, mentors []profile.Mentor) {
	if len(s.Excluded) == 0 {
		return
	}
	rows := map[string][]int{}
	for i := range mentees {
		rows[mentees[i].ID] = append(rows[mentees[i].ID], i)
	}
	cols := map[string][]int{}
	for j := range mentors {
		cols[mentors[j].ID] = append(cols[mentors[j].ID], j)
	}
	for _, x := range s.Excluded {
		for _, i := range rows[x.MenteeID] {
			for _, j := range cols[x.MentorID] {
				raw.Data[i*raw.Stride+j] = math.Inf(-1)
			}
		}
	}
}

// validateAll validates every profile and joins the errors, in order.
func validateAll[T interface{ Validate() error }](people []T) error {
	var errs []error
	for i := range people {
		if err := people[i].Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
