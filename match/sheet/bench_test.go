package sheet_test

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match/sheet"
)

// BenchmarkReadMentees reads sheets of synthetic mentees written by
// WriteMentees (';', decimal commas, a byte order mark).
func BenchmarkReadMentees(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		mentees, _ := synth.Generate(synth.Config{Seed: 1, Mentees: n})
		var buf bytes.Buffer
		require.NoError(b, sheet.WriteMentees(&buf, mentees, sheet.Options{}))
		data := buf.Bytes()
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				got, _, err := sheet.ReadMentees(bytes.NewReader(data), sheet.Options{})
				if err != nil || len(got) != n {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkReadMentors is BenchmarkReadMentees for mentors.
func BenchmarkReadMentors(b *testing.B) {
	_, mentors := synth.Generate(synth.Config{Seed: 1, Mentors: 20000})
	var buf bytes.Buffer
	require.NoError(b, sheet.WriteMentors(&buf, mentors, sheet.Options{}))
	data := buf.Bytes()
	b.Run("n=20000", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, _, err := sheet.ReadMentors(bytes.NewReader(data), sheet.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWriteMentees writes 20 000 synthetic mentees.
func BenchmarkWriteMentees(b *testing.B) {
	mentees, _ := synth.Generate(synth.Config{Seed: 1, Mentees: 20000})
	b.Run("n=20000", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := sheet.WriteMentees(&buf, mentees, sheet.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// hostileShapes are files at a size limit whose shape once made reading
// cost far more than the file: one very wide data row, many tiny rows, CR
// line ends, a quoted cell that never ends, UTF-16 without a byte order
// mark, a quoted cell of line breaks.
func hostileShapes(size int) map[string]func() []byte {
	return map[string]func() []byte{
		"wide-row": func() []byte {
			var b bytes.Buffer
			b.Grow(size)
			b.WriteString("id;birth_date\nme-1;2001-01-01")
			for b.Len() < size-3 {
				b.WriteString(";x")
			}
			b.WriteString("\n")
			return b.Bytes()
		},
		"tiny-rows": func() []byte { return []byte("id;birth_date\n" + strings.Repeat(";\n", (size-20)/2)) },
		"cr-rows":   func() []byte { return []byte("id;birth_date\r" + strings.Repeat("\r", size-20)) },
		"unended-quote": func() []byte {
			return []byte("id;birth_date\n\"" + strings.Repeat(`""`, (size-20)/2))
		},
		"utf16-no-bom": func() []byte { return bytes.Repeat([]byte{'i', 0, 'd', 0, ';', 0}, size/6) },
		"quoted-lines": func() []byte { return []byte("id;birth_date\nme-1;\"" + strings.Repeat("\n", size-30) + "\"\n") },
	}
}

// BenchmarkReadHostile reads (or refuses) each hostile shape at the
// default size limit, 64 MiB: time and memory stay a small multiple of
// the file's size (see TestReadMemoryBounded).
func BenchmarkReadHostile(b *testing.B) {
	for name, mk := range hostileShapes(sheet.DefaultMaxBytes) {
		b.Run(name, func(b *testing.B) {
			data := mk() // built only for the shapes run
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, _, _ = sheet.ReadMentees(bytes.NewReader(data), sheet.Options{})
			}
		})
	}
}

// TestReadMemoryBounded reads each hostile shape of 16 MiB and checks
// the bytes allocated: at most 5 times the file's size (the file, its
// text and the growth of the buffer that reads it), whatever the shape.
// Before the bounded record reader, one wide row of 64 MiB took 5 to 7 GB.
func TestReadMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("builds files of 16 MiB")
	}
	const size = 16 << 20
	for name, mk := range hostileShapes(size) {
		t.Run(name, func(t *testing.T) {
			data := mk()
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, _, _ = sheet.ReadMentees(bytes.NewReader(data), sheet.Options{})
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			t.Logf("%d MiB allocated for a %d MiB file", alloc>>20, size>>20)
			// The race detector's instrumentation allocates a little more
			// (85 MiB of 16 MiB here under -race); the bound is a multiple
			// of the file's size either way.
			assert.LessOrEqual(t, alloc, uint64(allocBound*size), "%d MiB allocated", alloc>>20)
		})
	}
}
