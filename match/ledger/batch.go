package ledger

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/duomatch/duo/profile"

	"github.com/duomatch/duo/internal/msg"
)

// Batch is the events of one JSON document, such as the body of a
// service's request: an array of events, or one event alone (Single).
// [File.Append] writes a batch all or nothing.
type Batch struct {
	Events []Event
	// Single is set when the document was one event, not an array: its
	// problems have no index in their path.
	Single bool
}

// Path returns the JSON path of event i in the batch's document: "[i]",
// or "" for a single event. Cost: O(1).
func (b Batch) Path(i int) string {
	if b.Single {
		return ""
	}
	return "[" + strconv.Itoa(i) + "]"
}

// DecodeEvents reads one JSON document from r: one event in the ledger's
// form ({"on", "event", …}, as a line of the file) or a non-empty array
// of them. It decodes the document with [profile.Decode] (strict, within
// opt's bounds: at most opt.MaxPeople events, read as they come) and each
// event with [Event.UnmarshalJSON].
//
// Errors, every problem at once: those of profile.Decode (malformed JSON,
// too many events, wrapping [profile.ErrTooMany], a read error of r
// returned wrapped and alone); an empty array, a *[profile.FieldError] on
// "(document)"; and the problems of the events taken alone, each an
// *[EventError] whose Field is its path in the document ("[2].reason", or
// "reason" for a single event), at most opt.MaxErrors of them (0 means
// 50) and one more that counts the others (errors.Is(err, [ErrInvalid])
// holds). The events are not checked against
// a history: [Ledger.Add] and [File.Append] do that.
//
// Cost: O(bytes read); memory O(the events).
func DecodeEvents(r io.Reader, opt profile.DecodeOptions) (Batch, error) {
	br := bufio.NewReader(r)
	single := true
	for {
		c, err := br.Peek(1)
		if err != nil {
			break // profile.Decode reports an empty or unreadable document
		}
		if c[0] == ' ' || c[0] == '\t' || c[0] == '\r' || c[0] == '\n' {
			br.ReadByte()
			continue
		}
		single = c[0] != '['
		break
	}
	var raws []json.RawMessage
	var err error
	if single {
		raws = make([]json.RawMessage, 1)
		err = profile.Decode(br, &raws[0], opt)
	} else {
		err = profile.Decode(br, &raws, opt)
	}
	if err != nil {
		return Batch{}, err
	}
	if len(raws) == 0 {
		return Batch{}, &profile.Problem{Path: "(document)", Code: "no_event", Detail: "no event", Err: profile.ErrInvalid}
	}
	b := Batch{Events: make([]Event, len(raws)), Single: single}
	maxErrors := opt.MaxErrors
	if maxErrors <= 0 {
		maxErrors = DefaultMaxErrors
	}
	var errs []error
	more := 0
	for i, raw := range raws {
		if err := b.Events[i].UnmarshalJSON(raw); err != nil {
			for _, e := range profile.Problems(profile.AtPath(err, b.Path(i))) {
				if len(errs) < maxErrors {
					errs = append(errs, e)
				} else {
					more++
				}
			}
		}
	}
	if more > 0 {
		errs = append(errs, eventProblem(0, nil, "", "more_not_listed",
			fmt.Sprintf("%d more %s not listed (reporting stops after %d)", more, msg.Plural(more, "problem", "problems"), maxErrors), more, maxErrors))
	}
	if len(errs) > 0 {
		return Batch{}, errors.Join(errs...)
	}
	return b, nil
}

// batchMarker reports whether line is a batch marker, {"batch":"N"} with
// N a whole number from 2 without leading zeros, and returns N (see
// [Read]).
func batchMarker(line []byte) (int, bool) {
	const head, end = `{"batch":"`, `"}`
	if len(line) <= len(head)+len(end) || string(line[:len(head)]) != head || string(line[len(line)-len(end):]) != end {
		return 0, false
	}
	n := wholeNumber(string(line[len(head) : len(line)-len(end)]))
	return n, n >= 2
}

// appendBatchMarker appends the marker of a batch of n events, and its
// newline, to b.
func appendBatchMarker(b []byte, n int) []byte {
	b = append(b, `{"batch":"`...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, "\"}\n"...)
}
