package sheet_test

import (
	"bytes"
	"fmt"
	"testing"

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
