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

CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright cannot download its own here
# Without the background-networking flags Chromium keeps dialling out to a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BOX = ".dossier-search__input"
RESULT = ".dossier-search__result"
STATUS = ".dossier-search__status"
PAUSE_MS = 1000  # between clicking into the box and the first key
READER_KEY_MS = 150  # between keys, for a reader typing about seven letters a second


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging each request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 from a thread; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _time_query(
    page: Any, url: str, query: str, wait_for_index: bool, key_ms: int = 0
) -> dict[str, Any]:
    """Open `url`, type `query` into the header box; time the first results, weigh the transfers.

    With `wait_for_index`, the reader pauses a second between clicking into the box and typing,
    and the transfers count from the first key. Without, typing starts at the click, and they
    count from the page's own load, which loads Pagefind's runtime once the page is idle.
    `key_ms` is the pause between keys (0: as fast as the browser takes them).
    """
    transferred: list[int] = []

    def count(response: Any) -> None:
        if "/pagefind/" in response.url:
            with contextlib.suppress(Exception):
                transferred.append(len(response.body()))

    if not wait_for_index:
        page.on("response", count)
    page.goto(url, wait_until="networkidle")
    box = page.locator(BOX)
    if wait_for_index:
        box.click()
        page.wait_for_timeout(PAUSE_MS)
        page.on("response", count)
    else:
        box.click()
    started = time.perf_counter()
    box.press_sequentially(query, delay=key_ms)
    typed = time.perf_counter() - key_ms / 1000  # Playwright holds each key `key_ms`
    # The results of the whole query, not of a prefix shown while typing: the status names it.
    page.wait_for_function(
        """([status, result, query]) => {
            const s = document.querySelector(status);
            return s && s.textContent.includes("\u201c" + query + "\u201d")
                && document.querySelector(result) !== null;
        }""",
        arg=[STATUS, RESULT, query],
        timeout=30_000,
    )
    done = time.perf_counter()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", count)
    return {
        "ms": (done - started) * 1000,
        "ms_after_last_key": (done - typed) * 1000,
        "kb": sum(transferred) / 1e3,
        "results": page.locator(RESULT).count(),
        "matches": int(page.locator(STATUS).inner_text().split()[0].replace(",", "")),
    }


def measure_search(site: Path, query: str = "ceasefire") -> dict[str, Any]:
    """Time one search on the home page, each in a fresh browser context (empty cache)."""
    from playwright.sync_api import sync_playwright

    measured: dict[str, Any] = {"query": query}
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for key, wait, key_ms in (
                ("typed_after_focus", True, 0),
                ("typed_at_once", False, 0),
                ("typed_like_a_reader", True, READER_KEY_MS),
            ):
                context = browser.new_context()
                page = context.new_page()
                measured[key] = _time_query(page, url, query, wait, key_ms)
                context.close()
        finally:
            browser.close()
    return measured
