package match

import (
	"context"
	"errors"
	"math"
	"sync"

	"github.com/duomatch/duo/match/lap"
	"github.com/duomatch/duo/profile"
	"github.com/duomatch/duo/scoring"
	"gonum.org/v1/gonum/mat"
)

// pool is the part of a round that is optimised: eligible, unpinned
// mentees (rows) and eligible mentors with free seats (columns).
type pool struct {
	rows       []int // mentee indices
	cols       []int // mentor indices
	seatsOf    []int // per pool column
	seatMentor []int // seat -> pool column
	priority   []float64
}

// roundState is the solved round: what explain reads, and what a Proposal
// keeps so that Alternatives can answer without solving again.
type roundState struct {
	objective  Objective
	minScore   float64
	menteeIDs  []string // pool rows
	mentorIDs  []string // pool mentors (columns of scores)
	seatMentor []int    // seat (solver column) -> pool mentor
	scores     *mat.Dense
	solver     []float64 // rows x seats, -Inf where not allowed (0 for BestTotal)
	seats      int
	priority   []float64
	// seatOf is the proposal: pool row -> seat, or -1.
	seatOf []int
	// assignment is an optimal assignment of solver with its certificate
	// that contains every proposed pair; for BestTotal it also holds pairs
	// that are not allowed (worth 0 in solver), which are not proposed.
	assignment lap.Assignment
	// A round solved on its allowed pairs (see assignSparse) has cands
	// instead of scores, and the problem and assignment it solved;
	// scores, solver and assignment are filled in by ensureDense, under
	// denseMu, when Alternatives or Needs first need them.
	path    solvePath // pathDense or pathSparse: how the round was solved
	cands   *scoring.Candidates
	sparse  *lap.Sparse
	sparseA lap.Assignment
	denseMu sync.Mutex
	// cert is the sparse problem's certificate with the proposal's pairs
	// (see sparseCert), made once under denseMu; viaDense makes
	// Alternatives and Needs price a sparse round on its dense
	// certificate instead (tests compare the two).
	cert                       lap.Assignment
	certDone, certOK, viaDense bool
	rowOf                      map[string]int    // mentee ID -> pool row
	notInPool                  map[string]string // mentee ID -> why it has no alternatives

	// What Needs and Outreach read to score and value new people as a
	// re-run of the round would.
	on          profile.Date
	policy      profile.Policy // resolved
	scorer      scoring.Scorer
	poolMentees []profile.Mentee // pool rows
	// spare are the eligible, unpaused mentors with free places (with
	// spareFree of them), in ID order: the pool's columns when the pool
	// has mentees, and those a new mentee would bring into the pool when
	// it has none.
	spare     []profile.Mentor
	spareFree []int
	menteeIdx map[string]int // every mentee ID of the round
	mentorIdx map[string]int // every mentor ID of the round
}

// solve checks eligibility, lays out the pool, scores it and solves the
// assignment.
func (b *builder) solve(ctx context.Context) (*roundState, error) {
	r := &b.r
	b.menteeViol = make([][]profile.Violation, len(b.mentees))
	b.mentorViol = make([][]profile.Violation, len(b.mentors))
	p := &b.pool
	for i := range b.mentees {
		if b.menteeAside[i] != nil {
			continue // set aside: neither checked nor in the pool
		}
		b.menteeViol[i] = r.Policy.CheckMentee(b.mentees[i], r.On)
		if _, pinned := b.pinnedMentor[i]; !pinned && !b.mentees[i].Paused && len(b.menteeViol[i]) == 0 {
			p.rows = append(p.rows, i)
		}
	}
	var spare []profile.Mentor
	var spareFree []int
	for j := range b.mentors {
		if b.mentorAside[j] != nil {
			continue
		}
		b.mentorViol[j] = r.Policy.CheckMentor(b.mentors[j], r.On)
		free := b.mentors[j].EffectiveCapacity() - b.pinnedCount[j]
		if len(b.mentorViol[j]) == 0 && !b.mentors[j].Paused && free > 0 {
			spare = append(spare, b.mentors[j])
			spareFree = append(spareFree, free)
			// More seats than mentees are of no use to anyone.
			free = min(free, len(p.rows))
			if free > 0 {
				p.cols = append(p.cols, j)
				p.seatsOf = append(p.seatsOf, free)
			}
		}
	}
	for c, s := range p.seatsOf {
		for range s {
			p.seatMentor = append(p.seatMentor, c)
		}
	}
	p.priority = make([]float64, len(p.rows))
	for k, i := range p.rows {
		if applied := b.mentees[i].AppliedOn; !applied.IsZero() {
			days := min(max(r.On.DaysSince(applied), 0), profile.MatchWithinDays)
			p.priority[k] = b.waitBonus * float64(days)
		}
	}
	st := &roundState{
		objective:  r.Objective,
		minScore:   r.MinScore,
		seatMentor: p.seatMentor,
		seats:      len(p.seatMentor),
		priority:   p.priority,
		seatOf:     make([]int, len(p.rows)),
		rowOf:      make(map[string]int, len(p.rows)),
		notInPool:  make(map[string]string),
		on:         r.On,
		policy:     r.Policy.Resolved(),
		scorer:     b.scorer,
		spare:      spare,
		spareFree:  spareFree,
		menteeIdx:  b.meIdx,
		mentorIdx:  b.moIdx,
	}
	for k, i := range p.rows {
		st.poolMentees = append(st.poolMentees, b.mentees[i])
		st.menteeIDs = append(st.menteeIDs, b.mentees[i].ID)
		st.rowOf[b.mentees[i].ID] = k
		st.seatOf[k] = -1
	}
	for _, j := range p.cols {
		st.mentorIDs = append(st.mentorIDs, b.mentors[j].ID)
	}
	for i := range b.mentees {
		switch _, pinned := b.pinnedMentor[i]; {
		case b.menteeAside[i] != nil:
			st.notInPool[b.mentees[i].ID] = ReasonInvalidProfile
		case pinned:
			st.notInPool[b.mentees[i].ID] = "pinned"
		case b.mentees[i].Paused:
			st.notInPool[b.mentees[i].ID] = "paused"
		case len(b.menteeViol[i]) > 0:
			st.notInPool[b.mentees[i].ID] = "ineligible"
		}
	}
	if len(p.rows) > 0 && len(p.cols) > 0 {
		if err := b.assign(ctx, st); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return st, nil
}

// assign scores the pool and solves it, setting st.scores, st.solver,
// st.seatOf and st.assignment.
func (b *builder) assign(ctx context.Context, st *roundState) error {
	p := &b.pool
	// With mentees in the pool, every spare mentor has a seat: the pool's
	// mentors are st.spare.
	// Propose has checked every profile and home: compile without checking
	// them again.
	compiled, err := b.scorer.CompileValidated(ctx, st.poolMentees, st.spare)
	if err != nil {
		return err
	}
	// The round's exclusions block their pairs in the compiled pool; a
	// pair outside the pool (someone ineligible, paused or pinned) needs
	// nothing.
	colOf := make(map[string]int, len(p.cols))
	for c, j := range p.cols {
		colOf[b.mentors[j].ID] = c
	}
	for _, d := range b.excluded {
		k, okK := st.rowOf[d.MenteeID]
		c, okC := colOf[d.MentorID]
		if okK && okC {
			compiled.Exclude(k, c)
		}
	}
	b.compiled = compiled
	rows, mentors, seats := len(p.rows), len(p.cols), len(p.seatMentor)
	path, limit := b.opt.path, MaxCells
	if b.opt.maxPairs > 0 {
		limit = b.opt.maxPairs
	}
	if path == pathAuto && rows*seats <= denseCells {
		path = pathDense
	}
	if path == pathDense && rows*seats > MaxCells {
		return tooLarge(rows, mentors, MaxCells)
	}
	st.path = path
	if path == pathDense {
		scores, err := compiled.Matrix(ctx)
		if err != nil {
			return err
		}
		return st.assignDense(ctx, scores)
	}
	cands, err := compiled.Candidates(ctx, limit)
	switch {
	case errors.Is(err, scoring.ErrTooManyPairs):
		return tooLarge(rows, mentors, limit)
	case err != nil:
		return err
	}
	if path == pathAuto && !chooseSparse(rows, mentors, seats, cands.Len()) {
		// Many pairs are allowed: the dense solver is faster. The
		// scores are laid out from the candidates, not computed again.
		st.path = pathDense
		return st.assignDense(ctx, densify(cands))
	}
	return b.assignSparse(ctx, st, cands)
}

// assignDense solves the round on its dense scores, setting st.scores,
// st.solver, st.seatOf and st.assignment.
func (st *roundState) assignDense(ctx context.Context, scores *mat.Dense) error {
	st.scores = scores
	// The solver reads the solver's matrix from the scores, a row at a
	// time (solverView is a lap.RowReader), into its one working copy, in
	// the orientation it solves; the round's own copy is laid out
	// afterwards, in that working copy's buffer, which the workspace
	// releases. So a round holds at most the scores and one rows×seats
	// copy at a time.
	var ws lap.Workspace
	a, err := ws.Assign(ctx, solverView{st})
	if err != nil {
		return err
	}
	st.solver = st.solverMatrix(ws.Release())
	return st.finishDense(a)
}

// finishDense sets the proposal (st.seatOf) and st.assignment from an
// optimal assignment a of the solver's matrix.
func (st *roundState) finishDense(a lap.Assignment) error {
	for _, pr := range a.Pairs {
		if st.allowed(st.scores.At(pr.Row, st.seatMentor[pr.Col])) {
			st.seatOf[pr.Row] = pr.Col
		}
	}
	if st.objective == BestTotal {
		st.fillZeroPairs()
		a = st.completed(a)
	}
	st.assignment = a
	return nil
}

// allowed reports whether a pair with score v may be proposed.
func (st *roundState) allowed(v float64) bool { return !math.IsInf(v, -1) && v >= st.minScore }

// solverMatrix lays out the matrix the solver solves (see solverView),
// rows × seats, row-major, in buf if it is large enough, else in a new
// buffer: the round keeps it.
func (st *roundState) solverMatrix(buf []float64) []float64 {
	rows, seats := len(st.priority), st.seats
	out := buf[:cap(buf)]
	if len(out) < rows*seats {
		out = make([]float64, rows*seats)
	}
	out = out[:rows*seats]
	v := solverView{st}
	for i := 0; i < rows; i++ {
		v.ReadRow(i, out[i*seats:(i+1)*seats])
	}
	return out
}

// solverView is the matrix lap.Assign solves, computed row by row from the
// round's scores: one column per mentor seat, score plus the mentee's
// priority where the pair is allowed. For MostMatched a pair that is not
// allowed is -Inf, a removed edge. For BestTotal it is 0 instead: every
// allowed value is ≥ 0, so a best-total assignment of the full matrix,
// less its 0-valued pairs that are not allowed, is a best-total assignment
// among allowed pairs — and on a full matrix the solver's "most pairs
// first" rule costs nothing.
//
// It is a [lap.RowReader]: the solver reads it twice, a row at a time,
// rather than the round holding a copy of it while the solver holds
// another.
type solverView struct{ st *roundState }

func (v solverView) Dims() (int, int) { return len(v.st.priority), v.st.seats }
func (v solverView) T() mat.Matrix    { return mat.Transpose{Matrix: v} }

func (v solverView) At(i, s int) float64 {
	var x [1]float64
	v.readSeats(i, v.st.seatMentor[s:s+1], x[:])
	return x[0]
}

// ReadRow writes the entries of mentee i's row into dst (len: seats).
func (v solverView) ReadRow(i int, dst []float64) { v.readSeats(i, v.st.seatMentor, dst) }

// readSeats writes the entries of mentee i for seats of the mentors
// seatMentor into dst.
func (v solverView) readSeats(i int, seatMentor []int, dst []float64) {
	st := v.st
	raw := st.scores.RawMatrix()
	src := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
	blocked := math.Inf(-1)
	if st.objective == BestTotal {
		blocked = 0
	}
	prio := st.priority[i]
	dst = dst[:len(seatMentor)]
	for s, c := range seatMentor {
		if x := src[c]; st.allowed(x) {
			dst[s] = x + prio
		} else {
			dst[s] = blocked
		}
	}
}

// fillZeroPairs adds, for BestTotal, allowed pairs worth exactly 0 between
// mentees and seats that the proposal leaves free: they do not change the
// objective, and a coordinator would rather see them proposed. Rows and
// seats are taken in order, so the result is deterministic.
func (st *roundState) fillZeroPairs() {
	used := make([]bool, st.seats)
	for _, s := range st.seatOf {
		if s >= 0 {
			used[s] = true
		}
	}
	for i, s := range st.seatOf {
		if s >= 0 {
			continue
		}
		for t, c := range st.seatMentor {
			if v := st.scores.At(i, c); !used[t] && st.allowed(v) && v+st.priority[i] == 0 {
				st.seatOf[i], used[t] = t, true
				break
			}
		}
	}
}

// completed returns, for BestTotal, an optimal assignment of the solver's
// matrix that contains exactly the proposed pairs (st.seatOf) and, to
// reach the most pairs the full matrix allows, pairs of free rows and free
// seats in index order, which are worth 0 and not allowed. It keeps a's
// certificate: the proposal is worth as much as a (the pairs it adds or
// removes are worth 0) and has as many pairs, so it is optimal too, and an
// optimal dual solution is complementary to every optimal assignment.
func (st *roundState) completed(a lap.Assignment) lap.Assignment {
	rowMate := make([]int, len(st.seatOf))
	used := make([]bool, st.seats)
	copy(rowMate, st.seatOf)
	for _, s := range rowMate {
		if s >= 0 {
			used[s] = true
		}
	}
	free := 0 // the next seat to give to a free row
	for i, s := range rowMate {
		if s >= 0 {
			continue
		}
		for free < st.seats && used[free] {
			free++
		}
		if free == st.seats {
			break
		}
		rowMate[i], used[free] = free, true
	}
	a.Pairs = a.Pairs[:0]
	a.Total = 0
	for i, s := range rowMate {
		if s >= 0 {
			v := st.solver[i*st.seats+s]
			a.Pairs = append(a.Pairs, lap.Pair{Row: i, Col: s, Score: v})
			a.Total += v
		}
	}
	return a
}
