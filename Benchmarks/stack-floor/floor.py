#!/usr/bin/env python3
"""The decided stack's floor beside its ceiling, in one run: closed loops of N clients (each with
its own keep-alive connection and session cookie) against StackFloor's four routes, with the
load client of Benchmarks/load (same statistics, same table).

    python3 floor.py BASE_URL [--clients 50] [--seconds 15] [--server-pid PID]
"""
import argparse, asyncio, os, sys, urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "load"))
import load  # noqa: E402

ROUTES = [
    ("GET /plain (the ceiling: text, no database)", "/plain"),
    ("GET /row (one row by key, as text)", "/row"),
    ("GET /row-sql (the same row, SQLKit, no model)", "/row-sql"),
    ("GET /template (20 table rows, no database)", "/template"),
    ("GET /page (session + 20 rows + template)", "/page"),
]


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--server-pid", type=int, action="append", default=[])
    args = parser.parse_args()
    load.SERVER_PIDS.extend(args.server_pid)
    url = urllib.parse.urlsplit(args.base)
    # Without a cookie Vapor reads no session: the first three rows are measured as nobody (as
    # the app's ceiling is), the page as someone signed in.
    anonymous = [load.Client(url.hostname, url.port) for _ in range(args.clients)]
    signed_in = [load.Client(url.hostname, url.port) for _ in range(args.clients)]
    for client in signed_in:
        status, _, _ = await client.request("GET", "/start")
        if status != 200 or not client.cookies:
            raise SystemExit(f"/start answered {status} without a session cookie")
    rows = [await load.closed_loop(label, signed_in if path == "/page" else anonymous, path, args.seconds, args.warmup)
            for label, path in ROUTES]
    for client in anonymous + signed_in:
        client.close()
    load.table(rows, rows[0])
    return 0 if all(row.errors == 0 for row in rows) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
