package match

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Alternative is another mentor a mentee could be given, and what that
// would cost the round.
type Alternative struct {
	MentorID string `json:"mentor_id"`
	// Score is the pair's compatibility in [0,1].
	Score float64 `json:"score"`
	// LostDuos is how many fewer duos the round would form if this pair
	// were imposed and the rest re-optimised (always 0 for BestTotal).
	LostDuos int `json:"lost_duos"`
	// Loss is the exact drop of [Proposal.ObjectiveValue] if this pair were
	// imposed and the rest re-optimised: positive when the pool loses,
	// negative only when the pair costs duos (LostDuos > 0) but raises the
	// total of the duos that remain.
	Loss float64 `json:"loss"`
}

// Alternatives returns up to k mentors other than the proposed one for the
// mentee menteeID, best first, each with the exact change of the round's
// objective if that pair were imposed and everybody else re-optimised: the
// numbers a coordinator needs to overrule a proposal knowingly. "Best"
// means the smallest change (fewest lost duos, then smallest Loss), then the
// higher score, then the mentor ID. Only pairs the round allows (no hard rule
// blocks them, score at least MinScore) are alternatives.
//
// Imposing a pair is the same as re-running [Propose] with it pinned; the
// Loss and LostDuos reported here equal the difference that re-run makes,
// up to floating-point rounding. They come from the optimal dual solution
// the round already has, by one shortest-path search over the residual
// graph of the assignment, without solving again.
//
// k ≤ 0 gives no alternatives. Errors: [ErrUnknownMentee] for an ID the
// round did not have; [ErrNotInPool] for a mentee who was pinned or
// ineligible; an error for a Proposal that did not come from Propose.
//
// Cost: O((m+n)² + m·n) for m pool mentees and n mentor seats.
func (p Proposal) Alternatives(menteeID string, k int) ([]Alternative, error) {
	st := p.state
	if st == nil {
		return nil, fmt.Errorf("match: Alternatives needs a Proposal returned by Propose")
	}
	row, ok := st.rowOf[menteeID]
	if !ok {
		if why, known := st.notInPool[menteeID]; known {
			return nil, fmt.Errorf("%w: %s is %s", ErrNotInPool, clipText(menteeID), why)
		}
		return nil, fmt.Errorf("%w: %s", ErrUnknownMentee, clipText(menteeID))
	}
	if k <= 0 || st.seats == 0 {
		return []Alternative{}, nil
	}
	cost := st.forcingCosts(row)

	current := -1 // the proposed mentor
	if s := st.seatOf[row]; s >= 0 {
		current = st.seatMentor[s]
	}
	best := make(map[int]lex) // pool mentor -> cheapest seat
	for s, c := range st.seatMentor {
		if c == current || math.IsInf(cost[s].x, 1) || !st.allowed(st.scores.At(row, c)) {
			continue
		}
		if prev, seen := best[c]; !seen || cost[s].less(prev) {
			best[c] = cost[s]
		}
	}
	out := make([]Alternative, 0, len(best))
	scale := math.Ldexp(1, st.assignment.DualExp)
	for c, d := range best {
		out = append(out, Alternative{
			MentorID: st.mentorIDs[c],
			Score:    st.scores.At(row, c),
			LostDuos: d.n,
			Loss:     d.x * scale,
		})
	}
	slices.SortFunc(out, func(a, b Alternative) int {
		switch {
		case a.LostDuos != b.LostDuos:
			return a.LostDuos - b.LostDuos
		case a.Loss != b.Loss:
			if a.Loss < b.Loss {
				return -1
			}
			return 1
		case a.Score != b.Score:
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.MentorID, b.MentorID)
	})
	if len(out) > k {
		out = out[:k]
	}
	return out, nil
}

// lex is a value of the lexicographic objective: a count of pairs and a
// real part (in units of 2^DualExp), compared count first.
type lex struct {
	n int
	x float64
}

func (a lex) add(b lex) lex   { return lex{a.n + b.n, a.x + b.x} }
func (a lex) less(b lex) bool { return a.n < b.n || (a.n == b.n && a.x < b.x) }

// forcingCosts returns, for every seat s, the exact increase of the
// minimum-cost flow (the drop of the objective, count first) if row were
// forced onto seat s; +Inf in the real part where the pair is not allowed.
//
// The assignment is an optimal flow in the network source → rows → seats →
// sink with a free return arc sink → source, where pair (r,s) costs
// -(1, w[r][s]). Its certificate gives node potentials under which every
// residual arc has a reduced cost ≥ 0. Forcing one unit onto the arc (row,
// s) costs its reduced cost plus the shortest residual path from s back to
// row: the cheapest cycle through the arc, and the difference between two
// flows decomposes into such cycles. One reverse Dijkstra from row gives
// that path for every s at once.
func (st *roundState) forcingCosts(row int) []lex {
	a := &st.assignment
	rows, seats := len(st.menteeIDs), st.seats
	scale := math.Ldexp(1, -a.DualExp)
	w := func(r, s int) float64 { return st.solver[r*seats+s] * scale }
	y := func(r int) lex { return lex{b2i(a.RowCover[r]), a.RowDual[r]} }
	z := func(s int) lex { return lex{b2i(a.ColCover[s]), a.ColDual[s]} }

	rowMate := make([]int, rows)
	seatMate := make([]int, seats)
	for i := range rowMate {
		rowMate[i] = -1
	}
	for i := range seatMate {
		seatMate[i] = -1
	}
	for _, pr := range a.Pairs {
		rowMate[pr.Row], seatMate[pr.Col] = pr.Col, pr.Row
	}

	// Nodes: rows 0..rows-1, seats rows..rows+seats-1, source, sink.
	src, sink := rows+seats, rows+seats+1
	n := rows + seats + 2
	inf := lex{math.MaxInt, math.Inf(1)}
	dist := make([]lex, n)
	done := make([]bool, n)
	for v := range dist {
		dist[v] = inf
	}
	dist[row] = lex{}
	relax := func(v int, d lex) {
		if !done[v] && d.less(dist[v]) {
			dist[v] = d
		}
	}
	for {
		x := -1
		for v := 0; v < n; v++ {
			if !done[v] && dist[v] != inf && (x < 0 || dist[v].less(dist[x])) {
				x = v
			}
		}
		if x < 0 {
			break
		}
		done[x] = true
		d := dist[x]
		switch {
		case x < rows: // arcs into row x: from its seat (matched) or from the source
			if s := rowMate[x]; s >= 0 {
				relax(rows+s, d)
			} else {
				relax(src, d)
			}
		case x < rows+seats: // arcs into seat s: from rows with an unmatched allowed pair, from the sink
			s := x - rows
			zs := z(s)
			for r := 0; r < rows; r++ {
				if rowMate[r] == s || math.IsInf(w(r, s), -1) || done[r] {
					continue
				}
				rc := y(r).add(zs).add(lex{-1, -w(r, s)})
				relax(r, d.add(rc))
			}
			if seatMate[s] >= 0 {
				relax(sink, d.add(zs))
			}
		case x == src: // arcs into the source: from matched rows, from the sink
			for r := 0; r < rows; r++ {
				if rowMate[r] >= 0 {
					relax(r, d.add(y(r)))
				}
			}
			relax(sink, d)
		default: // arcs into the sink: from free seats, from the source
			for s := 0; s < seats; s++ {
				if seatMate[s] < 0 {
					relax(rows+s, d)
				}
			}
			if len(a.Pairs) > 0 {
				relax(src, d)
			}
		}
	}

	out := make([]lex, seats)
	yr := y(row)
	for s := range out {
		if math.IsInf(w(row, s), -1) || rowMate[row] == s || dist[rows+s] == inf {
			out[s] = lex{math.MaxInt, math.Inf(1)}
			continue
		}
		rc := yr.add(z(s)).add(lex{-1, -w(row, s)})
		out[s] = rc.add(dist[rows+s])
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
