package match

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/duomatch/duo/match/lap"
)

// valueInf is larger than any distance of a search.
var valueInf = lap.Value{N: math.MaxInt, X: math.Inf(1)}

// alternatives returns row's top k alternatives (see Proposal.Alternatives
// for the order). With prune false it searches the whole graph; the result
// is the same.
//
// The forcing cost of seat s is c(s) = rc(row,s) + D(s→row), D the
// shortest residual path. An unmatched row is entered only from T, so
// D(s→row) = out.dist[s]: no search. A row matched to s0 is entered only
// from s0, at cost 0, so D(s→row) = D(s→s0), found by a search towards s0.
//
// A shortest path passes through T at most once, so D(s→s0) is the
// shorter of out.dist[s] + in[s0] (through T: the shared searches) and
// D'(s→s0) in the graph without T, which SearchNear finds. Without T, which
// has an arc to every column, the search stays near s0.
//
// Why the pruned search is exact. Every mentor starts with its cost
// through T, an upper bound U(c) ≥ c(s) of its cheapest seat; the k
// smallest of them as they fall give kth, an upper bound of the final
// k-th cost. A candidate seat s can only get a smaller cost from the
// search when D'(s) < min(kth, U(c)) - rc(row,s), and a node on its path
// is at most that far; so the search stops beyond the largest such bound
// over the candidate seats it has not settled (worked out again when a
// candidate is settled or a cost falls). Every node within the limit has
// a shortest path made of such nodes (reduced costs are ≥ 0), so it is
// settled with its exact distance. Hence each mentor costing at most the
// final k-th cost (plus tol) has its exact cost; every other mentor costs
// more, and cannot be in the top k. tol (far above the rounding of a path
// of rows+seats arcs) keeps this true in floating point, and it also
// covers re-ranking by the Loss computed from the changes, which differs
// from the dual cost only by rounding. Only the mentors within tol of the
// k-th cost have their changes worked out.
//
// Since the limit only removes paths longer than it, the nodes it keeps
// are settled in the same order, with the same distances, as without it:
// the pruned result is the unpruned one, bit for bit (tests check it).
//
// A round solved on its allowed pairs solved their values rounded to
// float32, and its graph's costs are those of the rounded values, while
// Loss is worked out from the scores: the cost of a mentor and its Loss
// differ by at most g.slack. The limit and the k-th cost are widened by
// twice that, so that every mentor whose Loss could rank among the top k
// has its changes worked out, and the ranking is by Loss as for a round
// solved dense.
// Reading a seat's arcs by increasing reduced cost makes the pruning cheap:
// a settled seat costs the arcs within the limit, not O(m).
func (g *altGraph) alternatives(ctx context.Context, sr *search, row, k int, prune bool) ([]Alternative, error) {
	st := g.st
	current := -1 // the proposed mentor
	if s := st.seatOf[row]; s >= 0 {
		current = st.seatMentor[s]
	}
	// Every mentor's cost through T, which the search may lower: for an
	// unmatched row the shared search is exact; a mentor's seats are
	// consecutive.
	s0 := g.RowMate(row)
	target, paths := g.Cols(), g.Out()
	if sr.gen++; sr.gen == 0 {
		clear(sr.atGen)
		clear(sr.doneGen)
		sr.gen = 1
	}
	cands := sr.cands[:0]
	order := sr.order[:0] // the candidates' columns, by increasing reduced cost
	g.EachPair(row, func(s int, rc lap.Value) {
		c := g.colMentor[s]
		if c < 0 || c == current || !g.allowed(row, c) || !g.Out().Settled(s) {
			return
		}
		order = append(order, s)
		d := g.Out().Dist(s)
		if s0 >= 0 {
			d = d.Add(g.In(s0))
			sr.atGen[s], sr.rc[s] = sr.gen, rc
		}
		cost := rc.Add(d)
		if n := len(cands); n > 0 && cands[n-1].mentor == c {
			if cost.Less(cands[n-1].cost) {
				cands[n-1].cost, cands[n-1].seat = cost, s
			}
		} else {
			cands = append(cands, candidate{c, s, cost, s0 >= 0})
		}
		sr.at[s] = int32(len(cands) - 1)
	})
	sr.cands = cands
	if len(cands) == 0 {
		return []Alternative{}, nil
	}
	if s0 >= 0 {
		// The search towards s0 without T: a mentor whose cheapest seat
		// it settles gets the nearer path when it is not longer. It stops
		// beyond the k-th smallest cost so far, which only falls.
		//
		// A column s matters only when it leads to a candidate's column
		// c that the search has not settled yet and whose cost it could
		// lower within the k-th cost: D(s) ≤ D(c) < min(kth, cost(c)) -
		// rc(c). So the search stops beyond the largest such bound,
		// worked out again when a candidate is settled or costs less.
		top := newTopK(sr, cands, k)
		sr.order = order
		dirty, cur := true, lap.Value{}
		bound := func() lap.Value {
			if !dirty {
				return cur
			}
			dirty = false
			kth := top.kth()
			cur = lap.Value{N: math.MinInt} // when every candidate is settled
			for _, s := range order {
				if sr.doneGen[s] == sr.gen {
					continue
				}
				b := sr.cands[sr.at[s]].cost
				if kth.Less(b) {
					b = kth
				}
				if b = b.Sub(sr.rc[s]); cur.Less(b) {
					cur = b
				}
			}
			cur = cur.Add(lap.Value{X: 2 * g.slack})
			return cur
		}
		limit := bound()
		if !prune {
			limit = valueInf
		}
		visit := func(s int, d lap.Value) lap.Value {
			if sr.atGen[s] == sr.gen {
				sr.doneGen[s], dirty = sr.gen, true
				x := int(sr.at[s])
				cd := &sr.cands[x]
				if cost := sr.rc[s].Add(d); cost.Less(cd.cost) || (cd.via && !cd.cost.Less(cost)) {
					cd.cost, cd.seat, cd.via = cost, s, false
					top.lower(x, cost)
					dirty = true
				}
			}
			if !prune {
				return valueInf
			}
			return bound()
		}
		if err := g.SearchNear(ctx, sr.Search, s0, limit, visit); err != nil {
			return nil, err
		}
		target, paths = s0, sr.Search
		cands = sr.cands
	}
	kth := kthSmallest(sr, cands, k)

	out := make([]Alternative, 0, min(k, len(cands)))
	for _, cd := range cands {
		if cd.cost.Above(kth, g.Tol()+2*g.slack) {
			continue
		}
		a, err := g.alternative(ctx, row, cd, target, paths)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	countsDuos := st.objective == MostMatched
	slices.SortFunc(out, func(a, b Alternative) int {
		switch {
		case countsDuos && a.LostDuos != b.LostDuos:
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

// topK is the k smallest costs of a mentee's candidates, as they fall.
type topK struct {
	cands []candidate
	idx   []int // up to k candidates, by increasing cost
	k     int
}

// newTopK returns the k smallest of cands (all of them if fewer).
func newTopK(sr *search, cands []candidate, k int) *topK {
	t := &topK{cands: cands, idx: sr.top[:0], k: k}
	for x := range cands {
		t.lower(x, cands[x].cost)
	}
	sr.top = t.idx
	return t
}

// lower records that candidate x now costs cost (never more than before).
func (t *topK) lower(x int, cost lap.Value) {
	p := slices.Index(t.idx, x)
	switch {
	case p >= 0:
	case len(t.idx) < t.k:
		t.idx = append(t.idx, x)
		p = len(t.idx) - 1
	case cost.Less(t.cands[t.idx[len(t.idx)-1]].cost):
		p = len(t.idx) - 1
		t.idx[p] = x
	default:
		return
	}
	for ; p > 0 && t.cands[t.idx[p]].cost.Less(t.cands[t.idx[p-1]].cost); p-- {
		t.idx[p], t.idx[p-1] = t.idx[p-1], t.idx[p]
	}
}

// kth returns the k-th smallest cost, or the largest if there are fewer
// than k candidates.
func (t *topK) kth() lap.Value { return t.cands[t.idx[len(t.idx)-1]].cost }

// kthSmallest returns the k-th smallest cost of cands, or the largest if
// there are fewer than k.
func kthSmallest(sr *search, cands []candidate, k int) lap.Value {
	costs := sr.costs[:0]
	for _, c := range cands {
		costs = append(costs, c.cost)
	}
	sr.costs = costs
	slices.SortFunc(costs, func(a, b lap.Value) int {
		switch {
		case a.Less(b):
			return -1
		case b.Less(a):
			return 1
		}
		return 0
	})
	return costs[min(k, len(costs))-1]
}

// alternative follows the cycle that forcing row onto the seat of cd
// (of pool mentor cd.mentor) closes — the arc row → seat, then the path
// from seat back to row, which ends at target: through paths, or when
// cd.via through T (Out's path to T, then In's path from T to target) —
// and says what it changes.
func (g *altGraph) alternative(ctx context.Context, row int, cd candidate, target int, paths *lap.Search) (Alternative, error) {
	st := g.st
	c, seat := cd.mentor, cd.seat
	moves := []move{{row, seat}}
	var err error
	if !cd.via {
		moves, err = g.walk(moves, paths, seat, target)
	} else if moves, err = g.walk(moves, g.Out(), seat, g.Cols()); err == nil {
		moves = g.fromT(moves, target)
		if !distinctRows(moves) {
			// The two halves meet: a walk, not a path, of the same
			// length as a path (rounding aside); take the path from the
			// whole graph's search instead.
			full := g.NewSearch()
			if err := g.SearchBack(ctx, full, target, valueInf); err != nil {
				return Alternative{}, err
			}
			moves, err = g.walk(moves[:1], full, seat, target)
		}
	}
	if err != nil {
		return Alternative{}, err
	}

	a := Alternative{MentorID: st.mentorIDs[c], Score: g.score(row, c), Changes: []Change{}}
	for _, mv := range moves {
		ch := Change{MenteeID: st.menteeIDs[mv.row]}
		var had, has float64
		if s := st.seatOf[mv.row]; s >= 0 {
			oc := st.seatMentor[s]
			ch.Loses, had = st.mentorIDs[oc], g.score(mv.row, oc)
		}
		if mv.to >= 0 {
			if nc := g.colMentor[mv.to]; nc >= 0 && g.allowed(mv.row, nc) {
				ch.Gets, has = st.mentorIDs[nc], g.score(mv.row, nc)
			}
		}
		switch {
		case ch.Loses == ch.Gets: // another seat of the same mentor, or still unmatched
			continue
		case ch.Loses != "" && ch.Gets != "":
			a.ScoreLoss += had - has
		case ch.Loses != "":
			a.ScoreLoss += had
			a.PriorityLoss += st.priority[mv.row]
			a.LostDuos++
		default:
			a.ScoreLoss -= has
			a.PriorityLoss -= st.priority[mv.row]
			a.LostDuos--
		}
		a.Changes = append(a.Changes, ch)
	}
	a.Loss = a.ScoreLoss + a.PriorityLoss
	return a, nil
}

// move is a row's move along a chain: to a seat (a column of the graph),
// or -1 for "left out".
type move struct{ row, to int }

// walk appends to moves the moves along the path of paths from column
// from to target (a column, or T).
func (g *altGraph) walk(moves []move, paths *lap.Search, from, target int) ([]move, error) {
	t := g.Cols()
	cur := from
	for steps := 0; ; steps++ {
		if steps > g.Rows()+g.Cols()+2 {
			return nil, errors.New("match: internal error: the chain of an alternative does not close")
		}
		if cur == t {
			if target == t {
				break
			}
			if x := paths.Row(t); x >= 0 {
				moves = append(moves, move{x, paths.Next(t)})
			}
			cur = paths.Next(t)
		}
		if cur == target {
			break
		}
		m := paths.Row(cur) // the row that leaves cur on the path
		if m < 0 {
			cur = t
			continue
		}
		next := paths.Next(cur)
		if next == t {
			moves = append(moves, move{m, -1})
		} else {
			moves = append(moves, move{m, next})
		}
		cur = next
	}
	return moves, nil
}

// fromT appends to moves the moves along the cheapest path from T to the
// column target ([lap.Residual.InPrev]), in path order.
func (g *altGraph) fromT(moves []move, target int) []move {
	n := len(moves)
	for v := target; v != g.Cols() && v >= 0; {
		prev, r := g.InPrev(v)
		if r >= 0 {
			moves = append(moves, move{r, v})
		}
		v = prev
	}
	slices.Reverse(moves[n:])
	return moves
}

// distinctRows reports whether no row moves twice.
func distinctRows(moves []move) bool {
	for i := range moves {
		for j := i + 1; j < len(moves); j++ {
			if moves[i].row == moves[j].row {
				return false
			}
		}
	}
	return true
}
