// Command lemon times duo's sparse solver (lap.AssignSparse) against
// LEMON's NetworkSimplex on the same round problems, paired, in one run,
// checks that the optima agree, and prints a table. It lives outside the
// library's go.mod, as competitor benchmarks should; run it with run.sh.
//
// For each size and density it generates a round with internal/geo,
// writes it to a file, and runs both solvers as child processes (in
// alternating order over repetitions), each reading the file, building its
// own graph and timing its solve only; peak memory is each child's maximum
// resident set size, so it counts the child's graph and solver, and the
// reading. Scores are in [0, 1] (internal/geo), which lemon_solve's
// integer costs assume.
//
// File format (little-endian): int32 rows, int32 cols, int64 pairs,
// int32 capacity per column, then per row: int32 n, n int32 columns,
// n float32 scores.
package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/duomatch/duo/internal/geo"
	"github.com/duomatch/duo/match/lap"
)

func main() {
	solve := flag.String("solve", "", "child mode: solve this file with duo and print seconds pairs total")
	sizes := flag.String("sizes", "1000,2000,5000,10000,14000", "mentees per round (mentors: 4/5 of them)")
	densities := flag.String("densities", "2,7", "allowed pairs, percent: 2 (two shared slots) or 7 (a 33 km radius)")
	reps := flag.Int("reps", 1, "paired repetitions per round")
	lemon := flag.String("lemon", "./lemon_solve", "the LEMON solver binary")
	seats := flag.Int("seats", 1, "each mentor offers 1 to this many seats")
	flag.Parse()
	if *solve != "" {
		if err := solveDuo(*solve); err != nil {
			fmt.Fprintln(os.Stderr, "lemon:", err)
			os.Exit(1)
		}
		return
	}
	if err := compare(*sizes, *densities, *reps, *seats, *lemon); err != nil {
		fmt.Fprintln(os.Stderr, "lemon:", err)
		os.Exit(1)
	}
}

type run struct {
	secs  float64
	pairs int
	total float64
	rss   int64 // bytes
}

func compare(sizes, densities string, reps, seats int, lemon string) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "duo-lemon")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Printf("%-8s %-8s %-6s %-10s %-7s %-10s %-10s %-6s %-9s %-9s %-6s %s\n",
		"mentees", "mentors", "dens", "pairs", "matched", "duo s", "LEMON s", "ratio", "duo MiB", "LEMON MiB", "mem", "optimum")
	for _, ns := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(ns))
		if err != nil {
			return err
		}
		for _, ds := range strings.Split(densities, ",") {
			cfg := geo.Config{Mentees: n, Mentors: n * 4 / 5, MaxSeats: seats, Seed: 1}
			switch strings.TrimSpace(ds) {
			case "2":
				cfg.MinShared = 2
			case "7":
				cfg.RadiusKm = 33
			default:
				return fmt.Errorf("density %q: want 2 or 7", ds)
			}
			file := filepath.Join(dir, "round.bin")
			g := geo.Round(cfg)
			r, c := g.Dims()
			dens := float64(g.Len()) / float64(r*c)
			if err := write(file, g); err != nil {
				return err
			}
			edges := g.Len()
			g = nil
			runtime.GC()
			var duo, lem []run
			for k := range reps {
				order := []bool{k%2 == 0, k%2 != 0} // true: duo first
				for _, duoFirst := range order {
					if duoFirst {
						x, err := child(self, "-solve", file)
						if err != nil {
							return err
						}
						duo = append(duo, x)
					} else {
						x, err := child(lemon, file)
						if err != nil {
							return err
						}
						lem = append(lem, x)
					}
				}
			}
			d, l := median(duo), median(lem)
			agree := "agree"
			if d.pairs != l.pairs || math.Abs(d.total-l.total) > 1e-6*math.Max(1, math.Abs(l.total))+float64(l.pairs)*0x1p-24 {
				agree = fmt.Sprintf("DIFFER (%d %.6f vs %d %.6f)", d.pairs, d.total, l.pairs, l.total)
			}
			fmt.Printf("%-8d %-8d %-6s %-10d %-7d %-10.3f %-10.3f %-6.2f %-9.0f %-9.0f %-6.2f %s\n",
				r, c, fmt.Sprintf("%.1f%%", 100*dens), edges, d.pairs, d.secs, l.secs, d.secs/l.secs,
				float64(d.rss)/(1<<20), float64(l.rss)/(1<<20), float64(d.rss)/float64(l.rss), agree)
		}
	}
	return nil
}

// median returns the run of median time (the lower one for an even count).
func median(rs []run) run {
	best := rs[0]
	for _, x := range rs {
		less := 0
		for _, y := range rs {
			if y.secs < x.secs {
				less++
			}
		}
		if less == (len(rs)-1)/2 {
			best = x
		}
	}
	return best
}

func child(name string, args ...string) (run, error) {
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return run{}, fmt.Errorf("%s: %w", name, err)
	}
	var x run
	if _, err := fmt.Sscan(string(out), &x.secs, &x.pairs, &x.total); err != nil {
		return run{}, fmt.Errorf("%s: output %q: %w", name, out, err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		x.rss = ru.Maxrss * 1024
	}
	return x, nil
}

func write(file string, g *lap.Sparse) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	r, c := g.Dims()
	le := binary.LittleEndian
	buf := le.AppendUint32(nil, uint32(r))
	buf = le.AppendUint32(buf, uint32(c))
	buf = le.AppendUint64(buf, uint64(g.Len()))
	for j := 0; j < c; j++ {
		buf = le.AppendUint32(buf, uint32(g.Capacity(j)))
	}
	w.Write(buf)
	for i := 0; i < r; i++ {
		cols, scores := g.Row(i)
		buf = le.AppendUint32(buf[:0], uint32(len(cols)))
		for _, j := range cols {
			buf = le.AppendUint32(buf, uint32(j))
		}
		for _, s := range scores {
			buf = le.AppendUint32(buf, math.Float32bits(s))
		}
		w.Write(buf)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// solveDuo is the child: read the file into a lap.Sparse, solve, print.
func solveDuo(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	rd := bufio.NewReaderSize(f, 1<<20)
	le := binary.LittleEndian
	var hdr [16]byte
	if _, err := io.ReadFull(rd, hdr[:]); err != nil {
		return err
	}
	r, c, nnz := int(le.Uint32(hdr[0:])), int(le.Uint32(hdr[4:])), int(le.Uint64(hdr[8:]))
	b := lap.NewSparseBuilder(c)
	b.Grow(nnz)
	var w [4]byte
	u32 := func() (uint32, error) {
		_, err := io.ReadFull(rd, w[:])
		return le.Uint32(w[:]), err
	}
	for j := 0; j < c; j++ {
		x, err := u32()
		if err != nil {
			return err
		}
		if x != 1 {
			b.SetCapacity(j, int(x))
		}
	}
	var cols []int
	var scores []float64
	for i := 0; i < r; i++ {
		n, err := u32()
		if err != nil {
			return err
		}
		cols, scores = cols[:0], scores[:0]
		for range n {
			x, err := u32()
			if err != nil {
				return err
			}
			cols = append(cols, int(x))
		}
		for range n {
			x, err := u32()
			if err != nil {
				return err
			}
			scores = append(scores, float64(math.Float32frombits(x)))
		}
		b.AddRow(cols, scores)
	}
	g, err := b.Build()
	if err != nil {
		return err
	}
	t0 := time.Now()
	a, err := lap.AssignSparse(context.Background(), g)
	secs := time.Since(t0).Seconds()
	if err != nil {
		return err
	}
	if os.Getenv("DUO_VERIFY") != "" {
		if err := lap.VerifySparse(g, a); err != nil {
			return err
		}
	}
	fmt.Printf("%.6f %d %.9f\n", secs, len(a.Pairs), a.Total)
	return nil
}
