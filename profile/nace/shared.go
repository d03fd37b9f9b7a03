package nace

// Rev2 returns the NACE Rev. 2 codes that c corresponds to: c itself for a
// Rev. 2 code; for a NACE Rev. 2.1 or NACEBEL 2025 code, the Rev. 2 codes
// that Eurostat's correspondence table links it to (one to six, on the same
// level). A NACEBEL subclass has its class's codes. A code the table links
// to nothing (class 46.89) has its parent's codes, one level up. The zero
// Code has none. The slice is new; cost O(result).
func (c Code) Rev2() []Code {
	set := c.rev2()
	out := make([]Code, len(set))
	for k, j := range set {
		out[k] = Code{sys: Rev2, i: j + 1}
	}
	return out
}

// rev2 returns the numbers in the Rev. 2 table of c's Rev. 2 codes, shared
// with the tables: callers must not change it.
func (c Code) rev2() []int32 {
	if c.i == 0 {
		return nil
	}
	t := load()
	i := int(c.i - 1)
	if c.sys == Rev2 {
		return []int32{int32(i)}
	}
	tab := t.sys[c.sys]
	code := tab.Code(tab.Ancestor(i, min(tab.Level(i), 4)))
	j, _ := t.sys[Rev21].Index(code) // NACEBEL's levels 1 to 4 are Rev. 2.1's
	for len(t.toRev2[j]) == 0 {
		if j = t.sys[Rev21].Parent(j); j < 0 {
			return nil // not reached: every section has a link
		}
	}
	return t.toRev2[j]
}

// Shared returns how many levels of the NACE hierarchy a and b have in
// common from the top, 0 to 4: 0 different sections, 1 the same section, 2
// the same division, 3 the same group, 4 the same class. A level counts
// only when both codes reach it, so "62" and "62.01" share 2 levels. Two
// NACEBEL subclasses count as their classes: "01.191" and "01.199" share 4.
// The zero Code shares 0 with every code.
//
// Codes of one revision are compared in that revision's hierarchy; NACE
// Rev. 2.1 and NACEBEL 2025 are one hierarchy on levels 1 to 4, so "62.10"
// (Rev21) and "62.100" (NACEBEL2025) share 4.
//
// Codes of different revisions are compared through Eurostat's
// correspondence: the Rev. 2.1 or NACEBEL code stands for its set of Rev. 2
// codes ([Code.Rev2]), and the grade is the BEST over that set: a and b
// share a level when any of those codes shares it with the Rev. 2 code.
// Rev. 2.1 class 62.10 maps to Rev. 2 class 62.01 alone, so the two share
// 4; Rev. 2.1 class 88.91 (child day-care) maps to Rev. 2 classes 85.10 and
// 88.91, so it shares 4 with Rev. 2's 88.91 and 4 with 85.10. The best pair
// is chosen, not the worst, because every link in the table means the two
// codes have activities in common, which is what a shared sector is meant
// to find; the worst pair, or the deepest code common to the whole set,
// would grade 88.91 against itself 0, because that set spans two sections.
// The price is that a Rev. 2.1 code that was split up matches each of its
// former codes fully. The grade never exceeds the shallower code's level.
//
// Cost: O(1) within a revision; O(size of the set) across, at most 6.
func Shared(a, b Code) int {
	if a.i == 0 || b.i == 0 {
		return 0
	}
	if (a.sys == Rev2) == (b.sys == Rev2) {
		return sharedWithin(a, b)
	}
	if b.sys == Rev2 {
		a, b = b, a
	}
	best := 0
	for _, j := range b.rev2() {
		best = max(best, sharedWithin(a, Code{sys: Rev2, i: j + 1}))
	}
	return min(best, b.Level())
}

// sharedWithin compares two codes of one hierarchy (Rev. 2, or Rev. 2.1 and
// NACEBEL 2025) by their ancestors' codes, level by level.
func sharedWithin(a, b Code) int {
	t := load()
	ta, tb := t.sys[a.sys], t.sys[b.sys]
	ia, ib := int(a.i-1), int(b.i-1)
	n := 0
	for lv := 1; lv <= min(ta.Level(ia), tb.Level(ib), 4); lv++ {
		if ta.Code(ta.Ancestor(ia, lv)) != tb.Code(tb.Ancestor(ib, lv)) {
			break
		}
		n = lv
	}
	return n
}
