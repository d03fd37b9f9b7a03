package nace

import "testing"

func BenchmarkParseTables(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseTables(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkShared(b *testing.B) {
	pairs := []struct {
		name string
		a, b Code
	}{
		{"within=Rev2", MustParse("62.01", Rev2), MustParse("62.02", Rev2)},
		{"within=NACEBEL", MustParse("62.100", NACEBEL2025), MustParse("62.10", Rev21)},
		{"across=6-codes", MustParse("K", Rev21), MustParse("J", Rev2)},
		{"across=1-code", MustParse("62.10", NACEBEL2025), MustParse("62.01", Rev2)},
	}
	for _, p := range pairs {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Shared(p.a, p.b)
			}
		})
	}
}
