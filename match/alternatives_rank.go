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
// Why the pruned search is exact. Concatenating s → T and T → s0 gives a
// walk from s to s0, so D(s→s0) ≤ out.dist[s] + in[s0], and
// U(s) = rc(row,s) + out.dist[s] + in[s0] ≥ c(s). Let B be the k-th
// smallest, over the mentors, of the smallest U of their seats (the
// largest if there are fewer than k): at least min(k, mentors) mentors
// cost at most B. Let R be the smallest rc(row,s) over the seats of these
// mentors, and L = B - R. A seat s with c(s) ≤ B + tol has
// D(s→s0) = c(s) - rc(row,s) ≤ B + tol - R = L + tol. The search towards
// s0 ignores every path longer than L + tol and stops there, and a node
// whose distance is within that limit has a shortest path made of such
// nodes (reduced costs are ≥ 0), so it is settled with its exact distance.
// Hence each mentor costing at most B + tol has its cheapest seat settled
// and its exact cost; every other mentor costs more than B + tol, ranks
// behind the mentors that define B, and cannot be in the top k. tol (far
// above the rounding of a path of rows+seats arcs) keeps this true in
// floating point, and it also covers re-ranking by the Loss computed from
// the changes, which differs from the dual cost only by rounding. The
// same argument, with the exact k-th cost in place of B, lets only the
// mentors within tol of the k-th best have their changes worked out.
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
	target, paths := g.Cols(), g.Out()
	if s0 := g.RowMate(row); s0 >= 0 {
		limit := valueInf
		if prune {
			b, least, ok := g.bound(sr, row, current, k)
			if !ok {
				return []Alternative{}, nil
			}
			b = b.Add(g.In(s0))
			limit = b.Sub(least).Add(lap.Value{X: 2 * g.slack})
		}
		if err := g.SearchBack(ctx, sr.Search, s0, limit); err != nil {
			return nil, err
		}
		target, paths = s0, sr.Search
	}

	// The exact cost of every mentor whose cheapest seat was reached; a
	// mentor's seats are consecutive.
	cands := sr.cands[:0]
	g.EachPair(row, func(s int, rc lap.Value) {
		c := g.colMentor[s]
		if c < 0 || c == current || !paths.Settled(s) || !g.allowed(row, c) {
			return
		}
		cost := rc.Add(paths.Dist(s))
		if n := len(cands); n > 0 && cands[n-1].mentor == c {
			if cost.Less(cands[n-1].cost) {
				cands[n-1].cost, cands[n-1].seat = cost, s
			}
			return
		}
		cands = append(cands, candidate{c, s, cost})
	})
	sr.cands = cands
	if len(cands) == 0 {
		return []Alternative{}, nil
	}
	kth := kthSmallest(sr, cands, k)

	out := make([]Alternative, 0, min(k, len(cands)))
	for _, cd := range cands {
		if cd.cost.Above(kth, g.Tol()+2*g.slack) {
			continue
		}
		a, err := g.alternative(row, cd.mentor, cd.seat, target, paths)
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

// bound returns the k-th smallest, over the mentors row may be forced
// onto, of the smallest rc(row,s) + out.dist[s] of their seats (the
// largest if there are fewer than k), the smallest rc(row,s) of these
// seats, and false when there is no such mentor.
func (g *altGraph) bound(sr *search, row, current, k int) (lap.Value, lap.Value, bool) {
	cands := sr.cands[:0]
	least := valueInf
	g.EachPair(row, func(s int, rc lap.Value) {
		c := g.colMentor[s]
		if c < 0 || c == current || !g.allowed(row, c) {
			return
		}
		if rc.Less(least) {
			least = rc
		}
		u := rc.Add(g.Out().Dist(s))
		if n := len(cands); n > 0 && cands[n-1].mentor == c {
			if u.Less(cands[n-1].cost) {
				cands[n-1].cost = u
			}
			return
		}
		cands = append(cands, candidate{c, s, u})
	})
	sr.cands = cands
	if len(cands) == 0 {
		return lap.Value{}, lap.Value{}, false
	}
	return kthSmallest(sr, cands, k), least, true
}

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

// alternative follows the cycle that forcing row onto seat (of pool mentor
// c) closes — the arc row → seat, then the path from seat back to row
// through paths, which ends at target — and says what it changes.
func (g *altGraph) alternative(row, c, seat, target int, paths *lap.Search) (Alternative, error) {
	st := g.st
	type move struct{ row, to int } // to: a seat, or -1 for "left out"
	moves := []move{{row, seat}}
	t := g.Cols()
	cur := seat
	for steps := 0; ; steps++ {
		if steps > g.Rows()+g.Cols()+2 {
			return Alternative{}, errors.New("match: internal error: the chain of an alternative does not close")
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
