package sheet

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/duomatch/duo/profile"
)

// ErrInvalid is the error that every problem of a sheet wraps, each a
// *[profile.Problem] with the row (the spreadsheet's number, the header
// being row 1), the column's heading as the file writes it (shortened to
// 32 bytes), the person's ID and the field's JSON path. It wraps
// [profile.ErrInvalid] in turn, so that errors.Is(err, profile.ErrInvalid)
// holds for a sheet's problems as for a JSON document's, and
// [profile.Problems] lists both alike; errors.Is(err, ErrInvalid) tells a
// sheet's problems apart. A sheet over [Options.MaxRows] rows,
// [Options.MaxColumns] columns or [Options.MaxBytes] bytes also wraps
// [profile.ErrTooMany].
var ErrInvalid = fmt.Errorf("sheet: invalid: %w", profile.ErrInvalid)

// ErrRequiredColumn is wrapped, instead of [ErrInvalid] alone, by the
// problem ("missing_column" or "misspelt_column") of a column that
// [Options.Required] asks for and the sheet does not have: a column the
// programme's rules need, such as languages. It wraps [ErrInvalid] in
// turn. The columns every sheet must have (id, birth_date) are not
// [Options.Required]'s: their problems wrap ErrInvalid only. A service
// tells with errors.Is a sheet it cannot use for its rounds from a sheet
// that cannot be read (the example server answers 422 and 400).
var ErrRequiredColumn = fmt.Errorf("sheet: a column the rules need is missing: %w", ErrInvalid)

// problems collects the problems of a sheet, at most max of them; the
// others are counted.
type problems struct {
	list    []error
	max     int
	dropped int
}

func (p *problems) add(e *profile.Problem) {
	if len(p.list) >= p.max {
		p.dropped++
		return
	}
	p.list = append(p.list, e)
}

// stop adds the problem that ends reading; it is listed even past max.
func (p *problems) stop(e *profile.Problem) { p.list = append(p.list, e) }

// err returns the joined problems, or nil (never a typed nil).
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	list := p.list
	if p.dropped > 0 {
		n := strconv.Itoa(p.dropped)
		list = append(list, &profile.Problem{Path: fileField, Code: "more_problems", Args: []string{n},
			Detail: n + " more problems not listed", Err: ErrInvalid})
	}
	return errors.Join(list...)
}

// problem returns a problem of a sheet at row and column, in field (a JSON
// path, or rowField or fileField), wrapping [ErrInvalid], and
// [profile.ErrTooMany] too when tooMany is set.
func problem(row int, column, field, code, detail string, tooMany bool, args ...string) *profile.Problem {
	p := &profile.Problem{Row: row, Column: column, Path: field, Code: code, Detail: detail, Args: args, Err: ErrInvalid}
	if tooMany {
		p.Err = errors.Join(ErrInvalid, profile.ErrTooMany)
	}
	return p
}

// The Path of a problem that concerns a whole row or the whole file.
const (
	rowField  = "(row)"
	fileField = "(file)"
)
