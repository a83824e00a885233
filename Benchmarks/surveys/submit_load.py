#!/usr/bin/env python3
"""200 concurrent survey submitters on loopback: each signs in, opens the survey, then all send
their answers at once. Prints the median and p99 latency of the answer submission (page 1 and
the final page) and the errors. Standard library only.

    python3 submit_load.py BASE_URL SURVEY_ID PASSWORD STAFF_NUMBER...
"""
import http.cookiejar, re, statistics, sys, threading, time, urllib.parse, urllib.request

base, survey, password, numbers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
answer_path = f"/surveys/{survey}/answer"


class Submitter:
    def __init__(self, number):
        self.number = number
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.error = None
        self.seconds = None

    def get(self, path):
        with self.opener.open(base + path, timeout=60) as r:
            return r.read().decode()

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(urllib.request.Request(base + path, data=data), timeout=60) as r:
            return r.status, r.read().decode()

    @staticmethod
    def token(html):
        return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)

    @staticmethod
    def answers(html):
        fields = []
        for name in dict.fromkeys(re.findall(r'type="radio" name="([^"]+)"', html)):
            values = re.findall(rf'name="{re.escape(name)}" id="[^"]*" value="([^"]+)"', html)
            fields.append((name, "4" if "4" in values else values[0]))
        return fields

    def prepare(self):
        html = self.get("/login")
        self.post("/login", [("_csrf", self.token(html)), ("staff_number", self.number), ("password", password)])
        self.page1 = self.get(answer_path)

    def submit(self, barrier):
        barrier.wait()
        start = time.monotonic()
        try:
            status, page2 = self.post(answer_path, [("_csrf", self.token(self.page1)), ("_page", "1"), ("_nav", "next")] + self.answers(self.page1))
            status, receipt = self.post(answer_path, [("_csrf", self.token(page2)), ("_page", "2"), ("_nav", "submit")] + self.answers(page2))
            if "/receipt" not in receipt and "receipt" not in receipt.lower() and status != 200:
                self.error = f"unexpected final page (status {status})"
        except Exception as error:  # noqa: BLE001 - every failure is reported
            self.error = repr(error)
        self.seconds = time.monotonic() - start


submitters = [Submitter(n) for n in numbers]
prepare_threads = []
for chunk in range(0, len(submitters), 8):  # sign in a few at a time (bcrypt is deliberately slow)
    threads = [threading.Thread(target=s.prepare) for s in submitters[chunk:chunk + 8]]
    [t.start() for t in threads]
    [t.join() for t in threads]
barrier = threading.Barrier(len(submitters))
threads = [threading.Thread(target=s.submit, args=(barrier,)) for s in submitters]
[t.start() for t in threads]
[t.join() for t in threads]
times = sorted(s.seconds for s in submitters if s.error is None)
errors = [f"{s.number}: {s.error}" for s in submitters if s.error]
p99 = times[min(len(times) - 1, int(len(times) * 0.99))] if times else float("nan")
print(f"submitters={len(submitters)} ok={len(times)} errors={len(errors)} "
      f"median_ms={statistics.median(times) * 1000:.0f} p99_ms={p99 * 1000:.0f} (two POSTs each: page 1, then submit)")
for e in errors[:10]:
    print("  " + e)
sys.exit(1 if errors else 0)
