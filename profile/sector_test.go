package profile

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSectorParse(t *testing.T) {
	tests := []struct {
		name    string
		in      Sector
		want    SectorPath
		canon   string
		wantErr string
	}{
		{name: "section", in: "J", want: SectorPath{Section: 'J', Depth: 1}, canon: "J"},
		{name: "lower-case section", in: "k", want: SectorPath{Section: 'K', Depth: 1}, canon: "K"},
		{name: "last section", in: "U", want: SectorPath{Section: 'U', Depth: 1}, canon: "U"},
		{name: "division", in: "62", want: SectorPath{Section: 'J', Digits: "62", Depth: 2}, canon: "62"},
		{name: "group", in: "62.0", want: SectorPath{Section: 'J', Digits: "620", Depth: 3}, canon: "62.0"},
		{name: "class", in: "62.01", want: SectorPath{Section: 'J', Digits: "6201", Depth: 4}, canon: "62.01"},
		{name: "spaces", in: " 62.01 ", want: SectorPath{Section: 'J', Digits: "6201", Depth: 4}, canon: "62.01"},
		{name: "first division", in: "01.11", want: SectorPath{Section: 'A', Digits: "0111", Depth: 4}, canon: "01.11"},
		{name: "last division", in: "99", want: SectorPath{Section: 'U', Digits: "99", Depth: 2}, canon: "99"},
		{name: "section of division 35", in: "35.1", want: SectorPath{Section: 'D', Digits: "351", Depth: 3}, canon: "35.1"},
		{name: "section V does not exist", in: "V", wantErr: "not a NACE Rev. 2 code"},
		{name: "digit as section", in: "6", wantErr: "not a NACE Rev. 2 code"},
		{name: "empty", in: "", wantErr: "not a NACE Rev. 2 code"},
		{name: "class without the dot", in: "6201", wantErr: "not a NACE Rev. 2 code"},
		{name: "three digits", in: "620", wantErr: "not a NACE Rev. 2 code"},
		{name: "dot but no group", in: "62.", wantErr: "not a NACE Rev. 2 code"},
		{name: "too deep", in: "62.011", wantErr: "not a NACE Rev. 2 code"},
		{name: "letter in the class", in: "62.0a", wantErr: "not a NACE Rev. 2 code"},
		{name: "section and division", in: "J62", wantErr: "not a NACE Rev. 2 code"},
		{name: "comma", in: "62,01", wantErr: "not a NACE Rev. 2 code"},
		{name: "division 00", in: "00", wantErr: "NACE Rev. 2 has no division 00"},
		{name: "gap division in a class", in: "34.10", wantErr: "NACE Rev. 2 has no division 34"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.Parse()
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				assert.Equal(t, SectorPath{}, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.canon, got.String())
		})
	}
	assert.Equal(t, "", SectorPath{}.String())
}

// TestSectorDivisions checks every two-digit code: exactly the gaps of
// NACE Rev. 2 are rejected.
func TestSectorDivisions(t *testing.T) {
	gaps := []int{0, 4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89}
	for div := 0; div <= 99; div++ {
		code := Sector(fmt.Sprintf("%02d", div))
		_, err := code.Parse()
		if slices.Contains(gaps, div) {
			assert.Error(t, err, code)
		} else {
			assert.NoError(t, err, code)
		}
	}
}

func TestSharedSectorLevels(t *testing.T) {
	tests := []struct {
		name string
		a, b Sector
		want int
	}{
		{name: "same class", a: "62.01", b: "62.01", want: 4},
		{name: "same group", a: "62.01", b: "62.02", want: 3},
		{name: "same division", a: "62.01", b: "62.9", want: 2},
		{name: "same section", a: "62.01", b: "58.11", want: 1},
		{name: "different sections", a: "62.01", b: "64.19", want: 0},
		{name: "section and class", a: "J", b: "62.01", want: 1},
		{name: "division and class", a: "62", b: "62.01", want: 2},
		{name: "group and class", a: "62.0", b: "62.01", want: 3},
		{name: "two sections", a: "j", b: "J", want: 1},
		{name: "same first digit, other division", a: "61", b: "62", want: 1},
		{name: "same second digit, other section", a: "52", b: "62", want: 0},
		{name: "malformed", a: "62.01", b: "6201", want: 0},
		{name: "empty", a: "", b: "", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, SharedSectorLevels(tt.a, tt.b))
			assert.Equal(t, tt.want, SharedSectorLevels(tt.b, tt.a), "symmetric")
		})
	}
	assert.Equal(t, 0, SectorPath{}.Shared(SectorPath{}))
}

func TestOccupation(t *testing.T) {
	tests := []struct {
		name  string
		a, b  Occupation
		valid bool
		want  int
	}{
		{name: "same unit group", a: "2512", b: "2512", valid: true, want: 4},
		{name: "same minor group", a: "2512", b: "2513", valid: true, want: 3},
		{name: "same sub-major group", a: "2512", b: "2521", valid: true, want: 2},
		{name: "same major group", a: "2512", b: "2611", valid: true, want: 1},
		{name: "different", a: "2512", b: "3512", valid: true, want: 0},
		{name: "major group and unit group", a: "2", b: "2512", valid: true, want: 1},
		{name: "armed forces", a: "0110", b: "0110", valid: true, want: 4},
		{name: "five digits", a: "25121", b: "25121", valid: false, want: 0},
		{name: "letters", a: "25a1", b: "25a1", valid: false, want: 0},
		{name: "empty", a: "", b: "", valid: false, want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.valid, tt.a.Valid())
			assert.Equal(t, tt.want, SharedOccupationLevels(tt.a, tt.b))
			assert.Equal(t, tt.want, SharedOccupationLevels(tt.b, tt.a), "symmetric")
		})
	}
}
