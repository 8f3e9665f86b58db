"""End to end: the seeds become a site with `mkdocs build --strict`, losing no sentence."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import pytest

from generator.extract import extract
from generator.knowledge import Knowledge
from generator.read import read_article
from tests.conftest import SEEDS
from tests.sitebuild import BuiltSite, build_site

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    built = build_site(SEEDS, tmp_path_factory.mktemp("seed-site"))
    assert built.exit_code == 0
    return built


class _Text(HTMLParser):
    """Collect the visible text of an HTML page's article content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(page: Path) -> str:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_sentence_of_every_seed_is_on_its_page(
    seed_site: BuiltSite, knowledge: Knowledge
) -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        article = extract(read_article(path, SEEDS), knowledge)
        text = visible_text(seed_site.site / "articles" / article.slug / "index.html")
        assert article.sentences
        for sentence in article.sentences:
            assert normalised(sentence) in text, f"{path.name}: lost {sentence!r}"


def test_generated_markdown_front_matter_round_trips(seed_site: BuiltSite) -> None:
    pages = sorted((seed_site.docs / "articles").glob("*.md"))
    assert len(pages) == 6  # five articles and the index
    for page in pages:
        post = frontmatter.loads(page.read_text(encoding="utf-8"))
        assert post["title"]
        if page.name != "index.md":
            assert set(post.keys()) >= {
                "title",
                "date",
                "date_source",
                "outlet",
                "source_file",
                "summary",
                "word_count",
                "actors",
                "events",
                "tags",
            }
            assert (SEEDS / post["source_file"]).is_file()


def test_site_has_the_sections_and_the_export(seed_site: BuiltSite) -> None:
    for section in ("articles", "actors", "events", "timeline", "data", "report"):
        assert (seed_site.site / section / "index.html").is_file(), section
    data = json.loads((seed_site.site / "data" / "corpus.json").read_text())
    assert data["schema_version"] == 1
    assert len(data["articles"]) == 5
    assert (seed_site.site / "search" / "search_index.json").is_file()


def test_article_page_shows_date_provenance(seed_site: BuiltSite) -> None:
    data = json.loads((seed_site.docs / "data" / "corpus.json").read_text())
    inferred = next(a for a in data["articles"] if a["date_source"] == "inferred")
    page = seed_site.site / inferred["url"] / "index.html"
    text = html.unescape(visible_text(page))
    assert "inferred from the text" in text
    undated = next(a for a in data["articles"] if a["date"] is None)
    assert "Undated" in visible_text(seed_site.site / undated["url"] / "index.html")


def test_undated_articles_are_listed_apart(seed_site: BuiltSite) -> None:
    text = visible_text(seed_site.site / "articles" / "index.html")
    assert "Undated" in text
    assert text.index("December 2022") < text.index("November 2022") < text.index("Undated")


def test_build_is_byte_identical_across_runs(seed_site: BuiltSite, tmp_path: Path) -> None:
    again = build_site(SEEDS, tmp_path)
    assert again.exit_code == 0
    first = {
        p.relative_to(seed_site.docs): p.read_bytes()
        for p in seed_site.docs.rglob("*")
        if p.is_file()
    }
    second = {
        p.relative_to(again.docs): p.read_bytes() for p in again.docs.rglob("*") if p.is_file()
    }
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []
