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

    python3 load.py BASE_URL --survey ID --accounts FILE --faults-log FILE (--sqlite FILE | --psql URL)
                    [--seconds 110] [--submitters 120] [--pins] [--imports] [--ready-file FILE]

Faults mode (ops/fault-check.sh): survey answers, self-reports, pins and imports spread over the
run, one JSON line per attempt, then every write answered with success is looked for in the
database (stored once, whole). See README.md here.
"""
import argparse, asyncio, html, json, os, random, re, resource, sqlite3, subprocess, sys, time, urllib.parse

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

    async def request(self, method, path, fields=None, raw=None):
        """`fields`: an urlencoded form; `raw`: (content type, bytes), e.g. a multipart upload."""
        body = urllib.parse.urlencode(fields).encode() if fields is not None else raw[1] if raw else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
        if self.cookies:
            head += "Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()) + "\r\n"
        if fields is not None or raw:
            kind = raw[0] if raw else "application/x-www-form-urlencoded"
            head += f"Content-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
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


# --- Faults mode (ops/fault-check.sh) ----------------------------------------------------------
# Writes of four kinds spread over --seconds while the script injects faults (kill -9, PostgreSQL
# restart, a full disk); one JSON line per attempt in --faults-log, then every write the app
# answered with success is looked for in the database: stored once, whole, nothing extra.

SECTION_OPTION = re.compile(rb'<option value="(\d+)"')
CHOSEN = {"move_wish": "move", "workload": "heavy", "difficulty": "hard", "health_condition": "good"}


class Database:
    """The app's database, read with the sqlite3 module or the psql client."""

    def __init__(self, args):
        self.sqlite, self.psql = args.sqlite, args.psql

    def rows(self, sql):
        if self.sqlite:
            db = sqlite3.connect(f"file:{self.sqlite}?mode=ro", uri=True, timeout=30)
            try:
                return [tuple("" if v is None else str(v) for v in row) for row in db.execute(sql).fetchall()]
            finally:
                db.close()
        out = subprocess.run(["psql", self.psql, "-qAt", "-F", "\x1f", "-c", sql], capture_output=True, text=True, check=True).stdout
        return [tuple(line.split("\x1f")) for line in out.splitlines() if line]

    def one(self, sql):
        return self.rows(sql)[0][0]


OPEN_SURVEY = "(SELECT id FROM surveys WHERE status = 'open')"


def survey_snapshot(db):
    """Totals of the open survey: completions, sheets, answers, day counters, answer counters, and
    the sheets by number of answers (a sheet without its answers shows up as a new bucket)."""
    zero = 1 << 40
    figures = {
        "completions": int(db.one(f"SELECT COUNT(*) FROM survey_completions WHERE survey_id IN {OPEN_SURVEY}")),
        "responses": int(db.one(f"SELECT COUNT(*) FROM survey_responses WHERE survey_id IN {OPEN_SURVEY}")),
        "answers": int(db.one(f"SELECT COUNT(*) FROM survey_answers WHERE response_id IN (SELECT id FROM survey_responses WHERE survey_id IN {OPEN_SURVEY})")),
        "daily": int(db.one(f"SELECT COALESCE(SUM(count - {zero}), 0) FROM survey_daily_counts WHERE survey_id IN {OPEN_SURVEY}")),
        "counters": int(db.one(f"SELECT COALESCE(SUM(count - {zero}), 0) FROM survey_answer_counts WHERE survey_id IN {OPEN_SURVEY}")),
    }
    histogram = db.rows(f"SELECT n, COUNT(*) FROM (SELECT r.id, COUNT(a.id) AS n FROM survey_responses r LEFT JOIN survey_answers a ON a.response_id = r.id "
                        f"WHERE r.survey_id IN {OPEN_SURVEY} GROUP BY r.id) AS sheets GROUP BY n")
    figures["sheets_by_answers"] = {int(n): int(c) for n, c in histogram}
    return figures


class FaultLog:
    def __init__(self, path):
        self.file = open(path, "a", buffering=1)
        self.entries = []
        self.start = time.monotonic()

    def write(self, kind, key, outcome, reason="", **extra):
        entry = {"t": round(time.monotonic() - self.start, 2), "wall": round(time.time(), 2), "kind": kind, "key": key,
                 "outcome": outcome, "reason": reason, **extra}
        self.entries.append(entry)
        self.file.write(json.dumps(entry, ensure_ascii=False) + "\n")


def describe(error):
    return "timeout" if isinstance(error, asyncio.TimeoutError) else type(error).__name__


async def timed(coroutine, seconds=60):
    return await asyncio.wait_for(coroutine, seconds)


async def token_of(client, path, label):
    status, _, page = await timed(client.request("GET", path))
    found = TOKEN.search(page)
    if status != 200 or not found:
        raise RuntimeError(f"HTTP {status} ({label})")
    return page, found.group(1).decode()


async def fault_survey(client, account, answer_path, log, attempts):
    """Page 1, then the final page; a failure starts again from the answer page (as a person
    would), so an answer stored by a request that failed on its way back is sent again and must
    be refused by the completion's unique key, not stored twice."""
    for attempt in range(attempts):
        sent_final = False
        try:
            status, headers, page = await timed(client.request("GET", answer_path))
            if status == 303 and "/receipt" in headers.get("location", [""])[0]:
                return log.write("survey", account, "ok", "already answered (receipt)", attempt=attempt)
            if status != 200 or not SURVEY_FORM.search(page):
                raise RuntimeError(f"HTTP {status} (answer page)")
            status, _, page2 = await timed(client.request("POST", answer_path, survey_fields(page, "next")))
            if status != 200 or not SURVEY_FORM.search(page2):
                raise RuntimeError(f"HTTP {status} (page 1)")
            sent_final = True
            status, headers, _ = await timed(client.request("POST", answer_path, survey_fields(page2, "submit")))
            if status == 303 and "/receipt" in headers.get("location", [""])[0]:
                return log.write("survey", account, "ok", attempt=attempt)
            raise RuntimeError(f"HTTP {status} (submit)")
        except Exception as error:  # noqa: BLE001 - every failure is counted
            client.close()
            reason = str(error) if isinstance(error, RuntimeError) else describe(error)
            # Only a failed final POST may have stored something: "unknown" to the check.
            log.write("survey", account, "unknown" if sent_final else "fail", reason, attempt=attempt)
            await asyncio.sleep(2 + random.random() * 2)


async def fault_self_report(client, account, run, log, attempts):
    text = f"fault-check {run} {account}"
    for attempt in range(attempts):
        sent = False
        try:
            page, token = await token_of(client, "/career/self-report", "self-report form")
            sections = list(dict.fromkeys(v.decode() for v in SECTION_OPTION.findall(page) if len(v) >= 6))
            if 'action="/career/self-report"' not in page.decode("utf-8", "replace") or len(sections) < 2:
                return log.write("selfreport", account, "skip", "no open form for this account")
            wishes = sections[:2]
            fields = [("_csrf", token), ("action", "submit"), ("career_plan", text),
                      ("wish1_section", wishes[0]), ("wish1_reason", "fault check 1"),
                      ("wish2_section", wishes[1]), ("wish2_reason", "fault check 2")] + list(CHOSEN.items())
            sent = True
            status, headers, _ = await timed(client.request("POST", "/career/self-report", fields))
            if status == 303 and headers.get("location", [""])[0].endswith("/career/self-report"):
                return log.write("selfreport", account, "ok", attempt=attempt, text=text, wishes=wishes)
            raise RuntimeError(f"HTTP {status} (submit)")
        except Exception as error:  # noqa: BLE001
            client.close()
            reason = str(error) if isinstance(error, RuntimeError) else describe(error)
            log.write("selfreport", account, "unknown" if sent else "fail", reason, attempt=attempt, text=text)
            await asyncio.sleep(2 + random.random() * 2)


async def fault_pins(client, scenario, candidates, log, end):
    """HR pins one person after another ("stays"), each pin re-solving the scenario."""
    token = None
    for number in candidates:
        if time.monotonic() >= end:
            break
        sent = False
        try:
            if token is None:
                _, token = await token_of(client, f"/rotation/scenarios/{scenario}/staff/{number}", "pin form")
            sent = True
            status, headers, _ = await timed(client.request("POST", f"/rotation/scenarios/{scenario}/pins",
                                                            [("_csrf", token), ("staff_number", number), ("kind", "stays")]), 120)
            if status == 303 and f"/rotation/scenarios/{scenario}" in headers.get("location", [""])[0]:
                log.write("pin", number, "ok")
                continue
            raise RuntimeError(f"HTTP {status} (pin)")
        except Exception as error:  # noqa: BLE001
            client.close()
            token = None
            reason = str(error) if isinstance(error, RuntimeError) else describe(error)
            log.write("pin", number, "unknown" if sent else "fail", reason)
            await asyncio.sleep(1)


def staff_csv(numbers):
    lines = ["職員番号,氏名,氏名カナ,生年月日,性別,採用年月日,職種,職位,雇用区分"]
    lines += [f"{n},試験　太郎,シケン タロウ,1990-04-01,男,2015/4/1,事務,主事,常勤" for n in numbers]
    return b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode()


async def fault_imports(client, run, rows, log, end, attempts):
    """HR uploads a staff CSV of `rows` new people, reads the dry run, applies it; a failed apply is
    sent again for the same batch (the app must not apply it twice)."""
    sequence = 0
    while time.monotonic() < end:
        sequence += 1
        filename = f"fault-{run}-{sequence:03d}.csv"
        numbers = [f"Z{run}{sequence:03d}{i:02d}" for i in range(rows)]
        batch = None
        try:
            _, token = await token_of(client, "/organization/import", "upload form")
            boundary = f"----fault{random.getrandbits(64):x}"
            parts = b""
            for name, value in (("_csrf", token), ("kind", "staff"), ("encoding", "auto")):
                parts += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
            parts += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
                      "Content-Type: text/csv\r\n\r\n").encode() + staff_csv(numbers) + f"\r\n--{boundary}--\r\n".encode()
            status, headers, _ = await timed(client.request("POST", "/organization/import", raw=(f"multipart/form-data; boundary={boundary}", parts)))
            location = headers.get("location", [""])[0]
            if status != 303 or "/organization/import/" not in location:
                raise RuntimeError(f"HTTP {status} (upload)")
            batch = location.rsplit("/", 1)[1]
        except Exception as error:  # noqa: BLE001
            client.close()
            # An upload stores a batch only; nothing is imported before the apply.
            log.write("import", filename, "fail", str(error) if isinstance(error, RuntimeError) else describe(error), staff=numbers)
            await asyncio.sleep(2)
            continue
        for attempt in range(attempts):
            sent = False
            try:
                _, token = await token_of(client, f"/organization/import/{batch}", "dry run")
                sent = True
                status, headers, _ = await timed(client.request("POST", f"/organization/import/{batch}/apply", [("_csrf", token)]), 300)
                location = headers.get("location", [""])[0]
                if status == 303 and location.endswith("/organization/staff"):
                    log.write("import", filename, "ok", attempt=attempt, batch=batch, staff=numbers)
                    break
                if status == 303 and location.endswith(f"/organization/import/{batch}"):
                    # Already applied (by an earlier attempt whose answer was lost).
                    log.write("import", filename, "ok", "already applied", attempt=attempt, batch=batch, staff=numbers)
                    break
                raise RuntimeError(f"HTTP {status} (apply)")
            except Exception as error:  # noqa: BLE001
                client.close()
                reason = str(error) if isinstance(error, RuntimeError) else describe(error)
                log.write("import", filename, "unknown" if sent else "fail", reason, attempt=attempt, batch=batch, staff=numbers)
                await asyncio.sleep(2)
        await asyncio.sleep(1)


async def fault_readers(clients, end, statuses):
    """Signed-in people reading the self-report form, one page every second or so."""
    async def read(client):
        while time.monotonic() < end:
            try:
                status, _, _ = await timed(client.request("GET", "/career/self-report"), 30)
            except Exception as error:  # noqa: BLE001
                status = describe(error)
                client.close()
            statuses[str(status)] = statuses.get(str(status), 0) + 1
            await asyncio.sleep(0.5 + random.random())
    await asyncio.gather(*(read(c) for c in clients))


async def sign_in_retrying(clients, accounts, password):
    gate = asyncio.Semaphore(8)

    async def one(client, number):
        async with gate:
            for attempt in range(5):
                try:
                    return await timed(client.sign_in(number, password))
                except Exception:  # noqa: BLE001
                    client.close()
                    if attempt == 4:
                        raise
                    await asyncio.sleep(2)
    await asyncio.gather(*(one(c, n) for c, n in zip(clients, accounts)))


def check_faults(db, log, before, scenario, run):
    """Every write answered with success is stored exactly once and whole; what is stored and
    was not answered with success had a request whose answer was lost ("unknown")."""
    results, entries = [], log.entries
    def verdict(ok, text):
        results.append(ok)
        print(f"{'PASS' if ok else 'FAIL'} {text}")

    def by_kind(kind):
        ok = {e["key"] for e in entries if e["kind"] == kind and e["outcome"] == "ok"}
        unknown = {e["key"] for e in entries if e["kind"] == kind and e["outcome"] == "unknown"} - ok
        return ok, unknown

    # Surveys: the completions carry the staff number, the sheets do not (docs/surveys-anonymity.md).
    ok, unknown = by_kind("survey")
    tried = {e["key"] for e in entries if e["kind"] == "survey"}
    stored = {}
    if tried:
        for number, n in db.rows(f"SELECT staff_number, COUNT(*) FROM survey_completions WHERE survey_id IN {OPEN_SURVEY} GROUP BY staff_number"):
            if number in tried:
                stored[number] = int(n)
    lost = sorted(ok - stored.keys())
    doubled = sorted(k for k, n in stored.items() if n != 1)
    unexplained = sorted(stored.keys() - ok - unknown)
    verdict(not lost and not doubled and not unexplained,
            f"survey: {len(ok)} answered with success, {len(stored)} stored (of which {len(stored.keys() - ok)} from requests whose answer was lost); "
            f"lost {len(lost)}{' ' + ','.join(lost[:10]) if lost else ''}, stored twice {len(doubled)}, stored without an attempt {len(unexplained)}")
    after = survey_snapshot(db)
    delta = {k: after[k] - before[k] for k in ("completions", "responses", "answers", "daily", "counters")}
    grown = {n: after["sheets_by_answers"].get(n, 0) - before["sheets_by_answers"].get(n, 0) for n in set(after["sheets_by_answers"]) | set(before["sheets_by_answers"])}
    grown = {n: c for n, c in grown.items() if c}
    whole = (delta["completions"] == delta["responses"] == delta["daily"] == len(stored)
             and (not delta["responses"] or (len(grown) == 1 and next(iter(grown)) > 0 and delta["counters"] % delta["responses"] == 0)))
    verdict(whole, f"survey sheets whole: completions +{delta['completions']}, sheets +{delta['responses']}, day counters +{delta['daily']}, "
                   f"answers +{delta['answers']} (new sheets by answer count {grown}), answer totals +{delta['counters']}")

    # Self-reports: the stored report has the text, the wishes and the situation that were sent.
    ok, unknown = by_kind("selfreport")
    sent = {e["key"]: e for e in entries if e["kind"] == "selfreport" and e["outcome"] == "ok"}
    rows = db.rows("SELECT r.staff_number, r.career_plan, CASE WHEN r.submitted_at IS NULL THEN 0 ELSE 1 END, "
                   "(SELECT COUNT(*) FROM self_report_wishes w WHERE w.report_id = r.id), "
                   "(SELECT MIN(w.section_code) || ',' || MAX(w.section_code) FROM self_report_wishes w WHERE w.report_id = r.id), "
                   "(SELECT COUNT(*) FROM self_report_situations s WHERE s.report_id = r.id AND s.workload = 'heavy' AND s.difficulty = 'hard') "
                   f"FROM self_reports r WHERE r.career_plan LIKE 'fault-check {run} %'")
    reports = {}
    for number, text, submitted, wishes, codes, situation in rows:
        reports.setdefault(number, []).append((text, submitted, int(wishes), codes, int(situation)))
    lost = sorted(k for k in ok if k not in reports)
    doubled = sorted(k for k, v in reports.items() if len(v) != 1)
    partial = sorted(k for k, v in reports.items() if any(r[1] != "1" or r[2] != 2 or r[4] != 1 for r in v))
    wrong = sorted(k for k, e in sent.items() if k in reports and reports[k][0][3] != ",".join(sorted(e["wishes"])))
    unexplained = sorted(reports.keys() - ok - unknown)
    skipped = len({e["key"] for e in entries if e["kind"] == "selfreport" and e["outcome"] == "skip"})
    verdict(not (lost or doubled or partial or wrong or unexplained),
            f"self-report: {len(ok)} submitted with success, {len(reports)} stored with this run's text; lost {len(lost)}"
            f"{' ' + ','.join(lost[:10]) if lost else ''}, twice {len(doubled)}, half-written {len(partial)}, wrong wishes {len(wrong)}, "
            f"without an attempt {len(unexplained)}" + (f" ({skipped} accounts had no open form)" if skipped else ""))

    # Pins: one row per pin answered with success, no pin twice.
    if scenario:
        ok, unknown = by_kind("pin")
        counts = {n: int(c) for n, c in db.rows(
            "SELECT staff_number, COUNT(*) FROM rotation_scenario_pins WHERE scenario_id IN "
            f"(SELECT id FROM rotation_scenarios WHERE name = 'fault-check {run}') GROUP BY staff_number")}
        lost = sorted(ok - counts.keys())
        doubled = sorted(k for k, n in counts.items() if n != 1)
        unexplained = sorted(counts.keys() - ok - unknown)
        verdict(not (lost or doubled or unexplained),
                f"pins: {len(ok)} answered with success, {len(counts)} stored; lost {len(lost)}, twice {len(doubled)}, without an attempt {len(unexplained)}")

    # Imports: every batch is all or nothing; each batch answered with success is in the staff table.
    imports = {}
    for e in entries:
        if e["kind"] == "import":
            imports.setdefault(e["key"], {"staff": e["staff"], "outcomes": set()})["outcomes"].add(e["outcome"])
    if imports:
        present = {n: int(c) for n, c in db.rows(f"SELECT staff_number, COUNT(*) FROM staff WHERE staff_number LIKE 'Z{run}%' GROUP BY staff_number")}
        applied = {f: a for f, a in db.rows(f"SELECT filename, CASE WHEN applied_at IS NULL THEN 0 ELSE 1 END FROM import_batches WHERE filename LIKE 'fault-{run}-%'")}
        lost, halves, unexplained, unmarked, stored_batches = [], [], [], [], 0
        for filename, info in imports.items():
            have = sum(1 for n in info["staff"] if present.get(n))
            if have not in (0, len(info["staff"])):
                halves.append(filename)
            if have:
                stored_batches += 1
            if "ok" in info["outcomes"]:
                if have != len(info["staff"]):
                    lost.append(filename)
                if applied.get(filename) != "1":
                    unmarked.append(filename)
            elif have and "unknown" not in info["outcomes"]:
                unexplained.append(filename)
        doubled = sorted(n for n, c in present.items() if c != 1)
        done = sum(1 for i in imports.values() if "ok" in i["outcomes"])
        verdict(not (lost or halves or unexplained or doubled or unmarked),
                f"imports: {done} applied with success, {stored_batches} stored ({len(present)} staff rows); lost {len(lost)}, half-applied {len(halves)}, "
                f"staff twice {len(doubled)}, applied but not marked {len(unmarked)}, stored without an attempt {len(unexplained)}")
    return all(results)


def fault_summary(log):
    summary = {}
    for e in log.entries:
        s = summary.setdefault(e["kind"], {"ok": 0, "unknown": 0, "fail": 0, "skip": 0, "reasons": {}})
        s[e["outcome"]] += 1
        if e["outcome"] in ("unknown", "fail"):
            s["reasons"][e["reason"]] = s["reasons"].get(e["reason"], 0) + 1
    return summary


async def faults_main(args):
    url = urllib.parse.urlsplit(args.base)
    host, port = url.hostname, url.port or 80
    db = Database(args)
    log = FaultLog(args.faults_log)
    run = args.run or f"{int(time.time()) % 10000:04d}"
    accounts = [line.strip() for line in open(args.accounts) if line.strip()]
    # Regular staff first: the self-report round of the demo city is for them only.
    regular = {r[0] for r in db.rows("SELECT staff_number FROM staff WHERE employment_type = 'regular'")}
    accounts = ([a for a in accounts if a in regular] + [a for a in accounts if a not in regular])[:args.submitters]
    answer_path = f"/surveys/{args.survey}/answer"
    new = lambda n: [Client(host, port) for _ in range(n)]  # noqa: E731

    started = time.monotonic()
    submitters = new(len(accounts))
    await sign_in_retrying(submitters, accounts, args.account_password)
    hr = new(2)
    await sign_in_retrying(hr, ["D0004", "D0004"], args.demo_password)
    readers = new(args.readers)
    await sign_in_retrying(readers, ["D0001"] * args.readers, args.demo_password)
    print(f"signed in {len(accounts)} submitters, 2 HR, {args.readers} readers in {time.monotonic() - started:.0f} s", flush=True)

    scenario, candidates = None, []
    if args.pins:
        _, token = await token_of(hr[0], "/rotation", "scenarios")
        status, headers, _ = await timed(hr[0].request("POST", "/rotation", [("_csrf", token), ("name", f"fault-check {run}"),
                                                                              ("transfer_date", args.transfer_date), ("preset", "settings")]), 300)
        if status != 303:
            sys.exit(f"creating the scenario answered {status}")
        scenario = headers["location"][0].rstrip("/").rsplit("/", 1)[1]
        candidates = [r[0] for r in db.rows("SELECT staff_number FROM staff WHERE staff_number NOT IN (SELECT staff_number FROM rotation_scenario_movers) "
                                             "AND staff_number NOT LIKE 'D%' AND staff_number NOT LIKE 'Z%' ORDER BY staff_number")][100:]
        random.Random(run).shuffle(candidates)

    before = survey_snapshot(db)
    if args.ready_file:
        open(args.ready_file, "w").write(f"{run}\n")
    end = time.monotonic() + args.seconds
    statuses = {}
    # Each submitter answers the survey, then fills the self-report, at moments spread evenly
    # over the run, so that writes are in flight at every fault.
    async def person(index, client, account):
        await asyncio.sleep(args.seconds * index / len(accounts))
        await fault_survey(client, account, answer_path, log, args.attempts)
        await asyncio.sleep(random.random() * 3)
        await fault_self_report(client, account, run, log, args.attempts)
        client.close()

    order = list(range(len(accounts)))
    random.Random(run).shuffle(order)
    tasks = [person(order[i], c, a) for i, (c, a) in enumerate(zip(submitters, accounts))]
    tasks.append(fault_readers(readers, end, statuses))
    if scenario:
        tasks.append(fault_pins(hr[0], scenario, candidates, log, end))
    if args.imports:
        tasks.append(fault_imports(hr[1], run, args.import_rows, log, end, args.attempts))
    await asyncio.gather(*tasks)
    print(f"load done after {time.monotonic() - log.start:.0f} s; readers' statuses: {statuses}", flush=True)

    summary = fault_summary(log)
    for kind, s in summary.items():
        reasons = ", ".join(f"{k} ×{v}" for k, v in sorted(s["reasons"].items()))
        print(f"{kind:<11} ok {s['ok']:>4}  failed {s['fail']:>3}  answer lost {s['unknown']:>3}" + (f"  skipped {s['skip']}" if s["skip"] else "") + (f"  ({reasons})" if reasons else ""))
    ok = check_faults(db, log, before, scenario, run)
    if args.summary:
        with open(args.summary, "w") as out:
            json.dump({"run": run, "writes": summary, "readers": statuses, "passed": ok,
                       "last_ok": {k: max((e["wall"] for e in log.entries if e["kind"] == k and e["outcome"] == "ok"), default=None) for k in summary}}, out)
    for client in hr + readers:
        client.close()
    return 0 if ok else 1


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
    parser.add_argument("--burst-only", action="store_true", help="only the submission burst (sign-in, both POSTs, the count), to compare binaries")
    parser.add_argument("--flood", action="store_true", help="also: staff list while wrong passwords flood in (run last: it throttles new sign-ins from this address for the login window)")
    parser.add_argument("--flood-connections", type=int, default=8)
    faults = parser.add_argument_group("faults mode (ops/fault-check.sh)")
    faults.add_argument("--faults-log", help="run the faults load instead: one JSON line per write attempt here, then the check")
    faults.add_argument("--ready-file", help="written (with the run's id) once everyone is signed in and the load begins")
    faults.add_argument("--summary", help="JSON figures of the faults run")
    faults.add_argument("--run", help="an id for this run's marks (default: from the clock)")
    faults.add_argument("--readers", type=int, default=5)
    faults.add_argument("--attempts", type=int, default=4, help="tries per write, as a person tries again")
    faults.add_argument("--pins", action="store_true", help="HR pins people in a new rotation scenario")
    faults.add_argument("--transfer-date", default="2027-04-01")
    faults.add_argument("--imports", action="store_true", help="HR imports small staff CSVs over the web")
    faults.add_argument("--import-rows", type=int, default=5)
    args = parser.parse_args()
    if args.faults_log:
        if not (args.sqlite or args.psql):
            sys.exit("--faults-log needs --sqlite or --psql")
        return await faults_main(args)

    SERVER_PIDS.extend(args.server_pid)
    url = urllib.parse.urlsplit(args.base)
    host, port = url.hostname, url.port or 80
    accounts = [line.strip() for line in open(args.accounts) if line.strip()]
    if len(accounts) < max(args.submitters, args.clients):
        sys.exit(f"need {max(args.submitters, args.clients)} survey accounts, have {len(accounts)}")
    answer_path = f"/surveys/{args.survey}/answer"
    new = lambda n: [Client(host, port) for _ in range(n)]  # noqa: E731

    rows, ceiling, hr = [], None, []
    if not args.burst_only:
        # The framework's ceiling: a plain-text route that does not touch the database.
        probe = Client(host, port)
        ceiling_path = "/livez" if (await probe.request("GET", "/livez"))[0] == 200 else "/healthz"
        probe.close()
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
    if not args.burst_only:
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

    if args.flood and not args.burst_only:
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
