package match

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"

	"github.com/duomatch/duo/match/lap"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
)

// solvePath is how a round is scored and solved: chosen by the round's
// size and share of allowed pairs (auto), or forced by tests.
type solvePath int

const (
	pathAuto   solvePath = iota
	pathDense            // every cell scored, lap.Assign on mentee × seat
	pathSparse           // allowed pairs only, lap.AssignSparse on mentee × mentor
)

// The rule that chooses the path (see chooseSparse).
const (
	// denseCells: a round of at most this many cells (pool mentees ×
	// mentor seats; 512 × 512) is scored and solved dense, as before
	// sparse rounds existed. Above it the share of allowed pairs chooses:
	// on synth's pools in its sample of cities (about 18 % allowed) the
	// sparse path took 0.70–0.75× the dense one's time at 700 × 560,
	// 1 000 × 800 and 2 000 × 1 600, and 0.8–0.9× below (a few ms);
	// BenchmarkProposePath, 2026-12-07, load average 2. Small rounds keep
	// the dense path, whose choice among exactly tied optima the
	// examples' and tests' small rounds record.
	denseCells = 1 << 18
	// denseShare: a larger round whose allowed pairs are more than this
	// share of mentee × mentor pairs is solved dense all the same.
	denseShare = 0.2
)

// chooseSparse reports whether a round of rows pool mentees, mentors pool
// mentors with seats seats in all, and allowed allowed pairs, is solved on
// its allowed pairs: when it has more cells than the dense solver may take
// (MaxCells), or when its allowed pairs are at most denseShare of its
// mentee × mentor pairs.
func chooseSparse(rows, mentors, seats, allowed int) bool {
	if rows*seats > MaxCells {
		return true
	}
	return float64(allowed) <= denseShare*float64(rows)*float64(mentors)
}

// tooLarge is the error of a round with more than most (MaxCells)
// allowed pairs.
func tooLarge(rows, mentors, limit int) error {
	r, m, most := strconv.Itoa(rows), strconv.Itoa(mentors), strconv.Itoa(limit)
	return &profile.Problem{Path: "mentors", Code: "round_too_large", Args: []string{r, m, most},
		Err:    errors.Join(ErrInvalidRound, ErrRoundTooLarge),
		Detail: "eligible mentees: " + r + ", mentors: " + m + "; they allow more than the limit of " + most + " pairs (MaxCells)"}
}

// assignSparse solves the round on its allowed pairs, setting st.cands,
// st.seatOf and the sparse problem and assignment it keeps (st.sparse,
// st.sparseA). Columns are the pool's mentors with their seats as
// capacities. For BestTotal each row also has a pair worth 0 with one
// more column whose capacity is every row: every row can then be matched,
// so the solver's "most pairs first" costs nothing and it maximises the
// total, as the dense path's 0-valued cells do; a row paired with it is
// unmatched.
func (b *builder) assignSparse(ctx context.Context, st *roundState, cands *scoring.Candidates) error {
	p := &b.pool
	rows, mentors := len(p.rows), len(p.cols)
	st.cands = cands
	g, err := st.sparseProblem(p.seatsOf)
	if err != nil {
		return err
	}
	a, err := lap.AssignSparse(ctx, g)
	if err != nil {
		return err
	}
	st.sparse, st.sparseA = g, a
	// Seats of each mentor in order: the proposal names mentors, and a
	// mentor's seats are alike.
	next := make([]int, mentors) // the next free seat of each mentor
	for s := len(p.seatMentor) - 1; s >= 0; s-- {
		next[p.seatMentor[s]] = s
	}
	for _, pr := range a.Pairs {
		if pr.Col < mentors && st.allowed(cands.At(pr.Row, pr.Col)) {
			st.seatOf[pr.Row] = next[pr.Col]
			next[pr.Col]++
		}
	}
	if st.objective == BestTotal {
		// fillZeroPairs on the allowed pairs: an unmatched mentee takes
		// a pair worth exactly 0 with the first mentor that has a seat.
		end := make([]int, mentors) // one past each mentor's last seat
		for s, c := range p.seatMentor {
			end[c] = s + 1
		}
		for k := 0; k < rows; k++ {
			if st.seatOf[k] >= 0 {
				continue
			}
			cs, ss := cands.Row(k)
			for x, c := range cs {
				if st.allowed(ss[x]) && ss[x]+st.priority[k] == 0 && next[c] < end[c] {
					st.seatOf[k] = next[c]
					next[c]++
					break
				}
			}
		}
	}
	return nil
}

// sparseProblem is the problem lap.AssignSparse solves for the round:
// each allowed pair of st.cands that reaches MinScore, worth its score
// plus the mentee's priority, mentors' seats as capacities, and for
// BestTotal the column of the unmatched (see assignSparse).
func (st *roundState) sparseProblem(seatsOf []int) (*lap.Sparse, error) {
	rows, mentors := st.cands.Dims()
	cols := mentors
	if st.objective == BestTotal {
		cols++
	}
	sb := lap.NewSparseBuilder(cols)
	for c, s := range seatsOf {
		if s != 1 {
			sb.SetCapacity(c, s)
		}
	}
	if cols > mentors {
		sb.SetCapacity(mentors, rows)
	}
	sb.Grow(st.cands.Len() + cols - mentors)
	var row []int
	var val []float64
	for k := 0; k < rows; k++ {
		cs, ss := st.cands.Row(k)
		row, val = row[:0], val[:0]
		for x, c := range cs {
			if st.allowed(ss[x]) {
				row = append(row, int(c))
				val = append(val, ss[x]+st.priority[k])
			}
		}
		if cols > mentors {
			row = append(row, mentors)
			val = append(val, 0)
		}
		sb.AddRow(row, val)
	}
	g, err := sb.Build()
	if err != nil {
		return nil, fmt.Errorf("match: internal error: the round's sparse problem: %w", err)
	}
	return g, nil
}

// score returns the score of pool row k with pool mentor c, -Inf when a
// rule blocks the pair: from the dense scores when the round has them,
// otherwise from its candidates.
func (st *roundState) score(k, c int) float64 {
	if st.scores != nil {
		return st.scores.At(k, c)
	}
	return st.cands.At(k, c)
}

// rowBest returns the best partner of pool row k (highest score that the
// round allows, lowest mentor index among equals; -1 for none) and
// whether some pair of the row is not blocked.
func (st *roundState) rowBest(k int) (best int, some bool) {
	best = -1
	bestV := math.Inf(-1)
	see := func(c int, v float64) {
		if !math.IsInf(v, -1) {
			some = true
		}
		if st.allowed(v) && (best < 0 || v > bestV) {
			best, bestV = c, v
		}
	}
	switch {
	case st.scores == nil && st.cands == nil: // no mentor in the pool
		return best, some
	case st.scores == nil:
		cs, ss := st.cands.Row(k)
		for x, c := range cs {
			see(int(c), ss[x])
		}
		return best, some
	}
	_, n := st.scores.Dims()
	for c := 0; c < n; c++ {
		see(c, st.scores.At(k, c))
	}
	return best, some
}

// colBest is colBests for pool mentor c of a round with dense scores, in
// O(rows).
func (st *roundState) colBest(c int) (best int, some bool) {
	best = -1
	bestV := math.Inf(-1)
	for k := range st.menteeIDs {
		v := st.scores.At(k, c)
		if !math.IsInf(v, -1) {
			some = true
		}
		if st.allowed(v) && (best < 0 || v > bestV) {
			best, bestV = k, v
		}
	}
	return best, some
}

// colBests returns, for each pool mentor, its best partner (highest score
// that the round allows, lowest row among equals; -1 for none) and
// whether some pair of it is not blocked, in one pass over the pairs.
func (st *roundState) colBests() (best []int, some []bool) {
	rows, cols := len(st.menteeIDs), len(st.mentorIDs)
	best, some = make([]int, cols), make([]bool, cols)
	bestV := make([]float64, cols)
	for c := range best {
		best[c] = -1
	}
	see := func(k, c int, v float64) {
		if !math.IsInf(v, -1) {
			some[c] = true
		}
		if st.allowed(v) && (best[c] < 0 || v > bestV[c]) {
			best[c], bestV[c] = k, v
		}
	}
	for k := 0; k < rows && (st.scores != nil || st.cands != nil); k++ {
		if st.scores == nil {
			cs, ss := st.cands.Row(k)
			for x, c := range cs {
				see(k, int(c), ss[x])
			}
			continue
		}
		for c := 0; c < cols; c++ {
			see(k, c, st.scores.At(k, c))
		}
	}
	return best, some
}

// ensureDense gives a round solved on its allowed pairs what Alternatives
// and Needs read: the dense scores, the solver's matrix and an optimal
// assignment of it holding exactly the proposal's pairs, with a dense
// certificate (the dense solver's optimal duals, which are complementary
// to every optimal assignment, so to the proposal's). It does so once; a
// round solved dense has them already. A round with more cells than
// MaxCells cannot have them: ErrRoundTooLarge.
//
// Cost: that of the dense solve, O(rows × seats) memory.
func (st *roundState) ensureDense(ctx context.Context) error {
	st.denseMu.Lock()
	defer st.denseMu.Unlock()
	if st.scores != nil || st.cands == nil {
		return nil
	}
	rows, mentors := st.cands.Dims()
	if rows*st.seats > MaxCells {
		return tooLarge(rows, mentors, MaxCells)
	}
	scores := densify(st.cands)
	st.scores = scores
	var ws lap.Workspace
	a, err := ws.Assign(ctx, solverView{st})
	if err != nil {
		st.scores = nil
		return err
	}
	st.solver = st.solverMatrix(ws.Release())
	st.assignment = st.withProposal(a)
	return nil
}

// densify lays out the candidates as a dense matrix, -Inf where a pair
// is blocked: the matrix [scoring.Pool.Matrix] returns, bit for bit.
func densify(cands *scoring.Candidates) *mat.Dense {
	rows, mentors := cands.Dims()
	scores := mat.NewDense(rows, mentors, nil)
	raw := scores.RawMatrix()
	for k := 0; k < rows; k++ {
		row := raw.Data[k*raw.Stride : k*raw.Stride+mentors]
		for c := range row {
			row[c] = math.Inf(-1)
		}
		cs, ss := cands.Row(k)
		for x, c := range cs {
			row[c] = ss[x]
		}
	}
	return scores
}

// withProposal returns an optimal assignment of the solver's matrix with
// a's certificate that holds exactly the proposal's pairs (for BestTotal,
// completed by pairs that are not allowed, see completed). a is an optimal
// assignment of the same matrix, and the proposal is optimal too: an
// optimal dual solution is complementary to every optimal assignment.
func (st *roundState) withProposal(a lap.Assignment) lap.Assignment {
	if st.objective == BestTotal {
		return st.completed(a)
	}
	a.Pairs = a.Pairs[:0]
	a.Total = 0
	for k, s := range st.seatOf {
		if s >= 0 {
			v := st.solver[k*st.seats+s]
			a.Pairs = append(a.Pairs, lap.Pair{Row: k, Col: s, Score: v})
			a.Total += v
		}
	}
	return a
}
