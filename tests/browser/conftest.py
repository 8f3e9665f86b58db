"""Fixtures for browser tests: built sites served on 127.0.0.1, and a watched chromium page.

Every fixture that builds or serves is session-scoped and lives in its own tmp folder, so under
pytest-xdist each worker builds and serves its own copies: nothing is shared between processes.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bench.browser import CHROMIUM as CHROMIUM_PATH
from bench.browser import CHROMIUM_ARGS, QuietHandler
from tests.conftest import ROOT, SEEDS, build_test_site

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path(CHROMIUM_PATH)
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
COLLECTED = ROOT / "tests" / "fixtures" / "collected"


@dataclass
class Served:
    """A built site served over HTTP: its base URL and where its files are."""

    url: str
    site: Path

    def at(self, path: str) -> str:
        """Return the absolute URL of a URL path found on the site ("/repo/articles/x/")."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}{path}"


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve `root` on a free port of 127.0.0.1 from a daemon thread; return server and origin."""
    root.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def served_site(tmp: Path, input_dir: Path, prefix: str) -> Iterator[Served]:
    """Build `input_dir` for the URL it will be served at (`prefix` is "/" or "/repo/")."""
    www = tmp / "www"
    server, origin = serve(www)
    try:
        url = origin + prefix
        built = build_test_site(tmp / "build", input_dir, site_url=url)
        target = www / prefix.strip("/") if prefix.strip("/") else www
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(built, target)
        yield Served(url, target)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def root_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The seed site served at the root of a local origin."""
    yield from served_site(tmp_path_factory.mktemp("root-site"), SEEDS, "/")


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The seed site served under /repo/, as GitHub Pages serves a project site."""
    yield from served_site(tmp_path_factory.mktemp("subpath-site"), SEEDS, "/repo/")


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A site built from the hostile article fixture (markup, scripts, template syntax)."""
    if not (HOSTILE / "hostile.txt").is_file():
        pytest.fail(f"{HOSTILE}/hostile.txt is missing")
    yield from served_site(tmp_path_factory.mktemp("hostile-site"), HOSTILE, "/")


@pytest.fixture(scope="session")
def collected_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A site built from articles as `dossier add` writes them (front matter with an address
    and an author), one of them with a `javascript:` address and markup for an author."""
    yield from served_site(tmp_path_factory.mktemp("collected-site"), COLLECTED, "/")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Launch Debian's headless chromium once per test process."""
    if not CHROMIUM.exists():
        pytest.fail("chromium is not installed: apt-get install -y chromium")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Watched:
    """A browser page with everything that went wrong on it recorded."""

    page: Any
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """Fail on any console error, failed or outside request, or dialog seen so far."""
        assert not self.errors, f"console errors: {self.errors}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.outside, f"requests outside 127.0.0.1: {self.outside}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"


def watch(page: Any) -> Watched:
    """Record console errors, page errors, failed requests, outside requests and dialogs."""
    seen = Watched(page)

    def on_console(message: Any) -> None:
        if message.type == "error":
            seen.errors.append(message.text)

    def on_response(response: Any) -> None:
        if response.status >= 400:
            seen.failed.append(f"{response.status} {response.url}")

    def on_request(request: Any) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            seen.outside.append(request.url)

    def on_failed(request: Any) -> None:
        # A request the browser cancels because the reader moved on is no fault of the site.
        if "ERR_ABORTED" not in str(request.failure):
            seen.failed.append(f"{request.failure} {request.url}")

    def on_dialog(dialog: Any) -> None:
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.on("request", on_request)
    page.on("dialog", on_dialog)
    return seen


@pytest.fixture
def reader(browser: Any) -> Iterator[Watched]:
    """A fresh page in a fresh context (no cache or storage shared between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield watch(context.new_page())
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The folder screenshots are saved to (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
