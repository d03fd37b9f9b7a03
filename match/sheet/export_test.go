package sheet

import (
	"errors"
	"slices"
)

// Records reads every record of text with the bounded reader, for tests:
// the cells kept (at most max a record), or an error for malformed
// quoting.
func Records(text string, comma byte, max int) ([][]string, error) {
	r := newRecords(text, comma, max, 1<<30)
	var out [][]string
	for {
		ok, err := r.next()
		if err != nil {
			return nil, errors.New(err.detail)
		}
		if !ok {
			return out, nil
		}
		out = append(out, slices.Clone(r.cells))
	}
}
