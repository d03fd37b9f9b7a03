// Package lap solves the linear assignment problem: given an r×c matrix of
// scores, pick pairs (row, column), at most one per row and per column,
// that maximise the total score, and prove the choice optimal.
//
// [Assign] takes any gonum mat.Matrix, of any shape, where math.Inf(-1)
// marks a forbidden pair, and returns an [Assignment]: the chosen pairs
// and a certificate of optimality (dual values) that [Verify] checks from
// scratch. The objective is lexicographic: the most pairs first, then the
// best total. The package knows nothing of what rows and columns stand
// for; it imports no other package of this module.
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
//     transfer (when the caller's matrix is solved in place, the column
//     maxima are found by the same scan that checks it); then two passes
//     of augmenting row reduction (an auction-like step, one read of the
//     row per step, capped to O(r·c) work per pass). Rectangular problems skip the
//     column reduction, so that unmatched columns keep a zero dual, as in
//     Bijsterbosch and Volgenant's rectangular variant;
//   - augmentation: for each row still free, a Dijkstra-like search over
//     reduced weights until a free column is reached, then a dual update of
//     the scanned columns and a flip of the path. As in Jonker and
//     Volgenant's SCAN list, the columns at the current best path value
//     are taken as a batch and scanned with a cheaper pass that only looks
//     for more columns at that value, stopping at the first free one; on
//     scores with many equal values (points, ratings, two decimals) most
//     scans are of that kind. Forbidden pairs are simply absent edges.
//
// On amd64 processors with AVX2 (detected when the package is
// initialised), the passes that read a whole row — the load scan, the row
// reduction's search for a row's two best columns, the search's
// relaxations — and the transposed copy of a tall matrix run four entries
// at a time, in assembly. They compute every value with the same
// operations in the same order as the scalar code (no fused multiply-add)
// and visit ties in the same order, so the result is bit for bit the
// scalar code's, which every other processor runs, and which the build tag
// purego selects everywhere; the tests check the two against each other.
//
// A row that finds no augmenting path stays free: the matching then has
// maximum cardinality but possibly the wrong set of matched rows (two
// rows wanting the one column that alone suits either). The rows and
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
// one working copy of the matrix plus O(r+c), the O(r+c) scratch of each
// solve recycled between calls (a solve allocates little more than its
// Assignment). A matrix with row-major
// backing data (a *mat.Dense, including views made by Slice, or any
// mat.RawMatrixer) that needs no transposition, scaling or dropping is read
// in place, without a copy; other mat.Matrix values are read once, entry by
// entry, into the working copy (plus r·c bits when such a matrix must be
// transposed once its all-forbidden rows and columns are dropped). The rebalancing step described above
// copies the part it re-solves; the parts' copies hold at most r·c entries
// together, but may coexist with the first working copy. Working copies
// are recycled between calls through pools by size class (a buffer is
// reused only when it is at most twice the size needed).
//
// A caller can hold the memory down further with two documented
// mechanisms. A matrix computed on the fly can implement [RowReader]: it
// is then read a row at a time, twice (once to check it, once into the
// working copy), so the working copy is the only copy of its values, in
// whichever orientation the solve needs, with no r·c bits of scratch. A
// [Workspace] keeps the working copy between solves and hands its buffer
// over with [Workspace.Release], so that a caller can reuse the memory of
// the solve for its own copy of the matrix.
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
// among the best, else the second; each search, on reaching a new best
// path value, ends at the free column of lowest index at that value if
// there is one, else scans those columns in index order, then the columns
// that reach the same value in the order they reach it, and ends at the
// first free one; free rows are processed in increasing order. Which optimal
// assignment is returned among several with the same total is a function
// of the matrix's values only, whatever its type, but not a documented
// preference: callers who care
// should break ties in the scores.
//
// # Sparse problems
//
// When only a few pairs are allowed, as in a round where distance,
// languages and free time rule most pairs out, [AssignSparse] solves a
// [Sparse] problem (built with a [SparseBuilder]: each row's allowed
// pairs, float32 scores, and a capacity per column) in time and memory
// that grow with the allowed pairs rather than r·c. Its objective, its
// certificate and its [Assignment] are those of [Assign], a column's dual
// counting once per seat; [VerifySparse] checks it. The algorithm (sparse
// shortest augmenting paths with the rows' unmatched options) is described
// on [AssignSparse].
//
// # After the solve: forcing a pair, adding a row or a column
//
// The certificate prices changes without solving again. Its duals, as
// [Value]s of Z×R, make every arc of the residual graph of the assignment
// non-negative, so shortest paths under the reduced costs price them:
//
//   - [Residual] is that graph for a solved matrix. [Residual.ForceCost]
//     is the cost of forcing row i onto column j (the reduced cost of the
//     pair plus the shortest path from j back to i: the cheapest cycle
//     through the pair); [Residual.Out] and [Residual.In] are two searches
//     shared by every pair, which price outright every pair of an
//     unmatched row and bound the others, and [Residual.SearchBack] is
//     the search, cut off at a limit, that a matched row needs;
//     [Residual.SearchNear] is the same search without the node
//     "outside the assignment", whose paths Out and In price, and which
//     therefore stays near its target. The paths say which pairs would
//     move. Cost: O(r·c·log(r+c)) to build and for each search at worst,
//     far less when the limit cuts it. [NewSparseResidual] is the same
//     graph for a [Sparse] problem, a column one node whatever its seats:
//     O(E·log(r+c)) for E allowed pairs.
//   - [Growth] keeps an assignment optimal as the matrix grows by a row or
//     a column ([Growth.AddRow], [Growth.AddCol]): the optimum changes
//     along one alternating path from the new vertex, found by one
//     Dijkstra search and followed by the usual dual update. Cost: at most
//     O(r·c) a step, against a solve from scratch. [SparseGrowth] does it
//     for a Sparse problem growing by columns, each with its allowed rows,
//     with a heap: at most O(E·log E) a step.
//
// Tests check them against solving the changed problem with [Assign] or
// [AssignSparse], and the sparse forms against the dense ones on the
// problem laid out one column per seat.
//
// # Cancellation
//
// Assign checks its context before starting, during validation, and
// regularly during the solve (between augmentations and every few hundred
// steps inside one), and returns ctx.Err() promptly when it is done.
package lap
