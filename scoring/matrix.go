package scoring

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

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
	p, err := s.Compile(ctx, mentees, mentors)
	if err != nil {
		return nil, err
	}
	return p.Matrix(ctx)
}

// Pool is a pool of mentees and mentors compiled once under a Scorer, for
// scoring and explaining many of its pairs: [Scorer.Compile] makes one.
// Its Matrix is the Scorer's, and its Pair(i, j) equals
// Scorer.Pair(&mentees[i], &mentors[j]) with the Score bit for bit, without
// parsing the two profiles again. A Pool refers to the slices it was
// compiled from: do not change them while it is in use. It is safe for
// concurrent use.
type Pool struct {
	s        Scorer
	p        *pool
	mentees  []profile.Mentee
	mentors  []profile.Mentor
	excluded map[[2]int]bool
}

// Compile checks s and the pools and compiles every profile once.
//
// Errors: those of [Scorer.Validate] (wrapping [ErrWeights] or [ErrRules]);
// [ErrEmptyPool] when either pool is empty; an error wrapping
// [ErrInvalidProfile] and profile.ErrInvalid that joins every problem of
// every profile, each naming its participant by ID; ctx.Err().
//
// Cost: O(size of the profiles), one parse of each distinct language tag.
func (s Scorer) Compile(ctx context.Context, mentees []profile.Mentee, mentors []profile.Mentor) (*Pool, error) {
	if s.IsZero() {
		s = Default()
	}
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
	return &Pool{s: s, p: p, mentees: mentees, mentors: mentors, excluded: s.excludedCells(mentees, mentors)}, nil
}

// Size returns the number of mentees (rows) and mentors (columns).
func (p *Pool) Size() (mentees, mentors int) { return len(p.mentees), len(p.mentors) }

// Pair scores and explains the pair of mentee i and mentor j, as
// [Scorer.Pair] does; it panics if i or j is out of range, like a slice
// index.
//
// Cost: O(size of the two profiles), with no parsing.
func (p *Pool) Pair(i, j int) Result {
	var e eval
	q := p.p
	score := q.score(&q.menteeGates[i], &q.mentees[i], &q.mentorGates[j], &q.mentors[j], &e, true)
	if p.excluded[[2]int{i, j}] {
		e.blocked |= blockExcluded
		score = math.Inf(-1)
	}
	return Result{Score: score, Blocked: q.reasons(&e), Parts: q.parts(&q.menteeGates[i], &q.mentees[i], &q.mentorGates[j], &e, &p.mentors[j])}
}

// Blocked returns the hard rules that block the pair of mentee i and mentor
// j, in the order of [Scorer.Pair], or nil when the pair is allowed. It is
// Pair(i, j).Blocked without the explanation of the criteria.
//
// Cost: O(size of the two profiles).
func (p *Pool) Blocked(i, j int) []Reason {
	var e eval
	q := p.p
	q.score(&q.menteeGates[i], &q.mentees[i], &q.mentorGates[j], &q.mentors[j], &e, true)
	if p.excluded[[2]int{i, j}] {
		e.blocked |= blockExcluded
	}
	if e.blocked == 0 {
		return nil
	}
	return q.reasons(&e)
}

// Matrix returns the scores of every pair: see [Scorer.Matrix].
//
// Cost: O(n·m) time with no allocation per pair, O(n·m) memory.
func (p *Pool) Matrix(ctx context.Context) (*mat.Dense, error) {
	q := p.p
	n, m := len(p.mentees), len(p.mentors)
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
					ag, a := &q.menteeGates[i], &q.mentees[i]
					row := raw.Data[i*raw.Stride : i*raw.Stride+m]
					for j := range row {
						row[j] = q.score(ag, a, &q.mentorGates[j], &q.mentors[j], &e, false)
					}
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for c := range p.excluded {
		raw.Data[c[0]*raw.Stride+c[1]] = math.Inf(-1)
	}
	return out, nil
}

// excludedCells returns the cells (mentee index, mentor index) of the
// excluded pairs; IDs that occur more than once exclude every cell they name.
func (s Scorer) excludedCells(mentees []profile.Mentee, mentors []profile.Mentor) map[[2]int]bool {
	if len(s.Excluded) == 0 {
		return nil
	}
	rows := map[string][]int{}
	for i := range mentees {
		rows[mentees[i].ID] = append(rows[mentees[i].ID], i)
	}
	cols := map[string][]int{}
	for j := range mentors {
		cols[mentors[j].ID] = append(cols[mentors[j].ID], j)
	}
	out := map[[2]int]bool{}
	for _, x := range s.Excluded {
		for _, i := range rows[x.MenteeID] {
			for _, j := range cols[x.MentorID] {
				out[[2]int{i, j}] = true
			}
		}
	}
	return out
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
