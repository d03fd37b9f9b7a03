// Package match proposes mentor–mentee duos for a mentoring programme's
// matching round, and solves the assignment problem underneath exactly.
//
// # Running a round
//
// A service fills a [Round] (the day, the mentees and mentors, the duos that
// exist, the pairs never to propose, and the settings) and calls [Propose],
// which returns a [Proposal]:
//
//   - Duos: the pinned duos, kept as they are, and the proposed ones, each
//     with its score and the criteria that explain it;
//   - UnmatchedMentees and UnmatchedMentors: everyone left out, with a
//     stable reason code — ineligible (with every rule failed),
//     no_compatible_mentor or no_compatible_mentee (with the hard rules
//     that blocked each pair counted), below_min_score, outcompeted (with
//     the best partner and who took them), paused (Paused is set for this
//     round);
//   - FullMentors: the mentors whose pinned duos use all of their places,
//     who are not "unmatched": they could not take anyone;
//   - Overdue: mentees still unmatched more than a month after applying;
//     MissingAppliedOn: mentees whose waiting cannot be counted;
//     IgnoredExclusions: exclusions that name people no longer in the round.
//
// [Proposal.Alternatives] then lists, for a mentee, the next-best mentors
// and the exact cost to the pool of choosing each instead (duos lost, the
// loss of score and of waiting priority, and the duos that would move),
// so that a coordinator can overrule a proposal knowingly;
// [Proposal.AllAlternatives] lists them for every mentee at once. The same input gives the
// same proposal, byte for byte, whatever its order.
//
// Every setting's zero value is its default: the model programme's
// eligibility policy and scorer, MostMatched, no minimum score, and a
// waiting priority of [DefaultWaitBonus] a day. Bad input is reported all
// at once, each problem with its JSON path and the position in the
// caller's slices (mentees[13].applied_on, pinned[2].mentor_id) and the
// participant's ID, never other personal data.
//
// # Programme over time
//
// A round is one day of a programme. After it, a coordinator attends each
// first meeting; about a quarter fail. The next round pins the duos that
// work and excludes the failed pairs; [Round.Excluded] is history that only
// grows, so entries naming people who have left are ignored and counted,
// never an error (see the rematch example). A pair both pinned and excluded
// is an error.
//
// The model programme promises a match within one month of applying. Each
// mentee of the pool brings a priority of [Round.WaitBonus] per day waited,
// up to [MaxWaitDays] days, to the objective: with the default 0.005, a
// mentee who has waited 30 days brings 0.15, one who applied a week ago
// 0.035. Priority never changes a score; it decides who is matched when
// mentors are scarce (among the ways to match the same mentees, the
// priorities add up to the same amount, so scores alone choose between
// them). When one mentor
// suits a mentee who has waited 30 days with a pair of 0.60 and a newcomer
// with a pair of 0.70, the one who waited is matched (0.75 > 0.70); against
// a newcomer's 0.80 the newcomer is (0.75 < 0.80). [profile.Off] turns the
// priority off.
//
// # How a round is solved
//
// Propose validates every profile and the round, sets aside ineligible
// people and pinned duos (kept, never broken, using their mentor's
// capacity), scores the rest with a compiled [scoring.Pool], and solves one
// assignment problem whose columns are mentor seats (a mentor of capacity 2
// has two). A pair is allowed when no hard rule blocks it and its score
// reaches [Round.MinScore]; its value is the score plus the mentee's waiting
// priority. MostMatched (the default) uses the solver's lexicographic
// objective directly; BestTotal solves the same matrix with disallowed
// pairs worth 0, which is exact because every allowed value is ≥ 0, then
// adds the allowed pairs worth exactly 0 that seats left free permit.
// Assign reads that matrix row by row from the scores, twice, into its
// one working copy in the orientation it solves; the round lays out its
// own copy only after the solve, in the buffer Assign gives back. A round
// therefore holds the scores and one rows×seats copy at a time: 8 bytes
// per pair each, about 2 GiB at [MaxCells] when every mentor has one seat
// (plus what the solver's rebalancing step copies, usually little).
//
// [Proposal.Alternatives] prices overruling a proposal exactly: forcing a
// pair costs its reduced weight plus the shortest path back through the
// residual graph of the optimal assignment, under the certificate's duals;
// the path is also the chain of duos that would move ([Change]).
// [Proposal.AllAlternatives] does it for every mentee of the pool at once:
// two searches shared by everybody price every seat's cost of handing its
// mentee on to a free seat or out of the round, and of refilling it from
// outside; that prices the pairs of every unmatched mentee outright and
// bounds the others, so that a matched mentee only needs a search back to
// the seat they vacate, cut off at the k-th best bound (and, reading each
// seat's arcs by increasing reduced cost, at its first arc beyond it).
// Cost: O(m·n·log(m+n)) shared, then a small search per mentee; every
// mentee of a 1000×800 round, k = 5, in about 0.3 s on a 2-core machine,
// 2000×1600 in about 1 s; 16 bytes of memory per allowed pair. Tests check
// every figure, and the changes, against re-running the round with the
// pair pinned, and the pruned searches against unpruned ones.
//
// # What the pool is missing
//
// [Proposal.Needs] tells which mentors to recruit: it groups the eligible
// mentees left out by the mentor they would need (a language both speak,
// their place, a weekly slot, a gender wish; their sector and the
// language they practise), describes that mentor as a profile and a
// sentence, and values 1, 2, … such mentors exactly. Adding a mentor adds
// columns to the assignment problem; the optimum changes along one
// alternating path from each new column, found by a Dijkstra search under
// the reduced costs of the proposal's optimal duals, which are then
// updated. [Proposal.Outreach] does the same for mentors left without a
// mentee, adding rows. Tests check every figure against re-running
// Propose with the new people added.
//
// # The solver
//
// [Assign] works on any score matrix whose rows are mentees and whose
// columns are mentors: it picks pairs, at most one per row and per column,
// that maximise the total score, and returns them with a certificate of
// optimality that [Verify] checks from scratch. It works on any gonum
// mat.Matrix and knows nothing of people; the packages profile and scoring
// build the matrix.
//
// # Objective of the solver
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
// one working copy of the matrix plus O(r+c). A matrix with row-major
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
// # Cancellation
//
// Assign checks its context before starting, during validation, and
// regularly during the solve (between augmentations and every few hundred
// steps inside one), and returns ctx.Err() promptly when it is done.
package match
