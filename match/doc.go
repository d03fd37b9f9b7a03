// Package match chooses mentor–mentee pairs: given a score matrix whose
// rows are mentees and whose columns are mentors, [Assign] picks pairs, at
// most one per row and per column, that maximise the total score, and
// returns them with a certificate of optimality that [Verify] checks from
// scratch. The solver works on any gonum mat.Matrix and knows nothing of
// people; the packages profile and scoring build the matrix.
//
// # Objective
//
// An entry of math.Inf(-1) marks a forbidden pair: it is a removed edge,
// never chosen and never replaced by a large finite number. NaN and +Inf
// are errors ([ErrBadScore]); every finite score, negative or huge, is
// valid. The objective is lexicographic: first the largest possible number
// of pairs among allowed entries, then, among assignments with that many
// pairs, the largest total. A row or column whose entries are all
// forbidden stays unmatched. On a matrix without forbidden entries this is
// SciPy's linear_sum_assignment(maximize=True), for any shape.
//
// # Certificate
//
// Give each allowed pair the weight (1, score) in the ordered group Z×R,
// compared lexicographically. Linear-programming duality holds there, and
// an optimal dual solution gives each row and column a dual in two parts:
// a count part in {0, 1} ([Assignment].RowCover, ColCover; the covered
// rows and columns form a minimum vertex cover of the allowed pairs, as in
// König's theorem) and a real part ([Assignment].RowDual, ColDual). [Verify]
// checks dual feasibility on every allowed pair, complementary slackness
// on the pairs and the unmatched rows and columns, and the structure of
// the assignment, within a tolerance scaled by the scores' magnitude
// ([Tolerance]). Together these prove that no assignment has more pairs,
// or as many pairs and a larger total (up to that tolerance).
//
// # Algorithm
//
// Shortest augmenting paths with dual variables in the style of Jonker and
// Volgenant (LAPJV, 1987), on the orientation with no more rows r than
// columns c (a tall matrix is solved transposed; rectangular problems are
// not padded to a square):
//
//   - initialisation: for square problems, column reduction and reduction
//     transfer; then two passes of augmenting row reduction (an auction-like
//     step, capped to O(r·c) work per pass). Rectangular problems skip the
//     column reduction, so that unmatched columns keep a zero dual, as in
//     Bijsterbosch and Volgenant's rectangular variant;
//   - augmentation: for each row still free, a Dijkstra-like search over
//     reduced weights until a free column is reached, then a dual update of
//     the scanned columns and a flip of the path. Forbidden pairs are simply
//     absent edges.
//
// A row that finds no augmenting path stays free: the matching then has
// maximum cardinality but possibly the wrong set of matched rows (two
// mentees wanting the one mentor who suits only them). The rows and
// columns reachable from free rows by alternating paths split the problem
// into two independent parts (a König decomposition): one where every row
// is matched, already solved, and one where every column is matched,
// solved again, transposed, with the same code. The result is exact.
//
// Rows and columns without any allowed entry are dropped before the solve.
// Scores so large that sums could overflow (above about 2^1000/(r+c)) are
// scaled by a power of two, which is exact; [Assignment].DualExp records it.
//
// # Cost
//
// Time O(r²c) in the worst case for r <= c (O(c²r) for a tall matrix),
// usually much less; validation and copying are O(r·c). Memory: at most
// one working copy of the matrix plus O(r+c). A *mat.Dense that needs no
// transposition, scaling or dropping is read in place, through its backing
// slice, without a copy; other mat.Matrix values are read once, entry by
// entry, into the working copy. The rebalancing step described above
// copies the part it re-solves; the parts' copies hold at most r·c entries
// together, but may coexist with the first working copy. Working copies
// are recycled between calls through a sync.Pool.
//
// # Determinism and ties
//
// The same matrix gives the same pairs on every run and every machine:
// there is no randomness, no map iteration and no concurrency, and the
// solver only adds, subtracts and compares float64 values in a fixed order
// (no fused multiply-add can change a rounding). Ties are broken by index:
// the column reduction gives a column to the lowest row among its best;
// the row reduction takes a row's best column of lowest index, or, when
// that column is taken and ties with another, the free one of lowest index
// among the best, else the second; each search takes, among unscanned columns of
// equal path value, the free one of lowest index, else the one of lowest
// index; free rows are processed in increasing order. Which optimal
// assignment is returned among several with the same total is a function
// of the matrix only, but not a documented preference: callers who care
// should break ties in the scores.
//
// # Cancellation
//
// Assign checks its context before starting, during validation, and
// regularly during the solve (between augmentations and every few hundred
// steps inside one), and returns ctx.Err() promptly when it is done.
//
// # Matching rounds
//
// [Propose] runs a round for a nonprofit's pools: it validates every
// profile and the round (all problems at once), sets aside ineligible
// people (reason ineligible, with every violated rule) and pinned duos
// (kept, never broken, using their mentor's capacity), scores the rest
// with a compiled [scoring.Pool], and solves one assignment problem whose
// columns are mentor seats (a mentor of capacity 2 has two). A pair is
// allowed when no hard rule blocks it and its score reaches
// [Round.MinScore]; its value is the score plus the mentee's waiting
// priority, which moves the objective but never the reported score.
// MostMatched (the default) uses the solver's lexicographic objective
// directly; BestTotal solves the same matrix with disallowed pairs worth 0,
// which is exact because every allowed value is ≥ 0. Every person left
// out gets a reason: no_compatible_mentor (with the blocking rules
// counted), below_min_score, outcompeted (with the best partner and who
// took them), at_capacity. People are taken in ID order, so the proposal
// does not depend on the order of the input.
//
// [Proposal.Alternatives] prices overruling a proposal exactly: forcing a
// pair costs its reduced weight plus the shortest path back through the
// residual graph of the optimal assignment, under the certificate's duals;
// one reverse Dijkstra gives it for every mentor at once, in O((m+n)²).
// Tests check every figure against re-running the round with the pair
// pinned.
package match
