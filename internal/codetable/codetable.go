// Package codetable reads the code tables that internal/cmd/genclass
// writes and packages profile/nace and profile/isco embed: a header, then
// one line per code with the tab-separated columns code, level, parent and
// the labels in English, French, Dutch and German.
package codetable

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Table is one classification, immutable once read. Codes are numbered in
// the table's order from 0.
type Table struct {
	codes  []string
	level  []uint8
	parent []int32 // index of the parent; -1 for a top-level code
	labels [][4]string
	index  map[string]int32
}

// Parse reads a table. A label cell may be empty only when base is not nil
// and holds the same code: the label is then base's in that language (the
// NACEBEL table leaves the labels it shares with NACE Rev. 2.1 empty). It
// returns an error naming the line for a malformed line, a duplicate code, a
// parent that is not an earlier code one level up, or an empty label.
// Cost: O(size of tsv).
func Parse(tsv string, base *Table) (*Table, error) {
	lines := strings.Split(strings.TrimSuffix(tsv, "\n"), "\n")
	if len(lines) == 0 || lines[0] != "code\tlevel\tparent\ten\tfr\tnl\tde" {
		return nil, errors.New("line 1: not a code table header")
	}
	lines = lines[1:]
	t := &Table{
		codes:  make([]string, 0, len(lines)),
		level:  make([]uint8, 0, len(lines)),
		parent: make([]int32, 0, len(lines)),
		labels: make([][4]string, 0, len(lines)),
		index:  make(map[string]int32, len(lines)),
	}
	for n, line := range lines {
		f := strings.Split(line, "\t")
		bad := func(what string) error { return fmt.Errorf("line %d: %s", n+2, what) }
		if len(f) != 7 {
			return nil, bad("want 7 columns")
		}
		lv, err := strconv.Atoi(f[1])
		if err != nil || lv < 1 || lv > 9 {
			return nil, bad("level: not a number from 1 to 9")
		}
		if _, dup := t.index[f[0]]; dup || f[0] == "" {
			return nil, bad("code: empty or duplicate")
		}
		p := int32(-1)
		if lv > 1 {
			i, ok := t.index[f[2]]
			if !ok || int(t.level[i]) != lv-1 {
				return nil, bad("parent: not an earlier code one level up")
			}
			p = i
		}
		var l [4]string
		for j := range l {
			l[j] = f[3+j]
			if l[j] == "" && base != nil {
				if i, ok := base.index[f[0]]; ok {
					l[j] = base.labels[i][j]
				}
			}
			if l[j] == "" {
				return nil, bad("label: empty")
			}
		}
		t.index[f[0]] = int32(len(t.codes))
		t.codes = append(t.codes, f[0])
		t.level = append(t.level, uint8(lv))
		t.parent = append(t.parent, p)
		t.labels = append(t.labels, l)
	}
	return t, nil
}

// Len returns the number of codes.
func (t *Table) Len() int { return len(t.codes) }

// Index returns the number of code, and false when the table lacks it.
// Cost: one map look-up.
func (t *Table) Index(code string) (int, bool) {
	i, ok := t.index[code]
	return int(i), ok
}

// Code returns the code numbered i.
func (t *Table) Code(i int) string { return t.codes[i] }

// Level returns the level of code i, 1 for the top.
func (t *Table) Level(i int) int { return int(t.level[i]) }

// Parent returns the number of code i's parent, or -1 for a top-level code.
func (t *Table) Parent(i int) int { return int(t.parent[i]) }

// Label returns code i's label in column col (0 en, 1 fr, 2 nl, 3 de).
func (t *Table) Label(i, col int) string { return t.labels[i][col] }

// Ancestor returns the number of code i's ancestor on level (code i itself
// on its own level), or -1 when level is deeper than code i or below 1.
// Cost: O(depth).
func (t *Table) Ancestor(i, level int) int {
	if level < 1 {
		return -1
	}
	for i >= 0 && t.Level(i) > level {
		i = t.Parent(i)
	}
	if i < 0 || t.Level(i) != level {
		return -1
	}
	return i
}
