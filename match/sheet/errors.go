package sheet

import (
	"errors"
	"strconv"

	"github.com/duomatch/duo/profile"

	"github.com/duomatch/duo/internal/errtree"
)

// RowError is one problem in a sheet: where it is (the row number as the
// spreadsheet shows it, the header being row 1, and the column's heading as
// the file writes it) and what it is, as a *[profile.FieldError] that names
// the person by ID and the field by its JSON path. Its message has the form
//
//	row 7, column "Date de naissance": me-004: birth_date: not a date (want YYYY-MM-DD or DD/MM/YYYY)
//
// It never quotes a cell. RowError unwraps to its FieldError, so that
// errors.Is(err, [profile.ErrInvalid]) holds and [profile.FieldErrors]
// lists the problems of a sheet as it lists those of a JSON document; a
// sheet over [Options.MaxRows] rows also unwraps to [profile.ErrTooMany].
type RowError struct {
	// Row is the row's number in the spreadsheet: the header is row 1, and
	// empty rows count. It is 0 for a problem of the whole file (such as a
	// file larger than [Options.MaxBytes]).
	Row int
	// Column is the heading of the column as the file has it (shortened to
	// 32 bytes), the column's name when the sheet lacks it ("birth_date:
	// missing"), or "" when the problem concerns the whole row or file.
	Column string
	// Err says what is wrong, for which person (Err.ID, "(no id)" when the
	// row has none) and in which field (Err.Field, a JSON path such as
	// "languages[1].level", or "(row)" and "(file)").
	Err *profile.FieldError

	tooMany bool
}

// Error returns "row <n>, column "<heading>": <id>: <field>: <problem>",
// leaving out the parts that do not apply.
func (e *RowError) Error() string {
	s := ""
	if e.Row > 0 {
		s = "row " + strconv.Itoa(e.Row)
	}
	if e.Column != "" {
		if s != "" {
			s += ", "
		}
		s += "column " + strconv.Quote(e.Column)
	}
	if s != "" {
		s += ": "
	}
	return s + e.Err.Error()
}

// Unwrap returns the FieldError, and [profile.ErrTooMany] for the error
// that stopped a sheet over [Options.MaxRows].
func (e *RowError) Unwrap() []error {
	if e.tooMany {
		return []error{e.Err, profile.ErrTooMany}
	}
	return []error{e.Err}
}

// RowErrors returns every *[RowError] in err's tree, in order. It returns
// nil for a nil error or one that holds none.
//
// Cost: O(number of errors in the tree).
func RowErrors(err error) []*RowError { return errtree.All[*RowError](err) }

// problems collects the problems of a sheet, at most max of them; the
// others are counted.
type problems struct {
	list    []error
	max     int
	dropped int
}

func (p *problems) add(e *RowError) {
	if len(p.list) >= p.max {
		p.dropped++
		return
	}
	p.list = append(p.list, e)
}

// stop adds the problem that ends reading; it is listed even past max.
func (p *problems) stop(e *RowError) { p.list = append(p.list, e) }

// err returns the joined problems, or nil (never a typed nil).
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	list := p.list
	if p.dropped > 0 {
		list = append(list, &RowError{Err: &profile.FieldError{Field: fileField,
			Problem: strconv.Itoa(p.dropped) + " more problems not listed"}})
	}
	return errors.Join(list...)
}

// The Field of a problem that concerns a whole row or the whole file.
const (
	rowField  = "(row)"
	fileField = "(file)"
)
