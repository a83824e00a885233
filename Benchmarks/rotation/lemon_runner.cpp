// lemon_runner.cpp -- solves a rotation instance (shared/bench/gen_rotation_instance.py format)
// with LEMON's NetworkSimplex. Prints "cost=<c> seconds=<solve>" where the solve time covers
// building the LEMON graph and running the simplex, not reading the file.
//
// Model: staff nodes supply 1, section nodes supply -c_j, supply type GEQ
// (out - in >= supply), so a section takes at most c_j staff; arc staff->section cost c.
#include <lemon/smart_graph.h>
#include <lemon/network_simplex.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

static char *buf;
static size_t len, pos;

static long long next_num() {
  while (pos < len && (buf[pos] < '0' || buf[pos] > '9')) pos++;
  long long v = 0;
  while (pos < len && buf[pos] >= '0' && buf[pos] <= '9') v = v * 10 + (buf[pos++] - '0');
  return v;
}

int main(int argc, char **argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: lemon_runner INSTANCE\n"); return 2; }
  FILE *f = std::fopen(argv[1], "rb");
  if (!f) { std::perror(argv[1]); return 2; }
  std::fseek(f, 0, SEEK_END); len = std::ftell(f); std::fseek(f, 0, SEEK_SET);
  buf = (char *)std::malloc(len + 1);
  if (std::fread(buf, 1, len, f) != len) { std::perror("read"); return 2; }
  std::fclose(f);
  long long S = next_num(), J = next_num(), E = next_num();
  std::vector<int> cap(J), es(E), ej(E), ec(E);
  for (long long j = 0; j < J; j++) cap[j] = (int)next_num();
  for (long long e = 0; e < E; e++) { es[e] = (int)next_num(); ej[e] = (int)next_num(); ec[e] = (int)next_num(); }
  std::free(buf);

  auto t0 = std::chrono::steady_clock::now();
  using namespace lemon;
  SmartDigraph g;
  g.reserveNode(S + J);
  g.reserveArc(E);
  std::vector<SmartDigraph::Node> nodes(S + J);
  for (long long i = 0; i < S + J; i++) nodes[i] = g.addNode();
  SmartDigraph::ArcMap<long long> cost(g);
  SmartDigraph::NodeMap<long long> sup(g);
  for (long long s = 0; s < S; s++) sup[nodes[s]] = 1;
  for (long long j = 0; j < J; j++) sup[nodes[S + j]] = -cap[j];
  for (long long e = 0; e < E; e++) {
    SmartDigraph::Arc a = g.addArc(nodes[es[e]], nodes[S + ej[e]]);
    cost[a] = ec[e];
  }
  NetworkSimplex<SmartDigraph, long long, long long> ns(g);
  ns.costMap(cost).supplyMap(sup).supplyType(NetworkSimplex<SmartDigraph, long long, long long>::GEQ);
  auto res = ns.run();
  auto t1 = std::chrono::steady_clock::now();
  double sec = std::chrono::duration<double>(t1 - t0).count();
  if (res != NetworkSimplex<SmartDigraph, long long, long long>::OPTIMAL) {
    std::printf("status=%s seconds=%.6f\n", res == NetworkSimplex<SmartDigraph, long long, long long>::INFEASIBLE ? "infeasible" : "unbounded", sec);
    return 1;
  }
  std::printf("cost=%lld seconds=%.6f\n", (long long)ns.totalCost<long long>(), sec);
  return 0;
}
