package lap

// arena hands out the O(r+c) scratch slices of one solve of [Assign] (the
// solver's state, the loader's indices and maxima, the result before it
// is mapped back to the caller's indices) from chunks recycled between
// calls (see pool), so that a solve touches no fresh memory but what it
// returns. Its slices have arbitrary contents; each user sets what it
// reads. The zero value is an empty arena; release gives its chunks back.
type arena struct {
	fl     []float64 // the current float chunk: fl[fn:] is free
	in     []int     // the current int chunk: in[jn:] is free
	fn, jn int
	used   [][]float64 // float chunks, to give back
	usedI  [][]int     // int chunks, to give back
}

// arenaChunk is the least number of values a chunk holds.
const arenaChunk = 1 << 10

// floats returns n float64s of arbitrary contents.
func (a *arena) floats(n int) []float64 {
	if len(a.fl)-a.fn < n {
		a.fl, a.fn = floatPool.get(max(n, arenaChunk, 2*len(a.fl))), 0
		a.used = append(a.used, a.fl)
	}
	s := a.fl[a.fn : a.fn+n : a.fn+n]
	a.fn += n
	return s
}

// ints returns n ints of arbitrary contents.
func (a *arena) ints(n int) []int {
	if len(a.in)-a.jn < n {
		a.in, a.jn = intPool.get(max(n, arenaChunk, 2*len(a.in))), 0
		a.usedI = append(a.usedI, a.in)
	}
	s := a.in[a.jn : a.jn+n : a.jn+n]
	a.jn += n
	return s
}

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
	for _, b := range a.used {
		floatPool.put(b)
	}
	for _, b := range a.usedI {
		intPool.put(b)
	}
	*a = arena{}
}
