"""Collect articles from where they live into the input folder: web pages, feeds, exports, files.

`add` takes addresses, feeds and saved files (.html, .htm, .txt, .md, or a folder of them);
`import_export` the rows of a news database's export (exports.py). Each page is fetched
politely (fetch.py), its article and metadata read (found.py), and written as one Markdown file
with front matter into the input folder (seeds.py), unless the folder holds it already. One
failure is reported with its reason and the others go on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.collect.exports import export_rows, row_date
from generator.collect.feeds import Entry, feed_entries
from generator.collect.fetch import FEED_TYPES, Fetcher, FetchError, FetchSettings
from generator.collect.found import Found, NotAnArticle, found_in_html, found_in_page, page_text
from generator.collect.seeds import Seeds, text_key
from generator.knowledge import Knowledge
from generator.read import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from generator.weburl import domain_of, web_url

SAVED_SUFFIXES = HTML_SUFFIXES + MARKDOWN_SUFFIXES + (".txt",)
Say = Callable[[str], None]


@dataclass
class AddReport:
    """What one run added, found already there, and could not add (with why); each outcome is
    said as it happens."""

    say: Say = print
    added: list[tuple[str, str]] = field(default_factory=list)  # (source, new file)
    held: list[tuple[str, str]] = field(default_factory=list)  # (source, file holding it)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)

    def add(self, source: str, name: str) -> None:
        self.added.append((source, name))
        self.say(f"{source}: added as {name}")

    def hold(self, source: str, name: str) -> None:
        self.held.append((source, name))
        self.say(f"{source}: already in the input folder as {name}; not added again")

    def fail(self, source: str, reason: str) -> None:
        self.failed.append((source, reason))
        self.say(f"{source}: {reason}; not added")

    def keep(self, found: Found, seeds: Seeds, fetched: dt.datetime | None) -> None:
        """Write an article into the folder unless the folder holds it already."""
        held = seeds.holding(found)
        if held is not None:
            self.hold(found.origin, held)
        else:
            self.add(found.origin, seeds.write(found, fetched))


def sources_of(items: Iterable[str]) -> Iterator[str]:
    """Return each address and saved file to add; a folder gives its saved files in order."""
    for item in items:
        path = Path(item)
        if not web_url(item) and path.is_dir():
            for inner in sorted(path.rglob("*")):
                if inner.is_file() and inner.suffix.lower() in SAVED_SUFFIXES:
                    yield str(inner)
        else:
            yield item


def add(
    items: Iterable[str],
    root: Path,
    knowledge: Knowledge,
    settings: FetchSettings | None = None,
    say: Say = print,
    progress: Callable[[list[str]], Iterable[str]] = iter,
    feeds: Iterable[str] = (),
) -> AddReport:
    """Add every address and saved file of `items`, and every entry of `feeds` (addresses or
    files of RSS or Atom feeds), to the input folder `root`."""
    seeds = Seeds.scan(root)
    fetcher = Fetcher(settings or FetchSettings())
    report = AddReport(say)
    sources = list(sources_of(items))
    dates: dict[str, dt.date] = {}
    for feed in feeds:
        try:
            entries = _entries(feed, fetcher)
        except (FetchError, NotAnArticle, OSError) as exc:
            report.fail(feed, str(exc))
            continue
        sources += [e.url for e in entries]
        dates |= {e.url: e.date for e in entries if e.date}
    for source in progress(list(dict.fromkeys(sources))):
        _add_one(source, seeds, fetcher, knowledge, report, dates.get(source))
    return report


def import_export(
    path: Path,
    root: Path,
    knowledge: Knowledge,
    mapping: Mapping[str, str],
    settings: FetchSettings | None = None,
    say: Say = print,
    progress: Callable[[list[str]], Iterable[str]] = iter,
) -> AddReport:
    """Add the articles of an export: a row with text is written as it is, a row with only an
    address is fetched as `add` fetches it."""
    seeds = Seeds.scan(root)
    report = AddReport(say)
    try:
        rows = list(export_rows(path, mapping))
    except (NotAnArticle, OSError, ValueError) as exc:  # ValueError: broken JSON, CSV, UTF-8
        report.fail(str(path), str(exc))
        return report
    fetch: dict[str, dt.date | None] = {}
    for row in rows:
        origin, f = f"{path} row {row.number}", row.fields
        url, date = web_url(f.get("url")), row_date(f.get("date"))
        if "text" not in f:
            if url is None:
                report.fail(origin, "no text and no web address")
            else:
                fetch[url] = date
            continue
        report.keep(
            Found(
                origin,
                f["text"].strip() + "\n",
                f.get("title"),
                date,
                "the export" if date else None,
                _outlet(f.get("outlet"), url, knowledge),
                "the export" if f.get("outlet") or url else None,
                url,
                author=f.get("author"),
            ),
            seeds,
            None,
        )
    fetcher = Fetcher(settings or FetchSettings())
    for source in progress(list(fetch)):
        _add_one(source, seeds, fetcher, knowledge, report, fetch[source])
    return report


def _outlet(named: str | None, url: str | None, knowledge: Knowledge) -> str | None:
    """Return an export row's outlet: a known site by its address or its domain column."""
    for address in (url, f"https://{named}" if named and " " not in named else None):
        site = knowledge.outlet_at(address) if address else None
        if site is not None:
            return site.name
    return named or (domain_of(url) if url else None)


def _entries(feed: str, fetcher: Fetcher) -> list[Entry]:
    if web_url(feed):
        return feed_entries(fetcher.get(feed, FEED_TYPES).body, feed)
    return feed_entries(Path(feed).read_bytes(), feed)


def _add_one(
    source: str,
    seeds: Seeds,
    fetcher: Fetcher,
    knowledge: Knowledge,
    report: AddReport,
    dated: dt.date | None = None,
) -> None:
    """Add one address or saved file; `dated`: the date a feed or an export gives it."""
    try:
        url = web_url(source)
        if url is None:
            _saved(source, seeds, knowledge, report)
        elif (held := seeds.holding_address(url)) is not None:
            report.hold(source, held)  # not fetched again
        else:
            found = found_in_page(fetcher.get(url), knowledge, url)
            if found.date is None and dated is not None:
                found = dataclasses.replace(found, date=dated, date_from="the feed entry")
            report.keep(found, seeds, dt.datetime.now(dt.UTC))
    except (FetchError, NotAnArticle, OSError) as exc:
        report.fail(source, str(exc))


def _saved(source: str, seeds: Seeds, knowledge: Knowledge, report: AddReport) -> None:
    """Read a saved page (written as a fetched one is) or copy a text file in."""
    path = Path(source)
    if not path.is_file():
        raise NotAnArticle("no such file, and not an http(s) address")
    if path.suffix.lower() not in SAVED_SUFFIXES:
        raise NotAnArticle(f"unknown file type {path.suffix!r} (add reads .html, .txt and .md)")
    text = page_text(path.read_bytes(), None, source)
    if path.suffix.lower() in HTML_SUFFIXES:
        report.keep(found_in_html(text, source, knowledge), seeds, None)
    elif (held := seeds.texts.get(text_key(text))) is not None:
        report.hold(source, held)
    else:
        report.add(source, seeds.copy(path, text))
