package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// row is one code of a classification file.
type row struct {
	code, parent string
	level        int
	labels       [4]string // en, fr, nl, de
}

// scheme says how one classification writes its codes.
type scheme struct {
	file   string
	levels int
	// form reports whether code is well-formed for level.
	form func(code string, level int) bool
}

var (
	naceRev2  = scheme{"nace_rev2.csv", 4, naceForm}
	naceRev21 = scheme{"nace_rev21.csv", 4, naceForm}
	nacebel   = scheme{"nacebel2025.csv", 5, naceForm}
	isco08    = scheme{"isco08.csv", 4, iscoForm}
)

// naceForm: A; 01; 01.1; 01.11; NACEBEL's 01.110.
func naceForm(c string, level int) bool {
	if level == 1 {
		return len(c) == 1 && c[0] >= 'A' && c[0] <= 'Z'
	}
	if len(c) != []int{2: 2, 3: 4, 4: 5, 5: 6}[level] {
		return false
	}
	for i := 0; i < len(c); i++ {
		if (i == 2) != (c[i] == '.') || (i != 2 && (c[i] < '0' || c[i] > '9')) {
			return false
		}
	}
	return true
}

// iscoForm: 1 to 4 digits, as many as the level.
func iscoForm(c string, level int) bool {
	if len(c) != level {
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	return true
}

var codeHeader = []string{"code", "level", "parent", "label_en", "label_fr", "label_nl", "label_de"}

// readCodes reads and checks one code file; it reports every problem.
func readCodes(dir string, s scheme) ([]row, error) {
	recs, err := readCSV(filepath.Join(dir, s.file), codeHeader)
	if err != nil {
		return nil, err
	}
	var errs []error
	bad := func(line int, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s:%d: "+format, append([]any{s.file, line}, a...)...))
	}
	rows := make([]row, 0, len(recs))
	seen := make(map[string]int, len(recs))
	for i, rec := range recs {
		line := i + 2
		r := row{code: rec[0], parent: rec[2], labels: [4]string(rec[3:7])}
		lv, err := strconv.Atoi(rec[1])
		if err != nil || lv < 1 || lv > s.levels {
			bad(line, "level: not 1 to %d", s.levels)
			continue
		}
		r.level = lv
		if !s.form(r.code, lv) {
			bad(line, "code: malformed for level %d", lv)
		}
		if _, dup := seen[r.code]; dup {
			bad(line, "code %s: duplicate", r.code)
		}
		seen[r.code] = lv
		for j, l := range r.labels {
			if strings.TrimSpace(l) == "" {
				bad(line, "code %s: %s: empty", r.code, codeHeader[3+j])
			}
		}
		for j, cell := range rec {
			if strings.ContainsAny(cell, "\t\r\n") {
				bad(line, "%s: holds a tab or line break", codeHeader[j])
			}
		}
		rows = append(rows, r)
	}
	for _, r := range rows { // parents, once every code is known
		switch plv, ok := seen[r.parent]; {
		case r.level == 1 && r.parent != "":
			errs = append(errs, fmt.Errorf("%s: code %s: a top-level code has a parent", s.file, r.code))
		case r.level > 1 && (!ok || plv != r.level-1):
			errs = append(errs, fmt.Errorf("%s: code %s: parent is not a code one level up", s.file, r.code))
		}
	}
	return rows, errors.Join(errs...)
}

var corrHeader = []string{"nace21_code", "level", "nace2_code", "n_rev2_codes_for_this_rev21", "n_rev21_codes_for_this_rev2", "common_content", "mapping_note"}

// readCorrespondence reads the Rev. 2.1 → Rev. 2 table and returns, in the
// order of rev21, each code's Rev. 2 codes.
func readCorrespondence(dir string, rev21, rev2 []row) ([][]string, error) {
	const file = "nace_rev21_to_rev2.csv"
	recs, err := readCSV(filepath.Join(dir, file), corrHeader)
	if err != nil {
		return nil, err
	}
	level := func(rows []row) map[string]int {
		m := make(map[string]int, len(rows))
		for _, r := range rows {
			m[r.code] = r.level
		}
		return m
	}
	lv21, lv2 := level(rev21), level(rev2)
	targets := make(map[string][]string, len(rev21))
	named := make(map[string]bool, len(rev2))
	var errs []error
	for i, rec := range recs {
		line := i + 2
		from, to := rec[0], rec[2]
		l, ok := lv21[from]
		if !ok {
			errs = append(errs, fmt.Errorf("%s:%d: nace21_code: not a Rev. 2.1 code", file, line))
			continue
		}
		if _, seen := targets[from]; !seen {
			targets[from] = []string{}
		}
		if to == "" {
			continue // 46.89: no link to Rev. 2
		}
		if lv2[to] != l {
			errs = append(errs, fmt.Errorf("%s:%d: nace2_code: not a Rev. 2 code of level %d", file, line, l))
			continue
		}
		if slices.Contains(targets[from], to) {
			errs = append(errs, fmt.Errorf("%s:%d: pair %s → %s: duplicate", file, line, from, to))
			continue
		}
		targets[from] = append(targets[from], to)
		named[to] = true
	}
	out := make([][]string, len(rev21))
	for i, r := range rev21 {
		t, ok := targets[r.code]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: Rev. 2.1 code %s: missing", file, r.code))
		}
		out[i] = t
	}
	for _, r := range rev2 {
		if !named[r.code] {
			errs = append(errs, fmt.Errorf("%s: Rev. 2 code %s: no Rev. 2.1 code maps to it", file, r.code))
		}
	}
	return out, errors.Join(errs...)
}

// readCSV reads an RFC 4180 file whose first record must be header.
func readCSV(path string, header []string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = len(header)
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], header) {
		return nil, fmt.Errorf("%s: header: want %s", filepath.Base(path), strings.Join(header, ","))
	}
	return recs[1:], nil
}

// generate reads the five files in dir and returns the tables to write.
func generate(dir string) (outputs, error) {
	var errs []error
	read := func(s scheme) []row {
		rows, err := readCodes(dir, s)
		errs = append(errs, err)
		return rows
	}
	rev2, rev21, bel, isco := read(naceRev2), read(naceRev21), read(nacebel), read(isco08)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	corr, err := readCorrespondence(dir, rev21, rev2)
	if err != nil {
		return nil, err
	}
	belOut, err := nacebelTable(bel, rev21)
	if err != nil {
		return nil, err
	}
	return outputs{
		"profile/nace/rev2.tsv":        codeTable(rev2, nil),
		"profile/nace/rev21.tsv":       codeTable(rev21, nil),
		"profile/nace/nacebel2025.tsv": belOut,
		"profile/nace/rev21_rev2.tsv":  corrTable(rev21, corr),
		"profile/isco/isco08.tsv":      codeTable(isco, nil),
	}, nil
}

// nacebelTable checks that NACEBEL's levels 1 to 4 are Rev. 2.1's codes and
// writes it with the labels equal to Rev. 2.1's left empty.
func nacebelTable(bel, rev21 []row) ([]byte, error) {
	eu := make(map[string]row, len(rev21))
	for _, r := range rev21 {
		eu[r.code] = r
	}
	var errs []error
	n := 0
	for _, r := range bel {
		if r.level > 4 {
			continue
		}
		n++
		if e, ok := eu[r.code]; !ok || e.parent != r.parent {
			errs = append(errs, fmt.Errorf("nacebel2025.csv: code %s: not the same code and parent in NACE Rev. 2.1", r.code))
		}
	}
	if n != len(rev21) {
		errs = append(errs, fmt.Errorf("nacebel2025.csv: %d codes on levels 1 to 4, NACE Rev. 2.1 has %d", n, len(rev21)))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return codeTable(bel, eu), nil
}

var tableHeader = "code\tlevel\tparent\ten\tfr\tnl\tde\n"

// codeTable writes rows as TSV; a label equal to base's for the same code
// is written empty.
func codeTable(rows []row, base map[string]row) []byte {
	var b bytes.Buffer
	b.WriteString(tableHeader)
	for _, r := range rows {
		b.WriteString(r.code + "\t" + strconv.Itoa(r.level) + "\t" + r.parent)
		for j, l := range r.labels {
			if e, ok := base[r.code]; ok && e.labels[j] == l {
				l = ""
			}
			b.WriteString("\t" + l)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// corrTable writes one line per Rev. 2.1 code: the code, a tab, its Rev. 2
// codes separated by spaces.
func corrTable(rev21 []row, corr [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("rev21\trev2\n")
	for i, r := range rev21 {
		b.WriteString(r.code + "\t" + strings.Join(corr[i], " ") + "\n")
	}
	return b.Bytes()
}

func sortedKeys(o outputs) []string {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
