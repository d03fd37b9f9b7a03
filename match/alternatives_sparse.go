package match

import "github.com/duomatch/duo/match/lap"

// sparseCert returns, for a round solved on its allowed pairs, an optimal
// assignment of its sparse problem (st.sparse) holding exactly the
// proposal's pairs, with the certificate of the solve, and true; false
// for a round solved dense, or when st.viaDense is set, or when that
// certificate does not prove the proposal optimal (then Alternatives and
// Needs use the dense certificate, see ensureDense).
//
// For MostMatched the proposal is the solver's assignment. For BestTotal
// each mentee the proposal leaves out is on the column of the unmatched,
// and the pairs worth exactly 0 that assignSparse adds (fillZeroPairs)
// replace pairs with that column worth 0 too: the assignment is worth as
// much, and the certificate stays complementary to it as long as the
// column of the unmatched keeps a zero dual, which [lap.VerifySparse]
// checks. Cost: O(allowed pairs), once.
func (st *roundState) sparseCert() (lap.Assignment, bool) {
	if st.sparse == nil {
		return lap.Assignment{}, false
	}
	st.denseMu.Lock()
	defer st.denseMu.Unlock()
	if st.viaDense {
		return lap.Assignment{}, false
	}
	if !st.certDone {
		st.certDone = true
		st.cert, st.certOK = st.proposalCert()
	}
	return st.cert, st.certOK
}

// proposalCert builds the assignment of sparseCert and checks it.
func (st *roundState) proposalCert() (lap.Assignment, bool) {
	a := st.sparseA
	if st.objective != BestTotal {
		return a, true
	}
	rows, cols := st.sparse.Dims()
	out := a
	out.Pairs = make([]lap.Pair, 0, rows)
	out.Total = 0
	for k := range rows {
		c := cols - 1 // the column of the unmatched
		if s := st.seatOf[k]; s >= 0 {
			c = st.seatMentor[s]
		}
		cs, ss := st.sparse.Row(k)
		for e, j := range cs {
			if int(j) == c {
				out.Pairs = append(out.Pairs, lap.Pair{Row: k, Col: c, Score: float64(ss[e])})
				out.Total += float64(ss[e])
				break
			}
		}
	}
	if len(out.Pairs) != rows || lap.VerifySparse(st.sparse, out) != nil {
		return lap.Assignment{}, false
	}
	return out, true
}
