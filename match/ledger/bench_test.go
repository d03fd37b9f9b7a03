package ledger_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/duomatch/duo/match/ledger"
	"github.com/duomatch/duo/profile"
)

// programmeFile returns a valid ledger of about n events: people apply,
// are proposed, meet (one in four fails), end and get an outcome.
func programmeFile(n int) []byte {
	var b bytes.Buffer
	writeProgramme(&b, n)
	return b.Bytes()
}

// writeProgramme writes programmeFile(n) to w.
func writeProgramme(w io.Writer, n int) {
	on := profile.MustDate(2020, 1, 1)
	add := func(e ledger.Event) {
		if err := ledger.Append(w, e); err != nil {
			panic(err)
		}
	}
	for k := 0; k == 0 || k*7 < n; k++ {
		me, mo, mo2 := fmt.Sprintf("me-%d", k), fmt.Sprintf("mo-%d", k), fmt.Sprintf("mo-%d-b", k)
		d := on.AddDays(k / 20)
		add(ledger.Event{On: d, Kind: ledger.Applied, Side: ledger.MenteeSide, ID: me})
		add(ledger.Event{On: d, Kind: ledger.Applied, Side: ledger.MentorSide, ID: mo})
		partner := mo
		if k%4 == 0 {
			add(ledger.Event{On: d, Kind: ledger.Applied, Side: ledger.MentorSide, ID: mo2})
			add(ledger.Event{On: d.AddDays(10), Kind: ledger.Proposed, MenteeID: me, MentorID: mo})
			add(ledger.Event{On: d.AddDays(17), Kind: ledger.FirstMeeting, MenteeID: me, MentorID: mo, Result: ledger.Failed, Reason: ledger.NoShow})
			partner = mo2
		}
		add(ledger.Event{On: d.AddDays(30), Kind: ledger.Proposed, MenteeID: me, MentorID: partner})
		add(ledger.Event{On: d.AddDays(37), Kind: ledger.FirstMeeting, MenteeID: me, MentorID: partner, Result: ledger.Started})
		add(ledger.Event{On: d.AddDays(220), Kind: ledger.Ended, MenteeID: me, MentorID: partner, Reason: ledger.Completed})
		add(ledger.Event{On: d.AddDays(400), Kind: ledger.Outcome, MenteeID: me, Result: ledger.Training})
	}
}

// BenchmarkOpenFile opens a ledger file of n events, as a service starts.
// Its peak memory is that of the process: run one size alone, with
// -benchtime 1x, under /usr/bin/time -v.
func BenchmarkOpenFile(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "ledger.jsonl")
			f, err := os.Create(path)
			if err != nil {
				b.Fatal(err)
			}
			w := bufio.NewWriter(f)
			writeProgramme(w, n)
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
			f.Close()
			b.ReportAllocs()
			for b.Loop() {
				lf, err := ledger.OpenFile(path, ledger.Options{})
				if err != nil {
					b.Fatal(err)
				}
				lf.Close()
			}
		})
	}
}

func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1000, 100_000, 1_000_000} {
		file := programmeFile(n)
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(file)))
			for b.Loop() {
				if _, err := ledger.Read(bytes.NewReader(file), ledger.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkIndicators(b *testing.B) {
	l, err := ledger.Read(bytes.NewReader(programmeFile(100_000)), ledger.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		l.Indicators(profile.MustDate(2020, 1, 1), profile.MustDate(2022, 12, 31), nil)
	}
}

// BenchmarkEquity is the equity report of three years by a grouping of
// 10 groups: twice the work of Indicators (a first pass finds the small
// groups).
func BenchmarkEquity(b *testing.B) {
	l, err := ledger.Read(bytes.NewReader(programmeFile(100_000)), ledger.Options{})
	if err != nil {
		b.Fatal(err)
	}
	g := ledger.Grouping{Name: "digit", Of: func(id string) string { return id[len(id)-1:] }}
	b.ReportAllocs()
	for b.Loop() {
		l.Equity(profile.MustDate(2020, 1, 1), profile.MustDate(2022, 12, 31), ledger.EquityOptions{}, g)
	}
}

// BenchmarkAddVoid records a mistake and its void, at the end of a
// ledger of n events: a pause of mo-0, whose previous event is at the
// start of the ledger, the worst case for a void, which looks back for
// it (O(events) of 48 bytes each, without replaying them).
func BenchmarkAddVoid(b *testing.B) {
	for _, n := range []int{1000, 100_000, 1_000_000} {
		l, err := ledger.Read(bytes.NewReader(programmeFile(n-1)), ledger.Options{MaxLines: 1 << 30})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			on := profile.MustDate(2099, 1, 1)
			for b.Loop() {
				if err := l.Add(ledger.Event{On: on, Kind: ledger.Paused, ID: "mo-0"}); err != nil {
					b.Fatal(err)
				}
				void := ledger.Event{On: on, Kind: ledger.Void, Line: fmt.Sprint(l.Line(l.Len() - 1)), Reason: ledger.Duplicate}
				if err := l.Add(void); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
