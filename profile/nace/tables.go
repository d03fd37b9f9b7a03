package nace

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/duomatch/duo/internal/codetable"
)

//go:embed rev2.tsv
var rev2TSV string

//go:embed rev21.tsv
var rev21TSV string

//go:embed nacebel2025.tsv
var nacebelTSV string

//go:embed rev21_rev2.tsv
var corrTSV string

// tables holds the three classifications and the correspondence, read once
// from the embedded files and immutable afterwards.
type tables struct {
	sys [3]*codetable.Table // indexed by System
	// toRev2[i] lists the Rev. 2 codes of Rev. 2.1 code i (numbered as in
	// sys[Rev21]); empty for a code Eurostat links to no Rev. 2 code.
	toRev2 [][]int32
	// ambiguous[i] is true when Rev. 2 code i is also a Rev. 2.1 code
	// that does not map to it.
	ambiguous []bool
}

// load returns the tables, parsed on the first call (about 10 ms and
// 1.2 MB; BenchmarkParseTables).
// The embedded files are written and checked by internal/cmd/genclass, so
// an error here is a broken build: it panics.
var load = sync.OnceValue(func() *tables {
	t, err := parseTables()
	if err != nil {
		panic("nace: embedded tables: " + err.Error())
	}
	return t
})

func parseTables() (*tables, error) {
	rev2, err := codetable.Parse(rev2TSV, nil)
	if err != nil {
		return nil, fmt.Errorf("rev2.tsv: %w", err)
	}
	rev21, err := codetable.Parse(rev21TSV, nil)
	if err != nil {
		return nil, fmt.Errorf("rev21.tsv: %w", err)
	}
	bel, err := codetable.Parse(nacebelTSV, rev21)
	if err != nil {
		return nil, fmt.Errorf("nacebel2025.tsv: %w", err)
	}
	t := &tables{toRev2: make([][]int32, rev21.Len()), ambiguous: make([]bool, rev2.Len())}
	t.sys[Rev2], t.sys[Rev21], t.sys[NACEBEL2025] = rev2, rev21, bel
	lines := strings.Split(strings.TrimSuffix(corrTSV, "\n"), "\n")
	if len(lines) != rev21.Len()+1 {
		return nil, fmt.Errorf("rev21_rev2.tsv: %d lines, want %d", len(lines), rev21.Len()+1)
	}
	for n, line := range lines[1:] {
		from, to, ok := strings.Cut(line, "\t")
		i, known := rev21.Index(from)
		if !ok || !known || i != n {
			return nil, fmt.Errorf("rev21_rev2.tsv: line %d: not Rev. 2.1 code number %d", n+2, n)
		}
		for _, c := range strings.Fields(to) {
			j, ok := rev2.Index(c)
			if !ok {
				return nil, fmt.Errorf("rev21_rev2.tsv: line %d: not a Rev. 2 code", n+2)
			}
			t.toRev2[i] = append(t.toRev2[i], int32(j))
		}
	}
	for i := range rev2.Len() {
		if j, ok := rev21.Index(rev2.Code(i)); ok {
			t.ambiguous[i] = !mapsTo(t.toRev2[j], i)
		}
	}
	return t, nil
}

func mapsTo(set []int32, i int) bool {
	for _, j := range set {
		if int(j) == i {
			return true
		}
	}
	return false
}
