#!/usr/bin/env python3
"""Load client for Jibungoto: requests per second, p50, p99 and errors of the pages people use in
a busy week, beside the same figures for a plain-text route of the same binary (the framework's
ceiling), measured in one run. Python 3 standard library only.

Each simulated user has its own keep-alive HTTP/1.1 connection and its own cookies, and signs in
first (CSRF token from the login form). asyncio with raw sockets rather than urllib: one process
drives hundreds of users with little CPU, which matters on a 2-core machine shared with the
server (the table shows the client's own CPU use so a reader can tell when it is the limit).

    python3 load.py BASE_URL --survey ID --accounts FILE [--clients 50] [--seconds 15]
                    [--submitters 200] [--sqlite FILE | --psql URL] [--flood]

--accounts: staff numbers (one a line) that may answer the open survey, with --account-password
(made by `SurveyBench submitters`). --sqlite / --psql: the database, where the stored answers are
counted before and after the submission burst (psql URL without `?tlsmode=`).
"""
import argparse, asyncio, html, os, random, re, resource, sqlite3, subprocess, sys, time, urllib.parse

TOKEN = re.compile(rb'name="_csrf" value="([^"]+)"')
SURVEY_FORM = re.compile(rb'<form method="post" action="/surveys/[^"]+/answer"[^>]*>(.*?)</form>', re.S)
HIDDEN = re.compile(rb'<input type="hidden" name="([^"]+)" value="([^"]*)"')
CHOICE = re.compile(rb'<input type="(?:radio|checkbox)" name="([^"]+)" id="[^"]*" value="([^"]*)"')


class Client:
    """One user: one keep-alive connection, its own cookie jar."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None
        self.cookies = {}

    def close(self):
        if self.writer:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, method, path, fields=None):
        body = urllib.parse.urlencode(fields).encode() if fields is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        if self.cookies:
            head += "Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()) + "\r\n"
        if fields is not None:
            head += f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
        data = head.encode() + b"\r\n" + body
        # A kept-alive connection the server closed meanwhile fails before any answer: then (and
        # only then) send once more on a new connection, as a browser does. A request that got
        # part of an answer is never sent again.
        for attempt in (0, 1):
            reused = self.writer is not None
            if not reused:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                self.writer.write(data)
                status_and_headers = await self.reader.readuntil(b"\r\n\r\n")
            except (ConnectionError, asyncio.IncompleteReadError) as error:
                self.close()
                if reused and attempt == 0 and not getattr(error, "partial", b""):
                    continue
                raise
            return await self._read_rest(status_and_headers)

    async def _read_rest(self, raw):
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                name, value = name.strip().lower(), value.strip()
                headers.setdefault(name, []).append(value)
                if name == "set-cookie":
                    cookie = value.split(";", 1)[0]
                    key, _, val = cookie.partition("=")
                    self.cookies[key] = val
        if "chunked" in headers.get("transfer-encoding", [""])[0]:
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                parts.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            body = b"".join(p[:-2] for p in parts)
        else:
            body = await self.reader.readexactly(int(headers.get("content-length", ["0"])[0]))
        if headers.get("connection", [""])[0].lower() == "close":
            self.close()
        return status, headers, body

    async def sign_in(self, staff_number, password):
        _, _, page = await self.request("GET", "/login")
        token = TOKEN.search(page).group(1).decode()
        status, _, _ = await self.request("POST", "/login", [("_csrf", token), ("staff_number", staff_number), ("password", password)])
        if status != 303:
            raise RuntimeError(f"sign-in of {staff_number} answered {status}")


class Stats:
    def __init__(self, label, clients):
        self.label, self.clients = label, clients
        self.times, self.errors, self.reasons = [], 0, {}
        self.seconds = 0.0
        self.cpu = 0.0
        self.server_cpu = float("nan")  # seconds, over the measured interval

    def ok(self, seconds):
        self.times.append(seconds)

    def error(self, reason):
        self.errors += 1
        self.reasons[reason] = self.reasons.get(reason, 0) + 1

    def percentile(self, p):
        if not self.times:
            return float("nan")
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000

    @property
    def server_ms(self):
        done = len(self.times) + self.errors
        return self.server_cpu / done * 1000 if done else float("nan")

    @property
    def rate(self):
        return len(self.times) / self.seconds if self.seconds else 0.0


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


SERVER_PIDS = []


def server_cpu_seconds():
    """CPU time the app instances have used (utime + stime from /proc): per request, a figure that
    holds even when other work shares the cores and stretches the latencies."""
    total = 0
    for pid in SERVER_PIDS:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


async def sign_in_all(clients, accounts, password, parallel=8):
    """Signs everyone in, a few at a time: bcrypt is deliberately slow, and the sign-ins are
    not what is measured."""
    gate = asyncio.Semaphore(parallel)

    async def one(client, number):
        async with gate:
            await client.sign_in(number, password)

    await asyncio.gather(*(one(c, n) for c, n in zip(clients, accounts)))


async def closed_loop(label, clients, path, seconds, warmup, expect=200):
    """Every client sends the next request as soon as the last is answered, for `seconds` after a
    warm-up whose requests are not counted."""
    stats = Stats(label, len(clients))
    start = time.monotonic()
    measure_from, end = start + warmup, start + warmup + seconds

    async def run(client):
        while (now := time.monotonic()) < end:
            try:
                status, _, _ = await client.request("GET", path)
                reason = None if status == expect else f"HTTP {status}"
            except Exception as error:  # noqa: BLE001 - every failure is counted
                reason = type(error).__name__
                client.close()
            if now >= measure_from:
                stats.ok(time.monotonic() - now) if reason is None else stats.error(reason)

    await asyncio.sleep(0)
    cpu = server = None

    async def mark_cpu():
        nonlocal cpu, server
        await asyncio.sleep(warmup)
        cpu, server = cpu_seconds(), server_cpu_seconds()

    marker = asyncio.ensure_future(mark_cpu())
    await asyncio.gather(*(run(c) for c in clients))
    await marker
    stats.seconds = time.monotonic() - measure_from
    stats.cpu = (cpu_seconds() - cpu) / stats.seconds * 100
    if SERVER_PIDS:
        stats.server_cpu = server_cpu_seconds() - server
    return stats


def survey_fields(page, navigation):
    """The survey form as a browser would send it: hidden fields (the token, the page number,
    answers kept from earlier pages) and one choice per question (4 on the 5-point scale)."""
    form = SURVEY_FORM.search(page).group(1)
    fields = [(html.unescape(n.decode()), html.unescape(v.decode())) for n, v in HIDDEN.findall(form)]
    choices = {}
    for name, value in CHOICE.findall(form):
        choices.setdefault(html.unescape(name.decode()), []).append(html.unescape(value.decode()))
    fields += [(name, "4" if "4" in values else values[0]) for name, values in choices.items()]
    return fields + [("_nav", navigation)]


async def submission(clients, answer_path):
    """All submitters send their answers at once: page 1, then the final page. Each measured POST
    starts on a new connection (as a browser after the minutes a person takes to answer)."""
    first, final, both = Stats("POST answer page 1", len(clients)), Stats("POST answer, submit", len(clients)), Stats("both POSTs (per submitter)", len(clients))
    pages = await asyncio.gather(*(c.request("GET", answer_path) for c in clients))
    go = asyncio.Event()
    succeeded = 0

    async def submit(client, page):
        nonlocal succeeded
        client.close()
        await go.wait()
        start, sent_first = time.monotonic(), False
        try:
            status, _, page2 = await client.request("POST", answer_path, survey_fields(page, "next"))
            middle = time.monotonic()
            if status != 200:
                return first.error(f"HTTP {status}")
            first.ok(middle - start)
            sent_first = True
            status, headers, _ = await client.request("POST", answer_path, survey_fields(page2, "submit"))
            end = time.monotonic()
            if status != 303 or "/receipt" not in headers.get("location", [""])[0]:
                return final.error(f"HTTP {status}")
            final.ok(end - middle)
            both.ok(end - start)
            succeeded += 1
        except Exception as error:  # noqa: BLE001 - every failure is counted
            (final if sent_first else first).error(type(error).__name__)

    tasks = [asyncio.ensure_future(submit(c, p)) for c, (_, _, p) in zip(clients, pages)]
    await asyncio.sleep(0.2)
    cpu, server, start = cpu_seconds(), server_cpu_seconds(), time.monotonic()
    go.set()
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - start
    for stats in (first, final, both):
        stats.seconds = elapsed
        stats.cpu = (cpu_seconds() - cpu) / elapsed * 100
    if SERVER_PIDS:  # both POSTs share the interval: the per-submitter row carries it
        both.server_cpu = server_cpu_seconds() - server
    both.errors = len(clients) - succeeded
    return [first, final, both], succeeded


async def flood(base_host, base_port, staff_clients, seconds, warmup, flooders):
    """Wrong passwords from one address as fast as `flooders` connections can send them, while
    signed-in users read the staff list; the staff list alone first, for comparison."""
    quiet = await closed_loop("staff list, no flood", staff_clients, "/organization/staff", seconds, warmup)
    statuses, stop = {}, asyncio.Event()

    async def attacker():
        client = Client(base_host, base_port)
        _, _, page = await client.request("GET", "/login")
        token = TOKEN.search(page).group(1).decode()
        while not stop.is_set():
            guess = [("_csrf", token), ("staff_number", f"D{random.randint(1, 9999):04d}"), ("password", "not-the-password")]
            try:
                status, _, _ = await client.request("POST", "/login", guess)
            except Exception as error:  # noqa: BLE001
                status = type(error).__name__
                client.close()
            statuses[status] = statuses.get(status, 0) + 1

    attackers = [asyncio.ensure_future(attacker()) for _ in range(flooders)]
    loud = await closed_loop(f"staff list, during flood ({flooders} conn.)", staff_clients, "/organization/staff", seconds, warmup)
    stop.set()
    await asyncio.gather(*attackers)
    return quiet, loud, statuses


def count(args, table):
    sql = f"SELECT COUNT(*) FROM {table}"
    if args.sqlite:
        with sqlite3.connect(args.sqlite) as db:
            return db.execute(sql).fetchone()[0]
    return int(subprocess.run(["psql", args.psql, "-qAt", "-c", sql], capture_output=True, text=True, check=True).stdout)


def table(rows, ceiling):
    print(f"\n{'path':<44} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'ceiling %':>9} {'client CPU %':>12} {'app CPU ms/req':>14}")
    for s in rows:
        share = s.rate / ceiling.rate * 100 if ceiling and ceiling.rate else float("nan")
        print(f"{s.label:<44} {s.clients:>7} {s.rate:>8.0f} {s.percentile(0.5):>8.1f} {s.percentile(0.99):>8.1f} {s.errors:>7} {share:>9.0f} {s.cpu:>12.0f} {s.server_ms:>14.2f}")
        if s.reasons:
            print(f"{'':<44} errors: " + ", ".join(f"{k} ×{v}" for k, v in sorted(s.reasons.items(), key=str)))


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="http://127.0.0.1:8080 (nginx) or one instance")
    parser.add_argument("--survey", required=True, help="the open survey's id")
    parser.add_argument("--accounts", required=True, help="file of staff numbers that may answer the survey")
    parser.add_argument("--account-password", default="bench-password-1")
    parser.add_argument("--demo-password", default="jibungoto-demo")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--submitters", type=int, default=200)
    parser.add_argument("--sqlite", help="SQLite file, to count the stored answers")
    parser.add_argument("--psql", help="postgresql:// URL, to count the stored answers")
    parser.add_argument("--server-pid", type=int, action="append", default=[], help="an app instance's pid (repeat): its CPU time per request is shown")
    parser.add_argument("--flood", action="store_true", help="also: staff list while wrong passwords flood in (run last: it throttles new sign-ins from this address for the login window)")
    parser.add_argument("--flood-connections", type=int, default=8)
    args = parser.parse_args()

    SERVER_PIDS.extend(args.server_pid)
    url = urllib.parse.urlsplit(args.base)
    host, port = url.hostname, url.port or 80
    accounts = [line.strip() for line in open(args.accounts) if line.strip()]
    if len(accounts) < max(args.submitters, args.clients):
        sys.exit(f"need {max(args.submitters, args.clients)} survey accounts, have {len(accounts)}")
    answer_path = f"/surveys/{args.survey}/answer"
    new = lambda n: [Client(host, port) for _ in range(n)]  # noqa: E731

    # The framework's ceiling: a plain-text route that does not touch the database.
    probe = Client(host, port)
    ceiling_path = "/livez" if (await probe.request("GET", "/livez"))[0] == 200 else "/healthz"
    probe.close()
    rows = []
    ceiling = await closed_loop(f"GET {ceiling_path} (ceiling)", new(args.clients), ceiling_path, args.seconds, args.warmup)
    rows.append(ceiling)
    if ceiling_path == "/healthz":
        print("note: no /livez in this binary; the ceiling is /healthz (JSON, one database round trip)")

    hr = new(args.clients)
    await sign_in_all(hr, ["D0004"] * args.clients, args.demo_password)
    rows.append(await closed_loop("GET /organization/staff (HR, D0004)", hr, "/organization/staff", args.seconds, args.warmup))
    staff = new(args.clients)
    await sign_in_all(staff, ["D0001"] * args.clients, args.demo_password)
    rows.append(await closed_loop("GET /career/self-report (staff, D0001)", staff, "/career/self-report", args.seconds, args.warmup))
    for client in staff:
        client.close()

    started = time.monotonic()
    submitters = new(args.submitters)
    await sign_in_all(submitters, accounts[:args.submitters], args.account_password)
    print(f"signed in {args.submitters} submitters in {time.monotonic() - started:.0f} s")
    rows.append(await closed_loop("GET survey answer page", submitters[:args.clients], answer_path, args.seconds, args.warmup))

    counted = args.sqlite or args.psql
    before = (count(args, "survey_completions"), count(args, "survey_responses")) if counted else None
    submit_rows, succeeded = await submission(submitters, answer_path)
    rows += submit_rows
    for client in submitters:
        client.close()
    table(rows, ceiling)
    ok = all(s.errors == 0 for s in rows)
    if before:
        after = (count(args, "survey_completions"), count(args, "survey_responses"))
        stored = (after[0] - before[0], after[1] - before[1])
        same = stored[0] == stored[1] == succeeded
        ok &= same
        print(f"\nsubmissions answered with success: {succeeded}; stored: completions +{stored[0]}, responses +{stored[1]} "
              f"-> {'PASS' if same else 'FAIL'} (nothing lost, nothing counted twice)")

    if args.flood:
        quiet, loud, statuses = await flood(host, port, hr, args.seconds, args.warmup, args.flood_connections)
        table([quiet, loud], ceiling)
        print("flood answers: " + ", ".join(f"{k} ×{v}" for k, v in sorted(statuses.items(), key=str))
              + "  (401 = password checked, 429 = held back before any check)")
        ok &= loud.errors == 0
    for client in hr:
        client.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
