"""Browser tests of the built site: headless Chromium (Debian's) driven by Playwright, offline.

The project's own site and a small quoting site are built with the debug docket into .build/,
served from 127.0.0.1, and every request to another host is aborted and counted as a failure.
Screenshots of the key pages are written to .build/screenshots/ on every run.
"""
import functools
import http.server
import os
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / ".build"
DOCKET = Path(os.environ.get("DOCKET", BUILD / "debug" / "docket"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = BUILD / "screenshots"
VIEWPORTS = {"wide": {"width": 1280, "height": 800}, "narrow": {"width": 390, "height": 844}}


def build(root: Path, out: Path) -> Path:
    subprocess.run([str(DOCKET), "build", "--root", str(root), "--out", str(out)], check=True,
                   stdout=subprocess.DEVNULL)
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url():
    server, url = serve(build(ROOT, BUILD / "browser-site"))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def quoting_site():
    folder = build(ROOT / "Tests" / "Browser" / "site", BUILD / "browser-quoting-site")
    server, url = serve(folder)
    yield url, folder
    server.shutdown()


@pytest.fixture(scope="session")
def large_site():
    """A site whose sidebar has over 1,000 items, so collapsed categories load their items from
    sidebar.json when opened (small sites inline them): three sections of 350 pages, each with a
    folder of five more."""
    source = BUILD / "browser-large-site-source"
    if not (source / "docs" / "gamma" / "deep" / "page-5.md").exists():
        for section in ("alpha", "beta", "gamma"):
            folder = source / "docs" / section
            (folder / "deep").mkdir(parents=True, exist_ok=True)
            for n in range(1, 351):
                (folder / f"page-{n:03}.md").write_text(f"# {section.title()} page {n}\n\nText.\n")
            for n in range(1, 6):
                (folder / "deep" / f"page-{n}.md").write_text(f"# Deep {section} page {n}\n\nText.\n")
    server, url = serve(build(source, BUILD / "browser-large-site"))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: run scripts/install-deps.sh", allow_module_level=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


class Watched:
    """A page with its console errors, failed requests and blocked (non-loopback) requests."""

    def __init__(self, page):
        self.page = page
        self.errors = []
        self.failed = []
        self.blocked = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.url} {r.status}"))

    def clean(self):
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.failed == [], f"failed requests: {self.failed}"
        assert self.blocked == [], f"requests off this machine: {self.blocked}"


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture
def watched(browser, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], accept_downloads=True)
    page = context.new_page()
    w = Watched(page)

    def route(r):
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            w.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    w.viewport = viewport
    yield w
    context.close()


def screenshot(watched, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    watched.page.screenshot(path=str(SCREENSHOTS / f"{name}-{watched.viewport}.png"), full_page=False)
