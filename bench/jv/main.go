// Command jv times duo's dense solver (lap.Assign) against C++
// Jonker–Volgenant codes on the same matrices, paired, in one run, checks
// that every solver reaches the same optimum, and prints a table. It lives
// outside the library's go.mod, as competitor benchmarks should; run it
// with run.sh, which builds the C++ side (see README.md).
//
// For each kind and size it generates a matrix (kinds.go), writes duo's
// scores to one file and the square cost matrix of convert.go to another,
// and runs each solver as a child process (this program with -solve for
// duo, jv_solve for the C++ codes) that reads its file, lays the matrix
// out as its code wants it, solves it once untimed to warm up, and times
// reps solves, each alone (file reading and layout excluded). Children
// run in rounds, the order of the solvers rotating from one round to the
// next; a solver's time is the median over all its solves.
//
// Optimum: duo's result is checked and its certificate verified
// (lap.Verify) in the child; each C++ solution is mapped back to the
// scores (fromRowsol) and must have the same number of pairs and a total
// within 1e-9 relative of duo's, or the run fails.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

func main() {
	solve := flag.String("solve", "", "child mode: time lap.Assign on this score file")
	fetchDir := flag.String("fetch", "", "only check (and download if missing) the pinned C++ sources into this folder")
	kindList := flag.String("kinds", strings.Join(kindOrder, ","), "matrix kinds: "+strings.Join(kindOrder, ", "))
	sizes := flag.String("sizes", "500,1000,2000", "sizes n (rect is n × n/2, wide n/2 × n)")
	rounds := flag.Int("rounds", 3, "child processes per solver and matrix, in rotating order")
	reps := flag.Int("reps", 0, "timed solves per child process, after one untimed; 0: max(3, 6000/n)")
	seed := flag.Uint64("seed", 1, "generator seed")
	jv := flag.String("jv", "./jv_solve", "the C++ driver built by run.sh")
	codes := flag.String("codes", "gatagat,srcd", "C++ codes to run (jv_solve's names)")
	flag.Parse()
	var err error
	if *fetchDir != "" {
		err = fetch(*fetchDir)
	} else if *solve != "" {
		err = solveDuo(*solve, max(1, *reps))
	} else {
		err = compare(config{
			kinds: split(*kindList), sizes: split(*sizes), rounds: *rounds, reps: *reps,
			seed: *seed, jv: *jv, codes: split(*codes),
		})
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "jv:", err)
		os.Exit(1)
	}
}

type config struct {
	kinds, sizes []string
	rounds, reps int
	seed         uint64
	jv           string
	codes        []string
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// outcome is what one solver found on one matrix: its solve times over
// all its children, and the pairs and total of each child's solution.
type outcome struct {
	secs    []float64
	optimum []optimum
}

// optimum is a solution's number of pairs and total score.
type optimum struct {
	pairs int
	total float64
}

func compare(cfg config) error {
	if err := checkKinds(cfg.kinds); err != nil {
		return err
	}
	var ns []int
	for _, s := range cfg.sizes {
		n, err := strconv.Atoi(s)
		if err != nil || n < 2 {
			return fmt.Errorf("size %q: want an integer of at least 2", s)
		}
		ns = append(ns, n)
	}
	if cfg.rounds < 1 || cfg.reps < 0 {
		return fmt.Errorf("rounds %d, reps %d: want rounds >= 1, reps >= 0", cfg.rounds, cfg.reps)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "duo-jv")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	solvers := append([]string{"duo"}, cfg.codes...)
	fmt.Printf("%-10s %-10s", "kind", "shape")
	for _, s := range solvers {
		fmt.Printf(" %10s", s+"_ms")
	}
	fmt.Printf(" %8s %7s  %s\n", "best_C++", "duo/C++", "optimum")
	var ratios []float64
	failures := 0
	for _, kind := range cfg.kinds {
		for _, n := range ns {
			res, err := measure(cfg, kind, n, self, dir, solvers)
			if err != nil {
				return fmt.Errorf("%s n=%d: %w", kind, n, err)
			}
			ratio, verdict := report(kind, n, solvers, res)
			if !math.IsNaN(ratio) {
				ratios = append(ratios, ratio)
			}
			if verdict != "same" {
				failures++
			}
		}
	}
	if len(ratios) > 0 {
		fmt.Printf("duo / best C++: worst %.2f, median %.2f; optimum differences %d\n",
			slices.Max(ratios), median(ratios), failures)
	}
	if failures > 0 {
		return fmt.Errorf("%d matrices where the solvers' optima differ", failures)
	}
	return nil
}

// measure generates the matrix and runs every solver's children on it,
// rotating their order from round to round.
func measure(cfg config, kind string, n int, self, dir string, solvers []string) (map[string]*outcome, error) {
	m, err := generate(kind, n, cfg.seed)
	if err != nil {
		return nil, err
	}
	scores, costs := filepath.Join(dir, "scores.bin"), filepath.Join(dir, "costs.bin")
	if err := writeScores(scores, m); err != nil {
		return nil, err
	}
	cost, size, transposed := costMatrix(m)
	if err := writeCosts(costs, cost, size); err != nil {
		return nil, err
	}
	reps := cfg.reps
	if reps == 0 {
		reps = max(3, 6000/n)
	}
	res := map[string]*outcome{}
	for k := range cfg.rounds {
		for i := range solvers {
			s := solvers[(i+k)%len(solvers)]
			var x outcome
			if s == "duo" {
				x, err = runDuo(self, scores, reps)
			} else {
				x, err = runJV(cfg.jv, s, costs, reps, m, transposed)
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %w", s, err)
			}
			if prev, ok := res[s]; ok {
				prev.secs = append(prev.secs, x.secs...)
				prev.optimum = append(prev.optimum, x.optimum...)
			} else {
				res[s] = &x
			}
		}
	}
	return res, nil
}

// report prints the matrix's row and returns duo's time over the best C++
// time and the optimum verdict.
func report(kind string, n int, solvers []string, res map[string]*outcome) (float64, string) {
	r, c := n, n
	switch kind {
	case "rect":
		c = max(1, n/2)
	case "wide":
		r = max(1, n/2)
	}
	fmt.Printf("%-10s %-10s", kind, fmt.Sprintf("%dx%d", r, c))
	ref := res["duo"].optimum[0]
	best := math.Inf(1)
	verdict := "same"
	for _, s := range solvers {
		t := median(res[s].secs)
		fmt.Printf(" %10.3f", 1000*t)
		if s != "duo" {
			best = min(best, t)
		}
		for _, x := range res[s].optimum {
			if x.pairs != ref.pairs || math.Abs(x.total-ref.total) > 1e-9*math.Max(1, math.Abs(ref.total)) {
				verdict = fmt.Sprintf("DIFFERENT: %s %d pairs %.12g, duo %d pairs %.12g", s, x.pairs, x.total, ref.pairs, ref.total)
			}
		}
	}
	ratio := math.NaN()
	if !math.IsInf(best, 1) {
		ratio = median(res["duo"].secs) / best
		fmt.Printf(" %8.3f %7.2f  %s\n", 1000*best, ratio, verdict)
	} else {
		fmt.Printf(" %8s %7s  %s\n", "-", "-", verdict)
	}
	return ratio, verdict
}

func runDuo(self, file string, reps int) (outcome, error) {
	lines, err := child(self, "-solve", file, "-reps", strconv.Itoa(reps))
	if err != nil {
		return outcome{}, err
	}
	var o optimum
	if _, err := fmt.Sscan(lines.rest, &o.pairs, &o.total); err != nil {
		return outcome{}, fmt.Errorf("output %q: %w", lines.rest, err)
	}
	return outcome{secs: lines.secs, optimum: []optimum{o}}, nil
}

func runJV(jv, code, file string, reps int, m *mat.Dense, transposed bool) (outcome, error) {
	lines, err := child(jv, code, file, strconv.Itoa(reps))
	if err != nil {
		return outcome{}, err
	}
	var rowsol []int
	for _, f := range strings.Fields(lines.rest) {
		j, err := strconv.Atoi(f)
		if err != nil {
			return outcome{}, fmt.Errorf("solution: %q is not a column", f)
		}
		rowsol = append(rowsol, j)
	}
	var o optimum
	o.pairs, o.total, err = fromRowsol(m, rowsol, transposed)
	return outcome{secs: lines.secs, optimum: []optimum{o}}, err
}

// childOutput is a child's output: the solve times of line 1 and the rest.
type childOutput struct {
	secs []float64
	rest string
}

func child(name string, args ...string) (childOutput, error) {
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return childOutput{}, fmt.Errorf("%s: %w", name, err)
	}
	first, rest, _ := strings.Cut(string(out), "\n")
	var o childOutput
	for _, f := range strings.Fields(first) {
		t, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return childOutput{}, fmt.Errorf("%s: time %q: %w", name, f, err)
		}
		o.secs = append(o.secs, t)
	}
	if len(o.secs) == 0 {
		return childOutput{}, fmt.Errorf("%s: no times in its output", name)
	}
	o.rest = rest
	return o, nil
}

// median returns the median of xs (the mean of the middle two for an even
// count); xs is not modified.
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	h := len(s) / 2
	if len(s)%2 == 1 {
		return s[h]
	}
	return (s[h-1] + s[h]) / 2
}
