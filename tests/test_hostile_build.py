"""End to end: seeds mixed with every kind of bad and hostile input build a site, losing nothing.

The site is built by the real `mkdocs build --strict` (MkDocs warnings are fatal); the bad
input files are warnings of the generator, listed on the Build report page.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cli import main
from generator.models import Corpus
from generator.pipeline import MANAGED, Settings, generate
from generator.read import read_article
from generator.site import build_site
from tests.badinputs import FIXTURES, Bad, copy_seeds, make_bad_inputs
from tests.conftest import ROOT, SEEDS
from tests.htmlcheck import article_content, scan_html, squash

pytestmark = pytest.mark.slow
MAX_BYTES = 20_000


@dataclass(frozen=True)
class Mixed:
    """A site built from seeds, bad inputs and hostile articles."""

    inputs: Path
    docs: Path
    site: Path
    corpus: Corpus
    bad: list[Bad]


def _handwritten_docs(target: Path) -> Path:
    shutil.copytree(ROOT / "docs", target, ignore=shutil.ignore_patterns(*MANAGED, ".dossier-*"))
    return target


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Mixed:
    work = tmp_path_factory.mktemp("mixed")
    inputs = work / "in"
    copy_seeds(inputs)
    bad = make_bad_inputs(inputs, MAX_BYTES)
    for fixture in sorted((FIXTURES / "hostile").iterdir()):
        shutil.copy(fixture, inputs)
    shutil.copy(FIXTURES / "bad" / "saved-page.html", inputs)
    docs = _handwritten_docs(work / "docs")
    about = (docs / "about.md").read_bytes()
    settings = Settings(inputs, docs, ROOT / "templates", ROOT / "catalogue", MAX_BYTES)
    report = generate(settings)
    build_site(ROOT / "mkdocs.yml", docs, work / "site", strict=True)
    assert (docs / "about.md").read_bytes() == about
    return Mixed(inputs, docs, work / "site", report.corpus, bad)


def _page(site: Path, slug: str) -> Path:
    return site / "articles" / slug / "index.html"


def _expected_lines(text: str) -> list[str]:
    text = re.sub(r"\A\s*date\s+\d{4}-\d{1,2}-\d{1,2}\b", "", text)
    return [line for line in (squash(line) for line in text.splitlines()) if line]


def test_every_good_article_is_published_intact(mixed: Mixed) -> None:
    bad_names = {b.name for b in mixed.bad if b.skipped}
    merged = {src for a in mixed.corpus.articles for src in a.extra_sources}
    published = {a.source_file: a for a in mixed.corpus.articles}
    good = sorted(
        p.name for p in mixed.inputs.iterdir() if not p.is_dir() and p.name not in bad_names
    )
    assert set(published) | merged == set(good)
    assert {p.name for p in SEEDS.iterdir()} <= set(published)
    for name in sorted(published):
        raw = read_article(mixed.inputs / name, mixed.inputs)
        visible = scan_html(article_content(_page(mixed.site, published[name].slug))).visible
        lines = [raw.meta["title"]] if "title" in raw.meta else []
        for line in lines + _expected_lines(raw.text):
            assert squash(str(line)) in visible, (name, line)


class _Rows(HTMLParser):
    """Collect the text of each table row's cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            self.rows[-1].append(squash("".join(self._cell)))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def test_report_page_lists_each_bad_file_with_its_reason(mixed: Mixed) -> None:
    parser = _Rows()
    parser.feed((mixed.site / "report" / "index.html").read_text(encoding="utf-8"))
    rows = [row for row in parser.rows if len(row) == 3]
    for bad in mixed.bad:
        outcome = "skipped" if bad.skipped else "kept"
        matches = [r for r in rows if r[0] == bad.name and bad.reason in r[1] and r[2] == outcome]
        assert matches, (bad, [r for r in rows if r[0] == bad.name])
    assert len(rows) - 1 == len(mixed.corpus.problems)  # one row each, under a header row


def test_hostile_pages_inject_nothing(mixed: Mixed) -> None:
    seed = next(a for a in mixed.corpus.articles if a.source_file.startswith("000_"))
    theme_only = Counter(scan_html(_page(mixed.site, seed.slug).read_text()).injected())
    for article in mixed.corpus.articles:
        scan = scan_html(_page(mixed.site, article.slug).read_text(encoding="utf-8"))
        assert Counter(scan.injected()) == theme_only, article.source_file
        description = [v for t, n, v in scan.attributes if t == "meta" and v == "description"]
        assert len(description) <= 1  # the article's text stays inside its one attribute


def test_hostile_title_shows_literally_in_title_nav_and_search(mixed: Mixed) -> None:
    source = "hostile-front-matter.md"
    raw = read_article(mixed.inputs / source, mixed.inputs)
    article = next(a for a in mixed.corpus.articles if a.source_file == source)
    title = squash(str(raw.meta["title"]))
    page = _page(mixed.site, article.slug).read_text(encoding="utf-8")
    (head_title,) = re.findall(r"<title>(.*?)</title>", page, re.S)
    assert html.unescape(head_title).startswith(title + " - ")
    (h1,) = re.findall(r"<h1 id=[^>]*>(.*?)<a class=\"headerlink\"", page, re.S)
    assert scan_html(h1).visible == title
    index = json.loads((mixed.site / "search" / "search_index.json").read_text())
    (entry,) = [d for d in index["docs"] if d["location"] == f"articles/{article.slug}/"]
    assert scan_html(entry["title"]).visible == title  # the search UI shows titles as HTML


def _cli(inputs: Path, work: Path, *args: str) -> int:
    docs = _handwritten_docs(work / "docs")
    return main(
        [
            *args,
            "--quiet",
            "--input",
            str(inputs),
            "--docs",
            str(docs),
            "--templates",
            str(ROOT / "templates"),
            "--catalogue",
            str(ROOT / "catalogue"),
            "--max-bytes",
            str(MAX_BYTES),
        ]
    )


def test_strict_fails_on_warnings_and_builds_anyway(mixed: Mixed, tmp_path: Path) -> None:
    site = tmp_path / "site"
    args = ("build", "--strict", "--config", str(ROOT / "mkdocs.yml"), "--site", str(site))
    assert _cli(mixed.inputs, tmp_path, *args) == 1
    assert (site / "report" / "index.html").is_file()


def test_strict_fails_on_a_kept_warning_alone(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    seeds = copy_seeds(inputs)
    shutil.copy(seeds[0], inputs / "copy.txt")  # a duplicate: published once, still a warning
    assert _cli(inputs, tmp_path / "a", "generate") == 0
    assert _cli(inputs, tmp_path / "b", "generate", "--strict") == 1
    (inputs / "copy.txt").unlink()
    assert _cli(inputs, tmp_path / "c", "generate", "--strict") == 0
