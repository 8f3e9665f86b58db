"""Time a Pagefind search in headless Chromium: first results after typing, bytes transferred."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RESULT = ".pagefind-ui__result"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 from a thread; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def search_once(page: Any, query: str) -> dict[str, Any]:
    """Type `query` into the header box of a loaded page; time and weigh the first results."""
    transferred: list[int] = []

    def count(response: Any) -> None:
        with contextlib.suppress(Exception):
            transferred.append(len(response.body()))

    page.on("response", count)
    box = page.locator(".pagefind-ui__search-input")
    box.click()
    started = time.perf_counter()
    box.press_sequentially(query, delay=0)
    page.wait_for_selector(RESULT, timeout=30_000)
    elapsed = (time.perf_counter() - started) * 1000
    page.wait_for_load_state("networkidle")
    results = page.locator(RESULT).count()
    page.remove_listener("response", count)
    return {
        "query": query,
        "first_results_ms": elapsed,
        "query_kb": sum(transferred) / 1e3,
        "results": results,
    }


def measure_search(site: Path, query: str = "ceasefire") -> dict[str, Any]:
    """Open the site's home page in Chromium and time one search."""
    from playwright.sync_api import sync_playwright

    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url, wait_until="networkidle")
            return search_once(page, query)
        finally:
            browser.close()
