package lap

// sparseHeap is a binary min-heap of search entries by distance, then
// index, with stale entries left in place (lazy deletion).
type sparseHeap []sparseItem

// sparseItem is a heap entry. On equal distances, an end of a path (a
// column with a free seat, an unmatched option) comes first, so that a
// search on a plateau of ties stops as soon as it can.
type sparseItem struct {
	d Value
	j int32 // a column; columns for the source's unmatched option; columns+1+k for row k's
	// key is j, less 2^31 for an end, so that ends sort first.
	key int64
}

func (a sparseItem) less(b sparseItem) bool {
	if a.d.N != b.d.N {
		return a.d.N < b.d.N
	}
	if a.d.X != b.d.X {
		return a.d.X < b.d.X
	}
	return a.key < b.key
}

func (h *sparseHeap) push(d Value, j int32, end bool) {
	key := int64(j)
	if end {
		key -= 1 << 31
	}
	*h = append(*h, sparseItem{d, j, key})
	q := *h
	i := len(q) - 1
	it := q[i]
	for i > 0 {
		p := (i - 1) / 2
		if !it.less(q[p]) {
			break
		}
		q[i] = q[p]
		i = p
	}
	q[i] = it
}

func (h *sparseHeap) pop() sparseItem {
	q := *h
	top := q[0]
	last := len(q) - 1
	it := q[last]
	q = q[:last]
	i := 0
	for {
		l := 2*i + 1
		if l >= len(q) {
			break
		}
		m := l
		if r := l + 1; r < len(q) && q[r].less(q[l]) {
			m = r
		}
		if !q[m].less(it) {
			break
		}
		q[i] = q[m]
		i = m
	}
	if len(q) > 0 {
		q[i] = it
	}
	*h = q
	return top
}
