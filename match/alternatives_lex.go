package match

import (
	"math"
)

// lex is a value of the lexicographic objective: a count of pairs and a
// real part (in units of 2^DualExp), compared count first.
type lex struct {
	n int
	x float64
}

func (a lex) add(b lex) lex { return lex{a.n + b.n, a.x + b.x} }

func (a lex) less(b lex) bool { return a.n < b.n || (a.n == b.n && a.x < b.x) }

// above reports whether a exceeds b by more than tol in the real part
// (count parts are compared exactly).
func (a lex) above(b lex, tol float64) bool { return a.n > b.n || (a.n == b.n && a.x > b.x+tol) }

var lexInf = lex{math.MaxInt, math.Inf(1)}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// lexHeap is a binary min-heap of search nodes by distance, then index.
type lexHeap []heapItem

type heapItem struct {
	d lex
	v int32
}

func (h lexHeap) less(i, j int) bool {
	a, b := h[i], h[j]
	if a.d != b.d {
		return a.d.less(b.d)
	}
	return a.v < b.v
}

func (h *lexHeap) push(it heapItem) {
	*h = append(*h, it)
	q := *h
	for i := len(q) - 1; i > 0; {
		p := (i - 1) / 2
		if !q.less(i, p) {
			break
		}
		q[i], q[p] = q[p], q[i]
		i = p
	}
}

func (h *lexHeap) pop() heapItem {
	q := *h
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	q = q[:last]
	for i := 0; ; {
		l := 2*i + 1
		if l >= len(q) {
			break
		}
		m := l
		if r := l + 1; r < len(q) && q.less(r, l) {
			m = r
		}
		if !q.less(m, i) {
			break
		}
		q[i], q[m] = q[m], q[i]
		i = m
	}
	*h = q
	return top
}
