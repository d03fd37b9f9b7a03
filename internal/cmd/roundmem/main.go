// Command roundmem runs one synthetic matching round, by default near
// [match.MaxCells] pairs, so that its peak memory can be measured:
//
//	go build -o /tmp/roundmem ./internal/cmd/roundmem
//	/usr/bin/time -v /tmp/roundmem
//
// and read "Maximum resident set size". The pool comes from
// [synth.Generate] (seeded, 10 % ineligible); the program prints the size
// of the assignment problem, the number of proposed duos and the time the
// round took. Flags: -mentees, -mentors, -seed, -best-total, -spread
// (homes all over Belgium rather than in a sample of cities), -cpuprofile
// (write a CPU profile of the round, generation excluded, for go tool
// pprof).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/duomatch/duo/internal/synth"
	"github.com/duomatch/duo/match"
)

func main() {
	mentees := flag.Int("mentees", 13500, "mentees in the pool")
	mentors := flag.Int("mentors", 10500, "mentors in the pool")
	seed := flag.Uint64("seed", 1, "seed of the synthetic pool")
	bestTotal := flag.Bool("best-total", false, "use the best_total objective")
	spread := flag.Bool("spread", false, "homes all over Belgium (synth.Config.Spread)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the round to this file")
	flag.Parse()
	if err := run(*mentees, *mentors, *seed, *bestTotal, *spread, *cpuprofile); err != nil {
		fmt.Fprintln(os.Stderr, "roundmem:", err)
		os.Exit(1)
	}
}

func run(mentees, mentors int, seed uint64, bestTotal, spread bool, cpuprofile string) error {
	on := synth.DefaultOn
	me, mo := synth.Generate(synth.Config{Seed: seed, Mentees: mentees, Mentors: mentors, On: on, IneligibleShare: 0.1, Spread: spread})
	r := match.Round{On: on, Mentees: me, Mentors: mo}
	if bestTotal {
		r.Objective = match.BestTotal
	}
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	start := time.Now()
	p, err := match.Propose(context.Background(), r)
	elapsed := time.Since(start)
	if cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	if err != nil {
		return err
	}
	seats := 0
	for _, m := range mo {
		seats += m.EffectiveCapacity()
	}
	fmt.Printf("%d mentees × %d mentors (%d seats, MaxCells %d): %d duos, %d mentees unmatched, %.1f s\n",
		len(me), len(mo), seats, match.MaxCells, len(p.Duos), len(p.UnmatchedMentees), elapsed.Seconds())
	return nil
}
