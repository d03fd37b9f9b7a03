package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/duomatch/duo/profile"
)

// decodePool reads a body that holds a pool into dst with the library's
// strict decoder (profile.Decode): an unknown field, a wrong type, a
// duplicate field, invalid UTF-8, an invalid profile or data after the
// value is a 400 that lists every problem; a list of more than -max-pool
// entries stops the decoding at once (422), and a body over -max-body too
// (413). Fields the document leaves out keep dst's zero values, the
// library's defaults. It then records the pool's sizes for the request
// log and checks them against -max-pool.
func (s *server) decodePool(w http.ResponseWriter, r *http.Request, dst any, sizes func() (int, int)) *apiError {
	body := &bodyReader{r: http.MaxBytesReader(w, r.Body, s.cfg.maxBody)}
	if err := profile.Decode(body, dst, profile.DecodeOptions{MaxPeople: s.cfg.maxPool, MaxErrors: maxDetails - 2}); err != nil {
		return s.readError(body, err)
	}
	mentees, mentors := sizes()
	stats(r).pool(mentees, mentors)
	if n := mentees + mentors; n > s.cfg.maxPool {
		return &apiError{status: http.StatusUnprocessableEntity, Code: "pool_too_large",
			Message: fmt.Sprintf("%d mentees and mentors; this server takes at most %d in one request", n, s.cfg.maxPool)}
	}
	return nil
}

// readError maps an error of a decoder reading body: the request's time
// limit passing while the body arrives (503), the client going away or
// too slow (400), and otherwise the decoder's own error (requestError).
func (s *server) readError(body *bodyReader, err error) *apiError {
	var tooLarge *http.MaxBytesError
	if errors.Is(body.err, os.ErrDeadlineExceeded) {
		// The read deadline is the request's time limit.
		return s.cancelled(context.DeadlineExceeded)
	}
	if body.err != nil && !errors.As(body.err, &tooLarge) {
		// The client went away or was too slow: not the server's fault.
		return &apiError{status: http.StatusBadRequest, Code: "invalid_request", Message: "the request body could not be read"}
	}
	return s.requestError(err)
}

// bodyReader remembers the read error of a request body, to tell it from
// a problem of the document.
type bodyReader struct {
	r   io.Reader
	err error
}

func (b *bodyReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF {
		b.err = err
	}
	return n, err
}
