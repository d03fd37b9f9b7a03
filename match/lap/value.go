package lap

// Value is a value of the lexicographic objective of [Assign] in the
// ordered group Z×R: a count of pairs N and a real part X, compared count
// first. Each allowed pair weighs Value{1, score}; the certificate of an
// [Assignment] gives each row and column a dual Value, whose N is its
// cover (0 or 1) and whose X is its real dual, in units of 2^DualExp of
// the scores. The zero Value is the group's zero.
type Value struct {
	N int
	X float64
}

// Add returns a + b. Cost: O(1).
func (a Value) Add(b Value) Value { return Value{a.N + b.N, a.X + b.X} }

// Sub returns a - b. Cost: O(1).
func (a Value) Sub(b Value) Value { return Value{a.N - b.N, a.X - b.X} }

// Less reports whether a < b: a smaller count, or the same count and a
// smaller real part. Cost: O(1).
func (a Value) Less(b Value) bool { return a.N < b.N || (a.N == b.N && a.X < b.X) }

// Above reports whether a exceeds b by more than tol in the real part;
// count parts are compared exactly, so a larger count is always above.
// Cost: O(1).
func (a Value) Above(b Value, tol float64) bool {
	return a.N > b.N || (a.N == b.N && a.X > b.X+tol)
}
