// Package match proposes mentor–mentee duos for a mentoring programme's
// matching round: who is paired with whom, why, who is left out and why,
// what overruling a proposal would cost, and which mentors to recruit.
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
// [Proposal.AllAlternatives] lists them for every mentee at once, and
// [Proposal.AlternativesOf] for a few, sharing the same work.
// [Proposal.Extras] gives what a service's request asks for beside the
// proposal ([Extras]: alternatives, needs and outreach). The same input
// gives the same proposal, byte for byte, whatever its order.
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
// up to [profile.MatchWithinDays] days, to the objective: with the default 0.005, a
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
// The solver, package [lap], reads that matrix row by row from the scores,
// twice (the round's matrix is a [lap.RowReader]), into its one working
// copy in the orientation it solves; the round lays out its own copy only
// after the solve, in the buffer its [lap.Workspace] releases. A round
// therefore holds the scores and one rows×seats copy at a time: 8 bytes
// per pair each (plus what the solver's rebalancing step copies, usually
// little).
//
// Rounds larger than 2^18 cells (512 × 512), where the hard rules leave
// few pairs, are scored on their allowed pairs only
// ([scoring.Pool.Candidates]: a grid of the distance limit finds the
// mentors near each mentee) and, when those are at most 20 % of the pairs
// or the cells exceed [MaxCells], solved on them by [lap.AssignSparse]:
// mentors are its columns with their seats as capacities, and for
// BestTotal a column worth 0 that every mentee may take stands for being
// unmatched. Memory is then about 20 bytes per allowed pair. Alternatives
// and needs of such a round are priced on the same sparse problem, with
// the certificate of its solve ([lap.NewSparseResidual],
// [lap.SparseGrowth]), never on a dense matrix; Outreach still builds the
// dense certificate of its proposal the first time it is asked for (a
// dense solve).
//
// [Proposal.Alternatives] prices overruling a proposal exactly: forcing a
// pair costs its reduced weight plus the shortest path back through the
// residual graph of the optimal assignment, under the certificate's duals
// ([lap.Residual]);
// the path is also the chain of duos that would move ([Change]).
// [Proposal.AllAlternatives] does it for every mentee of the pool at once:
// two searches shared by everybody price every seat's cost of handing its
// mentee on to a free seat or out of the round, and of refilling it from
// outside; that prices the pairs of every unmatched mentee outright and
// bounds the others, so that a matched mentee only needs a search back to
// the seat they vacate, over the assignment alone (a way through the
// outside is priced by the shared searches), cut off at the k-th best
// bound (and, reading each seat's arcs by increasing reduced cost, at its
// first arc beyond it). Cost: O(E·log(m+n)) shared for E allowed pairs
// (every cell of a dense round), then a small search per mentee; every
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
// updated ([lap.Growth]). [Proposal.Outreach] does the same for mentors
// left without a mentee, adding rows. Tests check every figure against
// re-running Propose with the new people added.
//
// # Words
//
// A [Proposal] holds codes (reasons, rule codes, IDs) and values, never
// words: [Unmatched.Text], [Alternative.Text], [Change.Text],
// [Need.Text] and [Outreach.Text] (through [Wanted]) render them in
// English, French, Dutch or German, [Proposal.PartTexts] the words of
// every duo's score, and [ReasonLabel] names a reason in a few words.
// Describe and String are their English forms.
//
// # The solver
//
// The assignment problem underneath is solved exactly by package [lap]
// (Jonker–Volgenant shortest augmenting paths, with a certificate of
// optimality); its documentation describes the algorithm, its cost, its
// tie rule and its certificate.
package match
