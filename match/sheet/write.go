package sheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/duomatch/duo/profile"
)

// utf8BOM is the byte order mark the writers put first unless
// [Options.NoBOM].
const utf8BOM = "\uFEFF"

// WriteMentees writes mentees as a CSV sheet that [ReadMentees] reads back
// to the same mentees: a header row with every mentee column under its
// name, in the order of the package documentation's table, then one row per
// mentee in the order given. The file is UTF-8 with a byte order mark
// (unless opt.NoBOM) and CRLF line ends; the separator is opt.Comma (';'
// by default), and numbers are written with a decimal comma when it is
// ';', as Excel in Belgium expects, with a point otherwise. Text cells that
// a spreadsheet would run as a formula get a leading apostrophe (see the
// package documentation); countries are written as given (the reader
// upper-cases them).
//
// Spaces at the ends of text and of list entries are left out (the readers
// trim every cell; validation and scoring ignore them). Values that a cell
// cannot give back are errors, all reported at once (at most 50) before
// anything is written, each a *[profile.Problem] (code "unwritable_value",
// wrapping [profile.ErrInvalid]) naming the mentee's ID and the path of
// the value ("[3].interests[1]", "[0].experience[2].sector"; a trait by its
// position in the order of the names, "[0].traits[1].name", never by its
// name), its one arg the reason, which [profile.Problem.Text] renders in
// every language: text with a carriage return or invalid UTF-8; a list
// entry that is blank or holds its separator (';' in lists, ':' inside a
// language, an experience entry or a trait's name); a trait's name with
// spaces at its ends; a non-finite number; availability outside the 21
// slots. So read(write(x)) == x for every x with trimmed text that
// [profile.Mentee.Validate] accepts, up to empty lists read as nil.
// Profiles are not validated. Errors of w are returned as they are.
//
// Cost: O(size of the mentees).
func WriteMentees(w io.Writer, people []profile.Mentee, opt Options) error {
	return write(w, people, opt, mentees, func(m *profile.Mentee) string { return m.ID })
}

// WriteMentors writes mentors as a CSV sheet that [ReadMentors] reads back
// to the same mentors, as [WriteMentees] does for mentees. A Capacity of 0
// (the default, 1) is written as an empty cell.
//
// Cost: O(size of the mentors).
func WriteMentors(w io.Writer, people []profile.Mentor, opt Options) error {
	return write(w, people, opt, mentors, func(m *profile.Mentor) string { return m.ID })
}

func write[T any](w io.Writer, people []T, opt Options, t *table[T], idOf func(*T) string) error {
	nf := numFormat{decimalComma: comma(opt) == ';'}
	rows := make([][]string, 0, len(people)+1)
	header := make([]string, len(t.cols))
	for k, c := range t.cols {
		header[k] = c.name
	}
	rows = append(rows, header)
	var errs []error
	for i := range people {
		p := &people[i]
		row := make([]string, len(t.cols))
		for k, c := range t.cols {
			cell, problem := c.write(p, nf)
			if problem.why != "" {
				if len(errs) < DefaultMaxErrors {
					errs = append(errs, &profile.Problem{IDs: []string{idName(idOf(p))}, Path: fmt.Sprintf("[%d].%s%s", i, c.path, problem.at),
						Code: "unwritable_value", Args: []string{problem.why}, Detail: problem.why, Err: profile.ErrInvalid})
				}
				continue
			}
			if !c.numeric {
				cell = guard(cell)
			}
			row[k] = cell
		}
		rows = append(rows, row)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return writeRows(w, rows, opt)
}

// idName is how a writer's error names a person: the ID when a cell can
// hold it, else "(no id)" or "(bad id)", never the bad ID itself.
func idName(id string) string {
	switch {
	case id == "":
		return "(no id)"
	case textProblem(id).why != "" || strings.TrimSpace(id) != id || len(id) > 64:
		return "(bad id)"
	}
	return id
}

// comma returns the writers' separator.
func comma(opt Options) rune {
	if opt.Comma == 0 {
		return ';'
	}
	return opt.Comma
}

// writeRows writes the BOM (unless opt.NoBOM) and the rows as CSV with
// CRLF line ends.
func writeRows(w io.Writer, rows [][]string, opt Options) error {
	if !opt.NoBOM {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma = comma(opt)
	cw.UseCRLF = true
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("sheet: writing: %w", err)
	}
	return nil
}
