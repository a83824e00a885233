#!/usr/bin/env python3
"""ortools_runner.py -- solves a rotation instance with OR-Tools' SimpleMinCostFlow.

Prints "cost=<c> seconds=<solve>"; the solve time covers adding the arcs (vectorised) and
Solve(), not reading the file. Network: staff (supply 1) -> section (arc capacity 1, cost c)
-> sink (arc capacity c_j, cost 0), sink supply -S.
"""
import sys
import time

import numpy as np
from ortools.graph.python import min_cost_flow


def main():
    data = np.fromfile(sys.argv[1], dtype=np.int64, sep=" ")
    S, J, E = int(data[0]), int(data[1]), int(data[2])
    cap = data[3:3 + J]
    edges = data[3 + J:3 + J + 3 * E].reshape(E, 3)
    tails = np.ascontiguousarray(edges[:, 0])
    heads = np.ascontiguousarray(edges[:, 1] + S)
    costs = np.ascontiguousarray(edges[:, 2])
    del data, edges
    sink = S + J

    t0 = time.perf_counter()
    smcf = min_cost_flow.SimpleMinCostFlow()
    smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, np.ones(E, dtype=np.int64), costs)
    smcf.add_arcs_with_capacity_and_unit_cost(
        np.arange(S, S + J, dtype=np.int64), np.full(J, sink, dtype=np.int64), cap, np.zeros(J, dtype=np.int64))
    supplies = np.zeros(S + J + 1, dtype=np.int64)
    supplies[:S] = 1
    supplies[sink] = -S
    smcf.set_nodes_supplies(np.arange(S + J + 1, dtype=np.int64), supplies)
    status = smcf.solve()
    t1 = time.perf_counter()
    if status != smcf.OPTIMAL:
        print("status=%s seconds=%.6f" % (status, t1 - t0))
        return 1
    print("cost=%d seconds=%.6f" % (smcf.optimal_cost(), t1 - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
