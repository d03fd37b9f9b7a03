#!/bin/sh
# Builds the C++ Jonker-Volgenant codes and the harness, then times duo's
# dense solver (lap.Assign) against them on the same matrices, paired, in
# one run, and checks that every solver reaches the same optimum.
# Needs Go and g++ (on Debian, as root, run.sh installs g++ if missing).
# The C++ sources are not in this repository: the harness downloads them,
# pinned by commit and SHA-256, into third_party/ (see README.md).
# Arguments go to the harness, e.g.: ./run.sh -sizes 500,1000 -kinds ties,int
set -eu
cd "$(dirname "$0")"
if ! command -v g++ >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		apt-get update && apt-get install -y g++
	else
		echo "run.sh: g++ is missing (apt-get install -y g++)" >&2
		exit 1
	fi
fi
go build -o jv_bench .
./jv_bench -fetch third_party
# -O3 for the baseline x86-64 target (no AVX), and, where the processor
# has AVX2, a second build with -mavx2 -mfma: duo's solver uses AVX2 kernels
# where the processor has them (detected at run time), so the C++ codes get
# theirs too, src-d's own AVX2 row reduction included (srcd-avx2). The
# faster build is the one compared.
g++ -O3 -std=c++17 -Ithird_party -o jv_solve jvsolve/jv_solve.cpp third_party/gatagat-lap/lapjv.cpp
solve=./jv_solve
codes=gatagat,srcd
if grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
	g++ -O3 -mavx2 -mfma -std=c++17 -Ithird_party -o jv_solve_avx2 jvsolve/jv_solve.cpp third_party/gatagat-lap/lapjv.cpp
	solve=./jv_solve_avx2
	codes=gatagat,srcd,srcd-avx2
fi
echo "load before: $(uptime)"
./jv_bench -jv "$solve" -codes "$codes" "$@"
echo "load after:  $(uptime)"
