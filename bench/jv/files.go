package main

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"

	"gonum.org/v1/gonum/mat"
)

// writeScores writes m for the duo child: int64 rows, int64 cols, then
// rows·cols float64 scores, row-major, little-endian (the format of
// ../shared/bench/lapbench).
func writeScores(file string, m *mat.Dense) error {
	r, c := m.Dims()
	return writeFloats(file, []int64{int64(r), int64(c)}, m.RawMatrix().Data)
}

// writeCosts writes an n×n cost matrix for jv_solve: int64 n, then n·n
// float64 costs, row-major, little-endian.
func writeCosts(file string, cost []float64, n int) error {
	return writeFloats(file, []int64{int64(n)}, cost)
}

func writeFloats(file string, header []int64, data []float64) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	le := binary.LittleEndian
	var buf []byte
	for _, h := range header {
		buf = le.AppendUint64(buf, uint64(h))
	}
	for _, v := range data {
		buf = le.AppendUint64(buf, math.Float64bits(v))
		if len(buf) >= 1<<16 {
			w.Write(buf)
			buf = buf[:0]
		}
	}
	w.Write(buf)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readScores reads a file written by writeScores.
func readScores(file string) (*mat.Dense, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd := bufio.NewReaderSize(f, 1<<20)
	var hdr [16]byte
	if _, err := io.ReadFull(rd, hdr[:]); err != nil {
		return nil, fmt.Errorf("%s: header: %w", file, err)
	}
	le := binary.LittleEndian
	r, c := int64(le.Uint64(hdr[:8])), int64(le.Uint64(hdr[8:]))
	if r < 1 || c < 1 || r > 1<<15 || c > 1<<15 {
		return nil, fmt.Errorf("%s: bad shape %d×%d", file, r, c)
	}
	// The size must match before the matrix is allocated.
	if st, err := f.Stat(); err != nil || st.Size() != 16+8*r*c {
		return nil, fmt.Errorf("%s: not the %d×%d matrix its header announces", file, r, c)
	}
	data := make([]float64, r*c)
	var w [8]byte
	for k := range data {
		if _, err := io.ReadFull(rd, w[:]); err != nil {
			return nil, fmt.Errorf("%s: entry %d: %w", file, k, err)
		}
		data[k] = math.Float64frombits(le.Uint64(w[:]))
	}
	return mat.NewDense(int(r), int(c), data), nil
}
