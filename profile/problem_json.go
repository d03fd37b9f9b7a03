package profile

import "encoding/json"

// problemJSON is the JSON form of a Problem.
type problemJSON struct {
	Code   string   `json:"code"`
	Detail string   `json:"detail"`
	Path   string   `json:"path,omitempty"`
	IDs    []string `json:"ids,omitempty"`
	Row    int      `json:"row,omitempty"`
	Line   int      `json:"line,omitempty"`
	Column string   `json:"column,omitempty"`
	Args   []string `json:"args,omitempty"`
}

// MarshalJSON writes the problem as an object with its code, detail (the
// English words), path, ids, row, line, column and args, the empty ones
// left out; the sentinel it wraps is not written. A Problem holds no value
// of the input, so neither does its JSON.
func (p *Problem) MarshalJSON() ([]byte, error) {
	return json.Marshal(problemJSON{Code: p.Code, Detail: p.Detail, Path: p.Path, IDs: p.IDs,
		Row: p.Row, Line: p.Line, Column: p.Column, Args: p.Args})
}
