package scoring

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"

	"gonum.org/v1/gonum/mat"

	"github.com/duomatch/duo/internal/par"
	"github.com/duomatch/duo/profile"
)

// rowBlock is how many rows a worker takes at a time.
const rowBlock = 8

// Matrix returns the scores of every pair of the pool: a len(mentees) ×
// len(mentors) matrix, rows for mentees and columns for mentors, whose entry
// (i, j) equals s.Pair(&mentees[i], &mentors[j]).Score bit for bit: a
// score in [0, 1], or -Inf for a blocked pair. It is what lap.Assign
// solves.
//
// Matrix returns an error, and no matrix, when s is invalid
// ([Scorer.Validate]: errors wrapping [ErrWeights] or [ErrRules]), when
// either pool is empty ([ErrEmptyPool]; what an empty pool means is the
// caller's call), when a profile is malformed (its Validate method fails:
// the error wraps [ErrInvalidProfile] and profile.ErrInvalid and joins every
// problem of every profile, each naming its participant by ID, mentees
// first), or when ctx is done (ctx.Err()). Duplicate IDs are not its
// business. It knows no excluded pairs: to exclude some, [Scorer.Compile]
// the pool, [Pool.Exclude] them and take [Pool.Matrix]. ctx must not be
// nil.
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
// parsing the two profiles again, except for the pairs marked with
// [Pool.Exclude]. A Pool refers to the slices it was compiled from: do not
// change them while it is in use. Its methods are safe for concurrent use,
// except Exclude.
type Pool struct {
	p        *pool
	mentees  []profile.Mentee
	mentors  []profile.Mentor
	excluded map[[2]int]struct{} // (mentee index, mentor index)
}

// Compile checks s and the pools and compiles every profile once. The Pool
// has no excluded pairs: mark them with [Pool.Exclude] before taking its
// Matrix.
//
// Errors: those of [Scorer.Validate] (wrapping [ErrWeights] or [ErrRules]);
// [ErrEmptyPool] when either pool is empty; an error wrapping
// [ErrInvalidProfile] and profile.ErrInvalid that joins every problem of
// every profile, each naming its participant by ID; ctx.Err().
//
// Cost: O(size of the profiles), one parse of each distinct language tag.
func (s Scorer) Compile(ctx context.Context, mentees []profile.Mentee, mentors []profile.Mentor) (*Pool, error) {
	return s.compilePool(ctx, mentees, mentors, true)
}

// CompileValidated is [Scorer.Compile] for profiles that the caller has
// already checked, each with its Validate method and [Scorer.CheckHome],
// as match.Propose does: it does not check them a second time, so a round
// validates each profile once. Given profiles that are not valid it still
// neither fails nor panics: values it cannot use count as absent, as in
// [Scorer.Pair], and a home that does not resolve blocks every pair by the
// place rules. Errors: those of Compile but ErrInvalidProfile.
//
// Cost: that of Compile, less the validation.
func (s Scorer) CompileValidated(ctx context.Context, mentees []profile.Mentee, mentors []profile.Mentor) (*Pool, error) {
	return s.compilePool(ctx, mentees, mentors, false)
}

// compilePool compiles the pool, validating the profiles and their homes
// when validate is set.
func (s Scorer) compilePool(ctx context.Context, mentees []profile.Mentee, mentors []profile.Mentor, validate bool) (*Pool, error) {
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
	if validate {
		vg.Add(2)
		go func() { defer vg.Done(); errMentees = validateAll(mentees) }()
		go func() { defer vg.Done(); errMentors = validateAll(mentors) }()
	}
	p := compile(set, mentees, mentors)
	vg.Wait()
	var errHomes []error
	if validate && set.placeRules() {
		for _, u := range p.unresolved {
			var id string
			if !u.mentor {
				id = mentees[u.index].ID
			} else {
				id = mentors[u.index].ID
			}
			errHomes = append(errHomes, profile.HomeError(id, u.err))
		}
	}
	if errMentees != nil || errMentors != nil || errHomes != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidProfile, errors.Join(errMentees, errMentors, errors.Join(errHomes...)))
	}
	return &Pool{p: p, mentees: mentees, mentors: mentors}, nil
}

// Exclude marks the pair of mentee i and mentor j as excluded: from then
// on Pair(i, j) and Blocked(i, j) list the reason excluded (in its place
// after the other rules) and the pair's cell of Matrix is -Inf, while the
// pair's parts still tell what it would score. This is how a round applies
// its exclusions (pairs whose first meeting failed, pairs a coordinator
// ruled out): it maps each excluded pair of IDs to the indices of its
// pool and excludes them before taking the Matrix. Excluding a pair twice
// is harmless. Exclude panics if i or j is out of range, like a slice
// index. It must not be called concurrently with the Pool's other methods,
// and does not change a matrix returned before.
//
// Cost: O(1) amortised, one map entry per excluded pair.
func (p *Pool) Exclude(i, j int) {
	if i < 0 || i >= len(p.mentees) || j < 0 || j >= len(p.mentors) {
		panic(fmt.Sprintf("scoring: Pool.Exclude(%d, %d) out of range of a %d×%d pool", i, j, len(p.mentees), len(p.mentors)))
	}
	if p.excluded == nil {
		p.excluded = map[[2]int]struct{}{}
	}
	p.excluded[[2]int{i, j}] = struct{}{}
}

// isExcluded reports whether Exclude(i, j) was called.
func (p *Pool) isExcluded(i, j int) bool {
	_, ok := p.excluded[[2]int{i, j}]
	return ok
}

// Size returns the number of mentees (rows) and mentors (columns).
func (p *Pool) Size() (mentees, mentors int) { return len(p.mentees), len(p.mentors) }

// Pair scores and explains the pair of mentee i and mentor j, as
// [Scorer.Pair] does, with the reason excluded added when the pair was
// marked with [Pool.Exclude]; it panics if i or j is out of range, like a
// slice index.
//
// Cost: O(size of the two profiles), with no parsing.
func (p *Pool) Pair(i, j int) Result {
	var e eval
	q := p.p
	ag, bg := &q.menteeGates[i], &q.mentorGates[j]
	score := q.score(ag, &q.mentees[i], bg, &q.mentors[j], &e, true)
	if p.isExcluded(i, j) {
		e.blocked |= blockExcluded
		score = math.Inf(-1)
	}
	return Result{Score: score, Blocked: q.reasons(i, j, &e), Parts: q.parts(i, j, &e, &p.mentors[j])}
}

// Blocked returns the hard rules that block the pair of mentee i and mentor
// j, in the order of [Scorer.Pair], or nil when the pair is allowed. It is
// Pair(i, j).Blocked without the explanation of the criteria.
//
// Cost: O(size of the two profiles).
func (p *Pool) Blocked(i, j int) []Reason {
	var e eval
	q := p.p
	ag, bg := &q.menteeGates[i], &q.mentorGates[j]
	q.score(ag, &q.mentees[i], bg, &q.mentors[j], &e, true)
	if p.isExcluded(i, j) {
		e.blocked |= blockExcluded
	}
	if e.blocked == 0 {
		return nil
	}
	return q.reasons(i, j, &e)
}

// CountBlocked adds 1 to counts[code] for each hard rule that blocks the
// pair of mentee i and mentor j: the codes of Blocked(i, j), without their
// words and without allocating (a map that already holds the codes does
// not grow). A round uses it to count, over every partner of a person, the
// rules that left them without one.
//
// Cost: O(size of the two profiles).
func (p *Pool) CountBlocked(i, j int, counts map[string]int) {
	var e eval
	q := p.p
	q.score(&q.menteeGates[i], &q.mentees[i], &q.mentorGates[j], &q.mentors[j], &e, true)
	if p.isExcluded(i, j) {
		e.blocked |= blockExcluded
	}
	for k, r := range hardRules {
		if e.blocked&(1<<k) != 0 {
			counts[r.code]++
		}
	}
}

// Matrix returns the scores of every pair, as [Scorer.Matrix] does, with
// -Inf in the cells of the pairs marked with [Pool.Exclude]: each cell
// equals Pair(i, j).Score bit for bit.
//
// It scores only the pairs that [Pool.Candidates] visits, those whose
// homes the place rules may allow (through the same index), and fills the
// others' cells with -Inf without looking at them: where the distance
// rule leaves a few % of the pairs, most cells cost a store.
//
// Cost: O(n·m) time with no allocation per pair, O(n·m) memory.
func (p *Pool) Matrix(ctx context.Context) (*mat.Dense, error) {
	q := p.p
	n, m := len(p.mentees), len(p.mentors)
	out := mat.NewDense(n, m, nil)
	raw := out.RawMatrix()
	ix := newCandIndex(q)
	ix.prepare(q.menteeGates)

	par.Do((n+rowBlock-1)/rowBlock, func(k int, sc *scratch) bool {
		for i := k * rowBlock; i < min((k+1)*rowBlock, n); i++ {
			if !live(ctx) {
				return false
			}
			ag, a := &q.menteeGates[i], &q.mentees[i]
			row := raw.Data[i*raw.Stride : i*raw.Stride+m]
			// The visited columns are increasing: -Inf in the gaps.
			next := 0
			for _, j := range ix.visit(ag, &sc.buf) {
				for ; next < int(j); next++ {
					row[next] = math.Inf(-1)
				}
				row[j] = q.score(ag, a, &q.mentorGates[j], &q.mentors[j], &sc.e, false)
				next = int(j) + 1
			}
			for ; next < m; next++ {
				row[next] = math.Inf(-1)
			}
		}
		return true
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for c := range p.excluded {
		raw.Data[c[0]*raw.Stride+c[1]] = math.Inf(-1)
	}
	return out, nil
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
