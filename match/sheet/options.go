package sheet

import (
	"cmp"
	"errors"

	"golang.org/x/text/language"

	"github.com/duomatch/duo/profile"
)

// Options are the settings of the readers and writers of this package. The
// zero value means the defaults, field by field.
type Options struct {
	// Comma is the separator. Reading, 0 detects it from the header line:
	// the most frequent of ';', ',' and tab outside quotes (';' on a tie,
	// ',' when there is none). Writing, 0 means ';', what Excel expects in
	// Belgium; ',' suits Google Sheets and LibreOffice in English. Other
	// values must be a valid separator for encoding/csv.
	Comma rune
	// Columns maps a sheet's own headings to the names of this package's
	// columns (see the package documentation), for example
	// {"Langues parlées": "languages"}. Headings match as columns do:
	// ignoring case, accents, spaces and punctuation. A name may also be
	// an alias. It is used by the readers only; a mapping to an unknown
	// name is an error.
	Columns map[string]string
	// NoBOM, when true, makes the writers leave out the UTF-8 byte order
	// mark. By default they write it, so that Excel reads the file as UTF-8
	// and keeps accents.
	NoBOM bool
	// Lang is the language of the headings and words the proposal writers
	// write ([WriteDuos]): English (the zero Tag), French, Dutch or German
	// as written in Belgium, the closest of [profile.Languages] for any
	// other tag. Numbers follow it: a decimal comma in French, Dutch and
	// German. The readers and the people writers do not use it.
	Lang language.Tag

	// MaxRows is the most people a sheet may hold; reading stops with an
	// error wrapping [profile.ErrTooMany] at the first row past it. 0 means
	// 20 000. Like the other limits below, it bounds the work of reading
	// and cannot be switched off: a negative value is an error
	// ([ErrOptions]).
	MaxRows int
	// MaxColumns is the most columns a sheet may have. 0 means 200.
	MaxColumns int
	// MaxCellBytes is the most bytes a cell may hold; a longer cell is a
	// problem of its row and is not read. 0 means 4096.
	MaxCellBytes int
	// MaxBytes is the most bytes a file may have; reading stops with an
	// error wrapping [profile.ErrTooMany] past it. 0 means 64 MiB.
	MaxBytes int64
	// MaxErrors is the most problems an error lists; one more then says
	// how many others were found. 0 means 50.
	MaxErrors int
	// On is the day the sheet is read, which dates written with a
	// two-digit year need: 12/04/01 is read as the date within the 100
	// years up to On (2001-04-12 when On is in 2026; 30/12/26 is 1926-12-30
	// when On is 2026-11-23). The zero Date (the default) refuses a
	// two-digit year ("two_digit_year"). The readers never look at a
	// clock.
	On profile.Date
	// Required are the columns a sheet must have besides id and
	// birth_date, by name (see the package documentation), because the
	// programme's rules need them: a sheet without one is a problem said
	// up front ("missing_column", wrapping [ErrRequiredColumn]; a column
	// named twice is missing once), not a round in which every pair is
	// blocked. The default (nil) requires nothing more; [RulesColumns]
	// lists what the default rules of a round need. An unknown name is an
	// error.
	Required []string
}

// RulesColumns returns the columns that the default hard rules of a round
// need on both sides, for [Options.Required]: languages and availability
// (no_shared_language and no_shared_time block every pair of a person
// without them). A new slice each call.
func RulesColumns() []string { return []string{"languages", "availability"} }

// The defaults of [Options].
const (
	DefaultMaxRows      = 20000
	DefaultMaxColumns   = 200
	DefaultMaxCellBytes = 4096
	DefaultMaxBytes     = 64 << 20
	DefaultMaxErrors    = 50
)

// ErrOptions is wrapped by every problem of [Options.Validate], which the
// readers return before reading.
var ErrOptions = errors.New("sheet: invalid options")

// Validate returns nil when o can bound a read, and otherwise one error per
// problem (joined), each a *[profile.Problem] wrapping [ErrOptions] with
// the field as its path: a
// negative limit (limits bound the work of reading, so [profile.Off] does
// not switch them off). The zero Options is valid. Cost: O(1).
func (o Options) Validate() error {
	var errs []error
	for _, f := range []struct {
		name string
		v    int64
	}{{"max_rows", int64(o.MaxRows)}, {"max_columns", int64(o.MaxColumns)}, {"max_cell_bytes", int64(o.MaxCellBytes)},
		{"max_bytes", o.MaxBytes}, {"max_errors", int64(o.MaxErrors)}} {
		if f.v < 0 {
			errs = append(errs, &profile.Problem{Path: "options." + f.name, Code: "negative_limit",
				Detail: "negative (0 means the default; this limit cannot be switched off)", Err: ErrOptions})
		}
	}
	return errors.Join(errs...)
}

// withDefaults returns o with every zero limit replaced by its default. o
// must be valid.
func (o Options) withDefaults() Options {
	o.MaxRows = cmp.Or(o.MaxRows, DefaultMaxRows)
	o.MaxColumns = cmp.Or(o.MaxColumns, DefaultMaxColumns)
	o.MaxCellBytes = cmp.Or(o.MaxCellBytes, DefaultMaxCellBytes)
	o.MaxBytes = cmp.Or(o.MaxBytes, DefaultMaxBytes)
	o.MaxErrors = cmp.Or(o.MaxErrors, DefaultMaxErrors)
	return o
}
