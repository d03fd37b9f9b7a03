package scoring

import (
	"math/bits"

	"github.com/duomatch/duo/profile"
)

// nace is a parsed NACE Rev. 2 code, packed so that comparing two codes
// is one XOR: the section (1 for A … 21 for U) in bits 24..31, the
// division in bits 16..23, the group digit plus 1 in bits 12..15, the class
// digit plus 1 in bits 8..11 and the depth (1..4) in bits 0..3. Levels the
// code does not reach are 0. 0 is no code.
type nace uint32

func parseNACE(s profile.Sector) nace {
	p, err := s.Parse()
	if err != nil {
		return 0
	}
	n := nace(p.Section-'A'+1)<<24 | nace(p.Depth)
	if p.Depth >= 2 {
		n |= nace((p.Digits[0]-'0')*10+p.Digits[1]-'0') << 16
	}
	if p.Depth >= 3 {
		n |= nace(p.Digits[2]-'0'+1) << 12
	}
	if p.Depth >= 4 {
		n |= nace(p.Digits[3]-'0'+1) << 8
	}
	return n
}

// naceLevels maps the number of leading zero bits of a XOR b to the levels
// they share if both codes were deep enough.
var naceLevels = func() (t [33]uint8) {
	for lz := range t {
		switch {
		case lz < 8:
			t[lz] = 0
		case lz < 16:
			t[lz] = 1
		case lz < 20:
			t[lz] = 2
		case lz < 24:
			t[lz] = 3
		default:
			t[lz] = 4
		}
	}
	return t
}()

// shared returns how many levels of the hierarchy a and b share, as
// [profile.SectorPath.Shared] does: the leading fields that are equal, but
// no deeper than the shallower code.
func (a nace) shared(b nace) int {
	return int(min(naceLevels[bits.LeadingZeros32(uint32(a^b))], uint8(a&0xf), uint8(b&0xf)))
}

// sectionBit returns n's section as a bit (1 << 1 for A … 1 << 21 for U),
// so that a set of sections is a bit set: two codes share a level exactly
// when their sections' bits meet.
func (n nace) sectionBit() uint32 { return 1 << (n >> 24) }

// prefix returns the code of the level-th level of n's hierarchy, such as
// "J", "62", "62.0" or "62.01".
func (n nace) prefix(level int) string {
	div := int(n>>16) & 0xff
	group := byte('0' + int(n>>12)&0xf - 1)
	class := byte('0' + int(n>>8)&0xf - 1)
	switch level {
	case 1:
		return string(rune('A' + int(n>>24) - 1))
	case 2:
		return twoDigits(div)
	case 3:
		return twoDigits(div) + "." + string(group)
	}
	return twoDigits(div) + "." + string([]byte{group, class})
}

func twoDigits(x int) string { return string([]byte{byte('0' + x/10), byte('0' + x%10)}) }

// isco is a valid ISCO-08 code: its length (1..4) in bits 16..19 and its
// digits in bits 12..15 (first) down to 0..3 (fourth). 0 is no code.
type isco uint32

func parseISCO(o profile.Occupation) isco {
	if !o.Valid() {
		return 0
	}
	c := isco(len(o)) << 16
	for i := 0; i < len(o); i++ {
		c |= isco(o[i]-'0') << (12 - 4*i)
	}
	return c
}

// shared returns the length of the common prefix of a and b's digits, as
// [profile.SharedOccupationLevels] does: the equal leading digits (the
// leading zero bits of their XOR, four a digit), no more than the shorter
// code has; 0 when either is no code.
func (a isco) shared(b isco) int {
	return int(min(a>>16, b>>16, isco(bits.LeadingZeros32(uint32(a^b)<<16)/4)))
}

func (a isco) prefix(level int) string {
	b := make([]byte, level)
	for i := range b {
		b[i] = byte('0' + (a>>(12-4*i))&0xf)
	}
	return string(b)
}
