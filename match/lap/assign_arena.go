package lap

// arena hands out the O(r+c) scratch slices of one solve of [Assign] (the
// solver's state, the loader's indices and maxima, the result before it
// is mapped back to the caller's indices) from chunks recycled between
// calls (see pool), so that a solve touches no fresh memory but what it
// returns. Its slices have arbitrary contents; each user sets what it
// reads. The zero value is an empty arena; release gives its chunks back.
type arena struct {
	fl chunks[float64]
	in chunks[int]
}

// chunks is an arena's supply of one type: the current chunk, whose
// entries from off on are free, and every chunk taken, to give back.
type chunks[T any] struct {
	cur  []T
	off  int
	used [][]T
}

// arenaChunk is the least number of values a chunk holds.
const arenaChunk = 1 << 10

// take returns n values of arbitrary contents, from a new chunk of p when
// the current one has too few left.
func (c *chunks[T]) take(p *pool[T], n int) []T {
	if len(c.cur)-c.off < n {
		c.cur, c.off = p.get(max(n, arenaChunk, 2*len(c.cur))), 0
		c.used = append(c.used, c.cur)
	}
	s := c.cur[c.off : c.off+n : c.off+n]
	c.off += n
	return s
}

// release gives every chunk back to p and empties c.
func (c *chunks[T]) release(p *pool[T]) {
	for _, b := range c.used {
		p.put(b)
	}
	*c = chunks[T]{}
}

// floats returns n float64s of arbitrary contents.
func (a *arena) floats(n int) []float64 { return a.fl.take(&floatPool, n) }

// ints returns n ints of arbitrary contents.
func (a *arena) ints(n int) []int { return a.in.take(&intPool, n) }

// filled returns n ints, each v.
func (a *arena) filled(n, v int) []int {
	s := a.ints(n)
	for k := range s {
		s[k] = v
	}
	return s
}

// zeros returns n float64s, each 0.
func (a *arena) zeros(n int) []float64 {
	s := a.floats(n)
	clear(s)
	return s
}

// release gives the arena's chunks back to the pools; the slices it
// handed out must no longer be used.
func (a *arena) release() {
	a.fl.release(&floatPool)
	a.in.release(&intPool)
}
