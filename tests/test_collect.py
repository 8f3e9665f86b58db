"""`dossier add`: real HTTP against a server on the loopback address serving original pages."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from generator.collect import add, import_export
from generator.collect.fetch import FetchSettings
from generator.extract import extract
from generator.knowledge import Knowledge
from generator.read import read_article

PAGES = Path(__file__).parent / "collect" / "pages"
FAST = FetchSettings(timeout=0.5, retries=2, backoff=0.01, delay=0.0)


def _page(name: str, base: str) -> bytes:
    return (PAGES / name).read_text(encoding="utf-8").replace("@BASE@", base).encode("utf-8")


class _Site(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://{self.headers['Host']}"
        path = self.path
        self.hits[path] = self.hits.get(path, 0) + 1
        html = "text/html; charset=utf-8"
        if path == "/robots.txt":
            self._send(200, "text/plain", (PAGES / "robots.txt").read_bytes())
        elif path.startswith("/news/2025/03/14/port-strike-ends"):
            self._send(200, html, _page("schema_article.html", base))
        elif path in ("/feed.rss", "/feed.atom"):
            self._send(200, "application/rss+xml", _page(path[1:], base))
        elif path.startswith("/feed/"):
            self._send(200, html, _page(f"feed_{path[6:]}", base))
        elif path == "/plain":
            self._send(200, html, _page("plain_article.html", base))
        elif path == "/2024/11/05/orchard-licence.html":
            self._send(200, html, _page("url_date_article.html", base))
        elif path == "/cp1252":
            text = (PAGES / "cp1252_article.html").read_text(encoding="utf-8")
            self._send(200, "text/html", text.encode("cp1252"))
        elif path in ("/old", "/older"):
            self.send_response(301)
            self.send_header("Location", "/older" if path == "/old" else "/plain")
            self.end_headers()
        elif path == "/flaky":
            if self.hits[path] == 1:
                self._send(500, "text/plain", b"oops")
            else:
                self._send(200, html, _page("plain_article.html", base))
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, html, _page("plain_article.html", base))
        elif path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\n")
        elif path == "/huge":
            self._send(200, html, b"<html><body>" + b"<p>word word word</p>" * 1_000_000)
        elif path == "/empty":  # page furniture, no article
            self._send(200, html, b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
        elif path == "/garbled":  # labelled a web page, but bytes of no text encoding
            self._send(200, html, bytes(range(256)) * 40)
        elif path.startswith("/private/"):
            self._send(200, html, _page("plain_article.html", base))
        else:
            self._send(404, "text/plain", b"not found")


@pytest.fixture
def site() -> Iterator[str]:
    _Site.hits = {}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _add(sources: list[str], root: Path, knowledge: Knowledge) -> tuple[object, list[str]]:
    lines: list[str] = []
    return add(sources, root, knowledge, FAST, lines.append), lines


def _read(root: Path, name: str, knowledge: Knowledge):  # type: ignore[no-untyped-def]
    return extract(read_article(root / name, root), knowledge)


def _words(text: str) -> list[str]:
    return text.split()


def _shingle_f1(found: str, wanted: str, n: int = 5) -> float:
    def grams(text: str) -> set[tuple[str, ...]]:
        w = _words(text)
        return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}

    a, b = grams(found), grams(wanted)
    both = len(a & b)
    return 2 * both / (len(a) + len(b)) if both else 0.0


def _body(article) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(b.text for b in article.blocks if b.kind == "paragraph")


def test_news_page_with_metadata(site: str, tmp_path: Path, knowledge: Knowledge) -> None:
    report, lines = _add([f"{site}/news/2025/03/14/port-strike-ends"], tmp_path, knowledge)
    assert not report.failed, lines  # type: ignore[attr-defined]
    (name,) = [n for _, n in report.added]  # type: ignore[attr-defined]
    assert name == "2025-03-14-dockworkers-end-nine-day-strike-at-port-veyra.md"
    article = _read(tmp_path, name, knowledge)
    assert article.title == "Dockworkers end nine-day strike at Port Veyra"
    assert article.date.value.isoformat() == "2025-03-14"
    assert article.outlet == "The Harbour Gazette"
    assert article.outlet_source == "the page's metadata"
    assert article.url == f"{site}/news/2025/03/14/port-strike-ends"
    assert article.author == "Lena Marsh"
    wanted = (PAGES / "schema_article.body.txt").read_text(encoding="utf-8")
    assert _shingle_f1(_body(article), wanted) >= 0.95
    for furniture in ("cookies", "Related stories", "Become a member", "Photo:"):
        assert furniture not in _body(article)


def test_page_without_metadata_and_date_only_in_url(
    site: str, tmp_path: Path, knowledge: Knowledge
) -> None:
    report, lines = _add(
        [f"{site}/plain", f"{site}/2024/11/05/orchard-licence.html"], tmp_path, knowledge
    )
    assert not report.failed, lines  # type: ignore[attr-defined]
    plain, orchard = (_read(tmp_path, n, knowledge) for _, n in report.added)  # type: ignore[attr-defined]
    assert plain.title == "Flood barrier trial in Korsby passes first test"
    assert plain.date.value is None
    assert plain.outlet == "127.0.0.1"  # no name anywhere: the site's address
    assert plain.outlet_source == "the web address (127.0.0.1)"
    assert _shingle_f1(_body(plain), (PAGES / "plain_article.body.txt").read_text()) >= 0.95
    assert orchard.date.value.isoformat() == "2024-11-05"
    assert "the page's address" in (tmp_path / report.added[1][1]).read_text()  # type: ignore[attr-defined]


def test_windows_1252_page_without_charset(site: str, tmp_path: Path, knowledge: Knowledge) -> None:
    report, lines = _add([f"{site}/cp1252"], tmp_path, knowledge)
    assert not report.failed, lines  # type: ignore[attr-defined]
    article = _read(tmp_path, report.added[0][1], knowledge)  # type: ignore[attr-defined]
    wanted = (PAGES / "cp1252_article.body.txt").read_text(encoding="utf-8")
    assert _shingle_f1(_body(article), wanted) >= 0.95
    assert "€" in article.title and "ń" not in _body(article)


def test_redirects_are_followed_and_the_final_address_kept(
    site: str, tmp_path: Path, knowledge: Knowledge
) -> None:
    report, _ = _add([f"{site}/old"], tmp_path, knowledge)
    text = (tmp_path / report.added[0][1]).read_text()  # type: ignore[attr-defined]
    assert f"url: {site}/plain\n" in text
    assert f"requested: {site}/old\n" in text


def test_failures_are_reported_per_address_and_the_others_go_on(
    site: str, tmp_path: Path, knowledge: Knowledge
) -> None:
    bad = ["/missing", "/slow", "/report.pdf", "/huge", "/private/page", "/empty", "/garbled"]
    sources = [site + p for p in bad] + [f"{site}/flaky"]
    settings = FetchSettings(timeout=0.5, retries=1, backoff=0.01, delay=0.0, max_bytes=2_000_000)
    lines: list[str] = []
    report = add(sources, tmp_path, knowledge, settings, lines.append)
    reasons = dict(report.failed)
    assert set(reasons) == {site + p for p in bad}
    assert "404" in reasons[f"{site}/missing"]
    assert "no answer within 0.5 s" in reasons[f"{site}/slow"]
    assert "application/pdf" in reasons[f"{site}/report.pdf"]
    assert "limit" in reasons[f"{site}/huge"]
    assert "robots.txt" in reasons[f"{site}/private/page"]
    assert "no article text" in reasons[f"{site}/empty"]
    assert "binary data, not text" in reasons[f"{site}/garbled"]  # a bad encoding
    assert _Site.hits.get("/private/page") is None  # never asked for
    assert [s for s, _ in report.added] == [f"{site}/flaky"]  # 500 then 200: retried
    assert _Site.hits["/flaky"] == 2
    assert all(any(s in line for line in lines) for s in sources)


def test_same_page_or_same_text_is_added_once(
    site: str, tmp_path: Path, knowledge: Knowledge
) -> None:
    first, _ = _add([f"{site}/news/2025/03/14/port-strike-ends"], tmp_path, knowledge)
    kept = sorted(p.read_bytes() for p in tmp_path.iterdir())
    again = f"{site}/news/2025/03/14/port-strike-ends/?utm_source=rss&utm_medium=feed"
    second, lines = _add([again, f"{site}/old", f"{site}/plain"], tmp_path, knowledge)
    assert [s for s, _ in second.held] == [again, f"{site}/plain"]  # type: ignore[attr-defined]
    assert second.held[0][1] == first.added[0][1]  # type: ignore[attr-defined]
    assert any("already in the input folder as" in line for line in lines)
    files = sorted(p.read_bytes() for p in tmp_path.iterdir())
    assert len(files) == 2 and kept[0] in files  # the first file is unchanged


def test_a_page_saved_in_the_folder_by_hand_is_not_added_again(
    site: str, tmp_path: Path, knowledge: Knowledge
) -> None:
    (tmp_path / "saved-by-hand.html").write_bytes(_page("plain_article.html", site))
    report, lines = _add([f"{site}/plain"], tmp_path, knowledge)
    assert report.held == [(f"{site}/plain", "saved-by-hand.html")], lines  # type: ignore[attr-defined]
    assert [p.name for p in tmp_path.iterdir()] == ["saved-by-hand.html"]


def test_saved_files_and_folders(tmp_path: Path, knowledge: Knowledge) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "story.html").write_bytes(_page("plain_article.html", "http://x.example"))
    (saved / "notes.txt").write_text("Korsby council meets\n\nThe council met on Monday.\n")
    (saved / "image.png").write_bytes(b"\x89PNG")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "notes.txt").write_text("An older file with the same name.\n")
    report, lines = _add([str(saved)], seeds, knowledge)
    assert not report.failed, lines  # type: ignore[attr-defined]
    names = sorted(n for _, n in report.added)  # type: ignore[attr-defined]
    assert names == ["notes-2.txt", "undated-flood-barrier-trial-in-korsby-passes-first-test.md"]
    assert (seeds / "notes.txt").read_text() == "An older file with the same name.\n"
    again, _ = _add([str(saved / "notes.txt")], seeds, knowledge)
    assert again.held == [(str(saved / "notes.txt"), "notes-2.txt")]  # type: ignore[attr-defined]


def test_command_exit_code_says_whether_any_failed(site: str, tmp_path: Path) -> None:
    from generator.cli import main

    options = ["--input", str(tmp_path), "--timeout", "0.5", "--delay", "0", "--quiet"]
    assert main(["add", f"{site}/plain", *options]) == 0
    assert main(["add", f"{site}/plain", f"{site}/missing", *options]) == 1
    assert len(list(tmp_path.glob("*.md"))) == 1


def test_feeds_add_each_entry_once(site: str, tmp_path: Path, knowledge: Knowledge) -> None:
    lines: list[str] = []
    feeds = [f"{site}/feed.rss", f"{site}/feed.atom"]
    report = add([], tmp_path, knowledge, FAST, lines.append, feeds=feeds)
    assert not report.failed, lines
    added = {s.removeprefix(site) for s, _ in report.added}
    assert added == {
        "/feed/first.html",
        "/feed/second.html",
        "/news/2025/03/14/port-strike-ends?utm_source=rss&utm_medium=feed",
        "/feed/third.html",
    }  # first.html is in both feeds: fetched once
    assert _Site.hits["/feed/first.html"] == 1
    again = add([], tmp_path, knowledge, FAST, lines.append, feeds=[f"{site}/feed.atom"])
    assert not again.added and len(again.held) == 2  # already there: not fetched again
    assert _Site.hits["/feed/first.html"] == 1


def test_a_feed_that_is_not_one_is_reported(
    site: str, tmp_path: Path, knowledge: Knowledge
) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<html><body>no feed</body></html>")
    report = add([], tmp_path / "seeds", knowledge, FAST, lambda _: None, feeds=[str(broken)])
    assert [s for s, _ in report.failed] == [str(broken)]
    assert "not an RSS or Atom feed" in report.failed[0][1]


def test_import_rows_with_text_and_rows_with_only_an_address(
    site: str, tmp_path: Path, knowledge: Knowledge
) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "Headline,Body,seendate,media_name,link\n"
        'Korsby council meets,"The council met on Monday, its chair said.",'
        "20250105T101500Z,Korsby Courier,\n"
        f",,2024-11-05,,{site}/plain\n"
        ",,,,\n",
        encoding="utf-8",
    )
    seeds = tmp_path / "seeds"
    lines: list[str] = []
    report = import_export(export, seeds, knowledge, {"text": "Body"}, FAST, lines.append)
    assert report.failed == [(f"{export} row 3", "no text and no web address")]
    names = [n for _, n in report.added]
    assert names[0] == "2025-01-05-korsby-council-meets.md"
    first = _read(seeds, names[0], knowledge)
    assert first.outlet == "Korsby Courier" and first.date.value.isoformat() == "2025-01-05"
    fetched = _read(seeds, names[1], knowledge)
    assert fetched.title == "Flood barrier trial in Korsby passes first test"
    assert fetched.date.value.isoformat() == "2024-11-05"  # the page states none: the row's
    again = import_export(export, seeds, knowledge, {"text": "Body"}, FAST, lines.append)
    assert len(again.held) == 2 and not again.added


def test_import_json_lines_and_a_broken_export(tmp_path: Path, knowledge: Knowledge) -> None:
    export = tmp_path / "rows.jsonl"
    export.write_text(
        '{"title": "Bridge repair begins", "content": "Crews closed the bridge on Friday.",'
        ' "publish_date": "Fri, 07 Feb 2025 09:00:00 GMT", "url": "https://www.bbc.co.uk/news/x",'
        ' "authors": ["Ana Ruiz"]}\n'
    )
    report = import_export(export, tmp_path / "seeds", knowledge, {}, FAST, lambda _: None)
    article = _read(tmp_path / "seeds", report.added[0][1], knowledge)
    assert (article.outlet, article.author) == ("BBC", "Ana Ruiz")
    assert article.outlet_source == "the export"
    assert article.date.value.isoformat() == "2025-02-07"
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    failed = import_export(broken, tmp_path / "seeds", knowledge, {}, FAST, lambda _: None)
    assert [s for s, _ in failed.failed] == [str(broken)]


def test_a_server_that_is_not_there_is_not_a_timeout(tmp_path: Path, knowledge: Knowledge) -> None:
    import socket

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    report, _ = _add([f"http://127.0.0.1:{port}/story"], tmp_path, knowledge)
    assert "could not connect" in report.failed[0][1]  # type: ignore[attr-defined]
