package lap

// lexHeap is a binary min-heap of search nodes by distance, then index.
type lexHeap []heapItem

type heapItem struct {
	d Value
	v int32
}

func (h lexHeap) less(i, j int) bool {
	a, b := h[i], h[j]
	if a.d != b.d {
		return a.d.Less(b.d)
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
