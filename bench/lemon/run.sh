#!/bin/sh
# Builds LEMON's solver and the harness, then times duo's sparse solver
# against LEMON's NetworkSimplex on the same rounds, paired, in one run.
# Needs g++ and liblemon-dev (apt-get install -y liblemon-dev).
# Arguments go to the harness, e.g.: ./run.sh -sizes 1000,2000 -reps 3
set -eu
cd "$(dirname "$0")"
g++ -O2 -o lemon_solve networksimplex/lemon_solve.cpp
go build -o lemon_bench .
uptime
./lemon_bench -lemon ./lemon_solve "$@"
