// jv_solve times one C++ Jonker-Volgenant code on a square cost matrix
// written by the harness (main.go) and prints what it found.
//
// Usage: jv_solve SOLVER FILE REPS, SOLVER one of gatagat, srcd, and
// srcd-avx2 in a build with -mavx2.
//
// FILE (little-endian): int64 n, then n*n float64 costs, row-major; the
// harness has already turned duo's scores into costs to minimise (see
// convert.go). The matrix is read and laid out as the code wants it (row
// pointers for gatagat, one block for srcd) before the clock starts; one
// untimed solve warms the caches up, then each of the REPS solves is timed
// alone, with std::chrono::steady_clock.
//
// Output: line 1, the REPS solve times in seconds; line 2, the column
// assigned to each row of the last solve (n integers).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <tuple>
#include <vector>

#include "gatagat-lap/lapjv.h"
#include "src-d-lapjv/lap.h"

static void must(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "jv_solve: %s\n", what);
    std::exit(1);
  }
}

int main(int argc, char** argv) {
  must(argc == 4, "usage: jv_solve gatagat|srcd|srcd-avx2 FILE REPS");
  const bool gatagat = std::strcmp(argv[1], "gatagat") == 0;
  // srcd-avx2: src-d's own AVX2 row reduction, only in a build for a
  // processor with AVX2 (run.sh's second build, -mavx2).
  const bool avx2 = std::strcmp(argv[1], "srcd-avx2") == 0;
#ifndef __AVX2__
  must(!avx2, "srcd-avx2 needs a build with -mavx2");
#endif
  must(gatagat || avx2 || std::strcmp(argv[1], "srcd") == 0, "unknown solver");
  const int reps = std::atoi(argv[3]);
  must(reps > 0, "REPS must be positive");
  FILE* f = std::fopen(argv[2], "rb");
  must(f != nullptr, "cannot open the file");
  int64_t n64;
  must(std::fread(&n64, 8, 1, f) == 1, "header");
  must(n64 > 0 && n64 <= 46340, "bad size");
  const int n = int(n64);
  std::vector<double> cost(size_t(n) * n);
  must(std::fread(cost.data(), 8, cost.size(), f) == cost.size(), "matrix");
  std::fclose(f);

  std::vector<double*> rows(n);
  for (int i = 0; i < n; i++) rows[i] = cost.data() + size_t(i) * n;
  std::vector<int> x(n), y(n);
  std::vector<double> u(n), v(n);
  std::vector<double> secs;
  for (int k = -1; k < reps; k++) {  // k = -1: the warm-up
    auto t0 = std::chrono::steady_clock::now();
    if (gatagat) {
      must(lapjv_internal(n, rows.data(), x.data(), y.data()) == 0, "lapjv_internal failed");
    } else if (avx2) {
#ifdef __AVX2__
      lap<true, false, int, double>(n, cost.data(), x.data(), y.data(), u.data(), v.data());
#endif
    } else {
      lap<false, false, int, double>(n, cost.data(), x.data(), y.data(), u.data(), v.data());
    }
    auto t1 = std::chrono::steady_clock::now();
    if (k >= 0) secs.push_back(std::chrono::duration<double>(t1 - t0).count());
  }
  for (int k = 0; k < reps; k++) std::printf(k ? " %.9f" : "%.9f", secs[k]);
  std::printf("\n");
  for (int i = 0; i < n; i++) std::printf(i ? " %d" : "%d", x[i]);
  std::printf("\n");
  return 0;
}
