package profile

import (
	"errors"
	"strconv"
	"strings"

	"github.com/duomatch/duo/internal/errtree"
)

// Problem is one problem at a place in the input: a field of a profile or
// of a setting, an entry of a round, a cell of a spreadsheet, a field of a
// ledger event. Every package of duo reports bad input as Problems joined
// with errors.Join, every problem at once; errors.As(err, &p) finds the
// first through joins and wrapping, and [Problems] lists them all.
//
// A Problem names people by ID only and never holds a value of the input
// (a cell, a field's content): its Detail says what is wrong in words, and
// its Code and Args say it for programs.
//
// Its message has one form, the parts that do not apply left out:
//
//	row 7, column "Date de naissance": me-004: birth_date: not a date (want YYYY-MM-DD or DD/MM/YYYY)
//	line 12: me-1, mo-2: reason: missing
//	me-004: mentees[3].birth_date: missing
//	weights.sector: not a finite number
type Problem struct {
	// Path is the JSON path of the field or setting, such as
	// "birth_date", "mentees[3].languages[1].level", "weights.sector" or
	// "pinned[2].mentor_id"; "" when the problem concerns the whole input.
	Path string
	// IDs are the participants the problem concerns, usually one, or none.
	// An empty ID is named "(no id)" and a malformed one "(bad id)" (the bad
	// ID itself is never repeated). A ledger event may name a mentee and a
	// mentor.
	IDs []string
	// Row is the row's number in a spreadsheet, as the spreadsheet shows
	// it (the header is row 1; empty rows count); 0 when the input is not
	// a sheet or the problem concerns the whole sheet. A row is not a line:
	// a quoted cell may span several lines of the file.
	Row int
	// Line is the 1-based line of a text file (a ledger), 0 when the input
	// is not read by lines.
	Line int
	// Column is a sheet's column heading as the file writes it, shortened
	// to 32 bytes, or a description of the column when it has none; "" when
	// the input is not a sheet or the problem concerns a whole row.
	Column string
	// Code is the stable snake_case code of the kind of problem, such as
	// "missing", "not_a_date", "unknown_value", "out_of_range",
	// "duplicate_id", "too_many" or "unknown_field": one code per distinct
	// message, meant for programs and for rendering the message in another
	// language.
	Code string
	// Args are the message's placeholders, in order: numbers, limits,
	// field names, codes, never personal data. It may be nil.
	Args []string
	// Detail says what is wrong, in English; [Problem.Error] prints it
	// after the place.
	Detail string
	// Err is the sentinel the problem wraps, such as [ErrInvalid], or a
	// join of several (errors.Join(ErrInvalid, ErrTooMany)); errors.Is
	// finds them through the Problem.
	Err error
}

// Error returns the problem's place and Detail:
// "row <n>, column "<heading>": " or "line <n>: ", then "<id>, <id>: ",
// then "<path>: ", then Detail, leaving out the parts that are empty or 0.
func (p *Problem) Error() string {
	var b strings.Builder
	place := false
	if p.Row > 0 {
		b.WriteString("row ")
		b.WriteString(strconv.Itoa(p.Row))
		place = true
	}
	if p.Line > 0 {
		if place {
			b.WriteString(", ")
		}
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(p.Line))
		place = true
	}
	if p.Column != "" {
		if place {
			b.WriteString(", ")
		}
		b.WriteString("column ")
		b.WriteString(strconv.Quote(p.Column))
		place = true
	}
	if place {
		b.WriteString(": ")
	}
	if len(p.IDs) > 0 {
		b.WriteString(strings.Join(p.IDs, ", "))
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Detail)
	return b.String()
}

// Unwrap returns Err.
func (p *Problem) Unwrap() error { return p.Err }

// ID returns the first of IDs, or "" when there is none.
func (p *Problem) ID() string {
	if len(p.IDs) == 0 {
		return ""
	}
	return p.IDs[0]
}

// Problems returns every *[Problem] in err's tree, in order (depth first,
// following both Unwrap() error and Unwrap() []error, as errors.Join and
// fmt.Errorf with %w build them). A Problem is taken and not looked into.
// It returns nil for a nil error or one that holds no Problem.
//
// Cost: O(number of errors in the tree).
func Problems(err error) []*Problem { return errtree.All[*Problem](err) }

// problems collects the problems of one participant or policy.
type problems struct {
	ids  []string
	errs []error
}

// add records a problem at field with its code, words and args.
func (f *problems) add(field, code, detail string, args ...string) {
	f.errs = append(f.errs, &Problem{IDs: f.ids, Path: field, Code: code, Detail: detail, Args: args, Err: ErrInvalid})
}

// err returns the joined errors, or a nil error (never a typed nil).
func (f *problems) err() error {
	if len(f.errs) == 0 {
		return nil
	}
	return errors.Join(f.errs...)
}
