package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadScores: readScores never panics, and a file that is not a
// header and exactly rows·cols float64 values gives an error, before
// allocating the matrix the header announces.
func FuzzReadScores(f *testing.F) {
	le := binary.LittleEndian
	good := le.AppendUint64(le.AppendUint64(nil, 1), 2)
	good = le.AppendUint64(le.AppendUint64(good, 0), 0)
	f.Add(good)
	f.Add(good[:20])
	f.Add([]byte{})
	f.Add(le.AppendUint64(le.AppendUint64(nil, 1<<40), 1<<40))
	file := filepath.Join(f.TempDir(), "m.bin")
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := os.WriteFile(file, b, 0o600); err != nil {
			t.Fatal(err)
		}
		m, err := readScores(file)
		if err != nil {
			return
		}
		r, c := m.Dims()
		if len(b) != 16+8*r*c {
			t.Fatalf("%d bytes read as %d×%d", len(b), r, c)
		}
	})
}
