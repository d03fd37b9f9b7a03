package profile

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// MaxGazetteerRows bounds the rows [ReadGazetteerCSV] reads: a country's
// postcodes fit many times over.
const MaxGazetteerRows = 500_000

// ReadGazetteerCSV builds a [Table] of the given country from CSV: one
// record per postcode, with the columns
//
//	postcode,name,latitude,longitude[,region]
//
// and an optional header line whose first cell is "postcode" (any case).
// Latitude and longitude are decimal degrees (WGS 84), both empty for none;
// region is optional. Records with the same name (compared as
// [FoldPlaceName] folds it) and region are one locality with several
// postcodes and the coordinates of its first record that has some. A
// locality's ID is its folded name, prefixed by its folded region and "/"
// when it has one ("kent/canterbury"): stable as long as the names are.
// A postcode or a name may be empty, not both.
//
// Errors: the CSV reader's (a *csv.ParseError with the line), and every
// problem of the records at once (joined, each wrapping [ErrGazetteer] and
// naming the line, never echoing a cell): a wrong number of columns, a
// coordinate that is not a number in range, more than [MaxGazetteerRows]
// rows (reading stops there); then those of [NewGazetteer].
//
// Cost: O(size of the input).
func ReadGazetteerCSV(country Country, r io.Reader) (*Table, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var errs []error
	bad := func(line int, problem string) {
		errs = append(errs, fmt.Errorf("%w: line %d: %s", ErrGazetteer, line, problem))
	}
	var entries []GazetteerEntry
	index := map[string]int{} // ID -> entry
	for rows := 0; ; rows++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if rows == 0 && len(rec) > 0 && strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff")), "postcode") {
			continue
		}
		if rows >= MaxGazetteerRows {
			bad(line, fmt.Sprintf("more than %d rows", MaxGazetteerRows))
			break
		}
		if len(rec) != 4 && len(rec) != 5 {
			bad(line, fmt.Sprintf("%d columns, want 4 or 5 (postcode, name, latitude, longitude, optional region)", len(rec)))
			continue
		}
		pc, name := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		region := ""
		if len(rec) == 5 {
			region = strings.TrimSpace(rec[4])
		}
		lat, latOK := coordinate(rec[2], 90)
		lon, lonOK := coordinate(rec[3], 180)
		if !latOK || !lonOK {
			bad(line, "latitude and longitude must be numbers in range, or both empty")
			continue
		}
		if (strings.TrimSpace(rec[2]) == "") != (strings.TrimSpace(rec[3]) == "") {
			bad(line, "latitude and longitude must be both given or both empty")
			continue
		}
		folded := FoldPlaceName(name)
		if folded == "" {
			bad(line, "no name")
			continue
		}
		id := folded
		if region != "" {
			id = FoldPlaceName(region) + "/" + folded
		}
		k, ok := index[id]
		if !ok {
			k = len(entries)
			index[id] = k
			entries = append(entries, GazetteerEntry{ID: id, Names: []string{name}, Region: region})
		}
		e := &entries[k]
		if pc != "" {
			e.Postcodes = append(e.Postcodes, pc)
		}
		if e.Lat == 0 && e.Lon == 0 {
			e.Lat, e.Lon = lat, lon
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return NewGazetteer(country, entries)
}

// coordinate parses a latitude (limit 90) or longitude (limit 180); an
// empty cell is 0.
func coordinate(s string, limit float64) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || x < -limit || x > limit {
		return 0, false
	}
	return x, true
}
