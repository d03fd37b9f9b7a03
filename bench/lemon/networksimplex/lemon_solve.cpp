// lemon_solve solves a round problem written by the harness (see main.go
// for the format) with LEMON's NetworkSimplex and prints
// "seconds pairs total": the solve time (building the graph excluded), the
// number of pairs and the sum of their float32 scores.
//
// The lexicographic objective (most pairs, then the best total) is a
// min-cost flow: every row has a supply of 1 and an arc of cost 0 to the
// sink (staying unmatched); a pair is an arc row -> column of cost
// -(M + round(score * 2^24)), with M = 2^24 * (rows + 1) so that one more
// pair outweighs any difference of totals; column j has an arc to the sink
// of capacity seats_j.
#include <lemon/smart_graph.h>
#include <lemon/network_simplex.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

using namespace lemon;

static void must(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "lemon_solve: %s\n", what);
    std::exit(1);
  }
}

int main(int argc, char** argv) {
  must(argc == 2, "usage: lemon_solve FILE");
  FILE* f = std::fopen(argv[1], "rb");
  must(f, "cannot open the file");
  int32_t rows, cols;
  int64_t nnz;
  must(std::fread(&rows, 4, 1, f) == 1 && std::fread(&cols, 4, 1, f) == 1 && std::fread(&nnz, 8, 1, f) == 1, "header");
  std::vector<int32_t> seats(cols);
  must(std::fread(seats.data(), 4, cols, f) == size_t(cols), "capacities");

  SmartDigraph g;
  g.reserveNode(rows + cols + 1);
  g.reserveArc(nnz + rows + cols);
  for (int64_t k = 0; k < int64_t(rows) + cols + 1; k++) g.addNode();
  auto node = [&](int64_t k) { return g.nodeFromId(int(k)); };
  SmartDigraph::Node sink = node(int64_t(rows) + cols);
  std::vector<int32_t> arcUpper;
  std::vector<long long> arcCost;
  std::vector<float> arcScore;  // NaN for arcs that are not pairs
  arcUpper.reserve(nnz + rows + cols);
  arcCost.reserve(nnz + rows + cols);
  arcScore.reserve(nnz + rows + cols);
  const long long M = (1LL << 24) * (static_cast<long long>(rows) + 1);
  std::vector<int32_t> rc;
  std::vector<float> rs;
  for (int32_t i = 0; i < rows; i++) {
    int32_t n;
    must(std::fread(&n, 4, 1, f) == 1, "row length");
    rc.resize(n);
    rs.resize(n);
    must(std::fread(rc.data(), 4, n, f) == size_t(n) && std::fread(rs.data(), 4, n, f) == size_t(n), "row");
    for (int32_t k = 0; k < n; k++) {
      g.addArc(node(i), node(int64_t(rows) + rc[k]));
      arcUpper.push_back(1);
      arcCost.push_back(-(M + std::llround(double(rs[k]) * 16777216.0)));
      arcScore.push_back(rs[k]);
    }
    g.addArc(node(i), sink);
    arcUpper.push_back(1);
    arcCost.push_back(0);
    arcScore.push_back(NAN);
  }
  for (int32_t j = 0; j < cols; j++) {
    g.addArc(node(int64_t(rows) + j), sink);
    arcUpper.push_back(seats[j]);
    arcCost.push_back(0);
    arcScore.push_back(NAN);
  }
  std::fclose(f);

  SmartDigraph::ArcMap<int> upper(g);
  SmartDigraph::ArcMap<long long> cost(g);
  SmartDigraph::NodeMap<int> supply(g, 0);
  for (SmartDigraph::ArcIt a(g); a != INVALID; ++a) {
    upper[a] = arcUpper[g.id(a)];
    cost[a] = arcCost[g.id(a)];
  }
  std::vector<int32_t>().swap(arcUpper);
  std::vector<long long>().swap(arcCost);
  for (int32_t i = 0; i < rows; i++) supply[node(i)] = 1;
  supply[sink] = -rows;

  NetworkSimplex<SmartDigraph, int, long long> ns(g);
  ns.upperMap(upper).costMap(cost).supplyMap(supply);
  auto t0 = std::chrono::steady_clock::now();
  auto res = ns.run();
  auto t1 = std::chrono::steady_clock::now();
  must(res == NetworkSimplex<SmartDigraph, int, long long>::OPTIMAL, "not optimal");

  long long pairs = 0;
  double total = 0;
  for (SmartDigraph::ArcIt a(g); a != INVALID; ++a) {
    float s = arcScore[g.id(a)];
    if (!std::isnan(s) && ns.flow(a) > 0) {
      pairs++;
      total += s;
    }
  }
  std::printf("%.6f %lld %.9f\n", std::chrono::duration<double>(t1 - t0).count(), pairs, total);
  return 0;
}
